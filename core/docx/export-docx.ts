import {
  AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, Table, TextRun, SectionType,
  type ISectionOptions,
} from 'docx';
import type { BudgetDocument } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { renderOutline, type RenderedNode } from '../text/generate';
import type { Block } from '../text/blocks';
import { chineseDate } from '../text/pattern';
import { createContext } from '../text/context';
import { PageFlow, bodyLines } from './layout';
import { buildDataTable, buildGrid, tableParagraphStyles, type BuiltTable } from './tables';
import type { TableDef } from '../template/template.schema';
import { injectRawBodies } from './raw-rows';
import { documentForExport } from '../document/export-guard';
import { LANDSCAPE_TEXT_HEIGHT, TEXT_HEIGHT } from './styles';
import { BODY_STYLE, blankLine, bodyParagraph, exactLine, font, GRID, HEADING_STYLES, headingParagraph, LINE, PAGE, partTitle, run, SIZE } from './styles';
import { TOC_TITLE_LINE, tocSize, tocStyles, tocXml, type TocEntry } from './toc';

export interface ExportDocxOptions {
  /** Word document title (core properties). Defaults to the cover title. */
  title?: string;
  /** Called with each paragraph id and the estimated page and filled height after it (pagination diagnostics). */
  layoutTrace?: (id: string, page: number, used: number) => void;
}

type Child = Paragraph | Table;
interface SectionDraft {
  landscape: boolean;
  numbered: boolean;
  restart: boolean;
  children: Child[];
}

export { chineseDate };

/**
 * No paragraph snaps to the line grid: every line has an exact pitch (28 pt body, table rows, 目录 entries), which
 * Word already keeps on a grid, but Writer would round up to the grid's 28.95 pt and spread tables over more pages.
 */
const offTheGrid = (styles: string) => styles.replace('<w:pPrDefault/>', '<w:pPrDefault><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:pPrDefault>');

/**
 * A table the set prints landscape goes on a portrait page instead when its columns fit the portrait width at 五号
 * and it then takes fewer pages (a long list of narrow columns, like 表4's 类 list): landscape is for width.
 */
function orientedTable(doc: BudgetDocument, template: TemplateSet, def: TableDef, tocTitle: string): { table: BuiltTable; landscape: boolean } {
  const wide = buildDataTable(doc, template, def, def.landscape === true, tocTitle);
  if (def.landscape !== true) return { table: wide, landscape: false };
  const tall = buildDataTable(doc, template, def, false, tocTitle);
  const pages = (t: BuiltTable, height: number) => Math.ceil((t.headHeight + t.headerRows.reduce((a, b) => a + b, 0) + t.bodyRows.reduce((a, b) => a + b, 0) + t.tailHeight) / height);
  return tall.fitsWidth && pages(tall, TEXT_HEIGHT) < pages(wide, LANDSCAPE_TEXT_HEIGHT) ? { table: tall, landscape: false } : { table: wide, landscape: true };
}

/** One 四号 character: the page number stands this far in from the outer edge of the text area. */
const ONE_CHAR_SIHAO = SIZE.sihao * 10;

/** "— N —" in 四号 宋体 (dashes and digits too), one character in from the outer side. */
function pageFooter(align: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  const songti = { font: font('宋体', true), size: SIZE.sihao };
  return new Footer({
    children: [new Paragraph({
      alignment: align,
      indent: align === AlignmentType.RIGHT ? { right: ONE_CHAR_SIHAO } : { left: ONE_CHAR_SIHAO },
      children: [
        new TextRun({ text: '— ', ...songti }),
        new TextRun({ children: [PageNumber.CURRENT], ...songti }),
        new TextRun({ text: ' —', ...songti }),
      ],
    })],
  });
}

/**
 * Lines that must follow a heading on its page. Measured against Writer: a short first paragraph (up to four lines)
 * goes with its heading whole; a longer one needs its first two lines there (orphan control).
 */
function followingLines(n: RenderedNode): number {
  const first = n.blocks[0];
  if (first?.kind !== 'para') return 2;
  const lines = bodyLines(first.text);
  return lines <= 4 ? lines : 2;
}

/**
 * Builds the whole release as .docx bytes: cover, 目录 with computed page numbers, the parts of the set's outline
 * (tables on their own pages, wide ones landscape), 名词解释, closing unit name and date. Pure: no I/O, no clock.
 * It does not refuse a document with 错误 findings; the caller decides (exportDocxToFile needs force) — except a text
 * over 32,767 characters, which always throws.
 */
