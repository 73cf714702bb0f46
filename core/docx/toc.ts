import { AlignmentType, LineRuleType } from 'docx';
import { bodyLines } from './layout';
import { font, SIZE, TEXT_HEIGHT, TEXT_WIDTH } from './styles';

/** Height of the 目录 title paragraph (二号 黑体 on a 45 pt line). */
const TOC_TITLE_LINE_CONST = 900;
export const TOC_TITLE_LINE = TOC_TITLE_LINE_CONST;

/**
 * The 目录 as a real TOC field over the heading styles (Heading1 = part, Heading2 = 一级标题) and the TC entries of the
 * tables, so that Word's and WPS's 更新目录 rebuild it; its cached entries carry the page numbers of the pagination
 * estimate, which is what Writer (which does not update fields) prints. The entry size is the largest that puts the
 * whole 目录 on one page without wrapping an entry.
 */

export interface TocEntry {
  title: string;
  /** 0 = part (TOC1), 1 = section or table (TOC2). */
  depth: number;
  page: number;
}

/** Word's field: outline levels 1–2 of the heading styles, plus TC fields of levels 1–2 (the tables' entries). */
export const TOC_INSTRUCTION = ' TOC \\o "1-2" \\f \\l "1-2" \\h \\z \\u ';

/** The TC field a table's title paragraph carries: its 目录 entry, at the level of a section. */
export const tcInstruction = (title: string) => `TC "${title.replace(/"/g, '＂')}" \\l 2`;


interface TocSize {
  size: number;
  line: number;
}
/** Entry sizes, largest first, each with its preferred line pitch; a pitch may tighten to 1.25 × the size to fit. */
const SIZES: TocSize[] = [
  { size: SIZE.sanhao, line: 560 },
  { size: SIZE.sihao, line: 480 },
  { size: SIZE.xiaosi, line: 400 },
  { size: SIZE.wuhao, line: 360 },
];
const ROOM = TEXT_HEIGHT - TOC_TITLE_LINE_CONST;

const indentChars = (depth: number) => (depth === 0 ? 0 : 2);

/** Lines an entry takes at a size: its indent, the title, at least one leader dot and the page number. */
function entryLines(e: TocEntry, size: number): number {
  const char = size * 10;
  return bodyLines(`${e.title}…${e.page}`, indentChars(e.depth), TEXT_WIDTH, char, 0);
}

/** The largest entry size at which every entry keeps to one line and the 目录 fits one page; else the smallest. */
export function tocSize(entries: readonly TocEntry[]): TocSize {
  for (const s of SIZES) {
    const lines = entries.reduce((sum, e) => sum + entryLines(e, s.size), 0);
    const line = Math.min(s.line, Math.floor(ROOM / Math.max(1, lines)));
    if (lines === entries.length && line >= s.size * 12.5) return { size: s.size, line };
  }
  const last = SIZES[SIZES.length - 1];
  return { size: last.size, line: Math.max(Math.round(last.size * 12.5), Math.min(last.line, Math.floor(ROOM / Math.max(1, entries.length)))) };
}

/** Paragraph styles TOC1 (parts, 黑体) and TOC2 (sections and tables, 仿宋, two characters in) at the chosen size. */
export function tocStyles(s: TocSize) {
  return [0, 1].map((depth) => ({
    id: `TOC${depth + 1}`,
    name: `toc ${depth + 1}`,
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: font(depth === 0 ? '黑体' : '仿宋_GB2312'), size: s.size },
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { line: s.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: { left: indentChars(depth) * s.size * 10 },
      tabStops: [{ type: 'right' as const, position: TEXT_WIDTH, leader: 'dot' as const }],
    },
  }));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The entry paragraphs as WordprocessingML, the field beginning in the first and ending in the last. */
export function tocXml(entries: readonly TocEntry[]): string {
  const begin = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${escapeXml(TOC_INSTRUCTION)}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`;
  const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
  if (entries.length === 0) return `<w:p>${begin}${end}</w:p>`;
  return entries.map((e, i) => {
    let xml = `<w:p><w:pPr><w:pStyle w:val="TOC${e.depth === 0 ? 1 : 2}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TEXT_WIDTH}"/></w:tabs></w:pPr>`;
    if (i === 0) xml += begin;
    xml += `<w:r><w:t xml:space="preserve">${escapeXml(e.title)}</w:t></w:r><w:r><w:tab/><w:t>${e.page}</w:t></w:r>`;
    if (i === entries.length - 1) xml += end;
    return `${xml}</w:p>`;
  }).join('');
}