export async function exportDocx(input: BudgetDocument, template: TemplateSet, options: ExportDocxOptions = {}): Promise<Uint8Array> {
  // Refuses (Chinese, naming the fields) while a text is over Excel's cell limit, whatever the caller's force.
  const doc = documentForExport(input, template);
  const ctx = createContext(doc, template);
  const rendered = renderOutline(doc, template);
  const sections: SectionDraft[] = [];
  const flow = new PageFlow();
  const toc: TocEntry[] = [];
  let tocNode: RenderedNode | undefined;
  let coverNode: RenderedNode | undefined;
  let current: SectionDraft | undefined;
  let bodyStarted = false;
  const rawBodies: { marker: string; xml: string }[] = [];

  const startSection = (landscape: boolean) => {
    current = { landscape, numbered: true, restart: !bodyStarted, children: [] };
    sections.push(current);
    if (bodyStarted) flow.newPage(landscape);
    bodyStarted = true;
  };
  const add = (...c: Child[]) => {
    if (!current) startSection(false);
    current!.children.push(...c);
  };
  const para = (text: string, id = '') => {
    add(bodyParagraph(text));
    flow.paragraph(bodyLines(text));
    options.layoutTrace?.(id, flow.page, flow.filled);
  };

  const blocks = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.kind === 'para') para(b.text, b.id);
      else if (b.kind === 'heading') {
        add(headingParagraph(b.text, b.level));
        flow.placeKeep(LINE * bodyLines(b.text));
      } else {
        const g = buildGrid(b.title, b.subtitle, b.columns, b.rows);
        add(...g.children);
        flow.place(g.headHeight + (g.bodyRows[0] ?? 0));
        flow.table([], g.bodyRows.slice(1));
      }
    }
  };

  const content = (n: RenderedNode) => {
    if (n.depth >= 1 && n.title) {
      add(headingParagraph(n.title, Math.min(3, n.depth) as 1 | 2 | 3));
      flow.placeKeep(LINE * bodyLines(n.title), LINE * followingLines(n));
      if (n.depth === 1) toc.push({ title: n.title, depth: 1, page: flow.page });
    }
    blocks(n.blocks);
    for (const c of n.children) content(c);
  };

  const partHeading = (n: RenderedNode, first: boolean) => {
    if (!first) flow.breakPage();
    add(partTitle(n.title, !first));
    flow.placeKeep(760 + 120);
    toc.push({ title: n.title, depth: 0, page: flow.page });
  };

  for (const n of rendered) {
    switch (n.node.kind) {
      case 'cover':
        coverNode = n;
        break;
      case 'toc':
        tocNode = n;
        break;
      case 'tables': {
        let first = true;
        for (const child of n.children) {
          const def = child.node.table ? template.tables.find((t) => t.id === child.node.table) : undefined;
          if (!def) continue;
          const { table: t, landscape } = orientedTable(doc, template, def, child.title);
          startSection(landscape);
          if (first) {
            add(partTitle(n.title, false));
            flow.place(760 + 120);
            toc.push({ title: n.title, depth: 0, page: flow.page });
            first = false;
          }
          toc.push({ title: child.title, depth: 1, page: flow.page });
          if (t.rawBody) rawBodies.push(t.rawBody);
          add(...t.children);
          flow.place(t.headHeight);
          flow.table(t.headerRows, t.bodyRows);
          if (t.tailHeight) flow.place(t.tailHeight);
        }
        if (!first) startSection(false);
        break;
      }
      case 'closing':
        add(blankLine(), blankLine());
        for (const text of [doc.meta.unitName, chineseDate(doc.meta.date)]) {
          add(new Paragraph({ children: [run(text, '仿宋_GB2312', SIZE.sanhao)], alignment: AlignmentType.RIGHT, spacing: exactLine(), indent: { right: 640 } }));
        }
        flow.lines(4);
        break;
      default: {
        const first = !current || current.children.length === 0;
        partHeading(n, first);
        blocks(n.blocks);
        for (const c of n.children) content(c);
      }
    }
  }

  const front: Child[] = [];
  const coverTitle = coverNode?.title ?? ctx.s('cover.title');
  for (let i = 0; i < 5; i++) front.push(blankLine());
  if (doc.meta.region) front.push(new Paragraph({ children: [run(doc.meta.region, '黑体', SIZE.sanhao)], alignment: AlignmentType.CENTER, spacing: exactLine(800) }));
  front.push(new Paragraph({ children: [run(doc.meta.unitName, '方正小标宋简体', SIZE.erhao)], alignment: AlignmentType.CENTER, spacing: exactLine(1000) }));
  front.push(new Paragraph({ children: [run(coverTitle, '方正小标宋简体', 72)], alignment: AlignmentType.CENTER, spacing: exactLine(1400) }));
  const tocMarker = '@@TOC-ENTRIES@@';
  const size = tocSize(toc);
  if (tocNode) {
    front.push(new Paragraph({ children: [run(tocNode.title || ctx.s('toc.title'), '黑体', SIZE.erhao)], alignment: AlignmentType.CENTER, spacing: exactLine(TOC_TITLE_LINE), pageBreakBefore: true }));
    front.push(new Paragraph(tocMarker));
  }

  const sectionOptions = (s: SectionDraft): ISectionOptions => ({
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: PAGE.margin,
        pageNumbers: s.restart ? { start: 1 } : undefined,
      },
      // Landscape table pages carry no grid: the GB/T grid is the portrait body's.
      grid: s.landscape ? undefined : GRID,
    },
    footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
    children: s.children,
  });

  const document = new Document({
    title: options.title ?? `${doc.meta.unitName}${coverTitle}`,
    creator: doc.meta.unitName,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font('仿宋_GB2312'), size: SIZE.sanhao } },
        ...HEADING_STYLES,
      },
      paragraphStyles: [BODY_STYLE, ...tableParagraphStyles(), ...tocStyles(size)],
    },
    sections: [
      { properties: { page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }, margin: PAGE.margin }, grid: GRID }, children: front },
      ...sections.filter((s) => s.children.length > 0).map(sectionOptions),
    ],
  });
  const raw = tocNode ? [{ marker: tocMarker, xml: tocXml(toc), element: 'p' as const }, ...rawBodies] : rawBodies;
  return injectRawBodies(new Uint8Array(await Packer.toArrayBuffer(document)), raw, offTheGrid);
}
