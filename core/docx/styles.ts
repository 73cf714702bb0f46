import { AlignmentType, LineRuleType, Paragraph, TextRun, type IRunOptions } from 'docx';

/**
 * GB/T 9704-2012 layout constants, in twips (1/20 pt; 1 mm = 56.7 twips) and half-points (font sizes).
 * The pagination estimate (layout.ts) reads the same constants, so the 目录 page numbers follow the real layout.
 */

const mm = (v: number) => Math.round((v * 1440) / 25.4);

export const PAGE = {
  width: 11906, // A4 portrait, twips
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(20) },
};
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const TEXT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.margin.left - PAGE.margin.right;
export const LANDSCAPE_TEXT_HEIGHT = PAGE.width - PAGE.margin.top - PAGE.margin.bottom;

/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21, xiaowu: 18 };
/** Body line pitch: exactly 28 pt. */
export const LINE = 560;
/**
 * The GB/T 9704 document grid: 22 lines of 28 characters. 28 三号 characters (320 twips each) are 8,960 twips, a little
 * more than the 8,845-twip text width, so body and heading runs are condensed by 0.25 pt (5 twips): 28 × 315 twips
 * fit in Word, WPS and Writer alike. A character grid (type linesAndChars) would say the same to Word, but Writer
 * gives every character wider than the grid pitch two cells and prints 12 characters a line, so the section carries
 * the line grid only.
 */
export const CHAR_CONDENSE = -5;
export const CHAR_PITCH = 320 + CHAR_CONDENSE;
export const GRID = { type: 'lines' as const, linePitch: Math.floor(TEXT_HEIGHT / 22), charSpace: 0 };
/** Two characters of 三号 text. */
export const INDENT_2 = 640;

export type FontName = '方正小标宋简体' | '黑体' | '楷体_GB2312' | '仿宋_GB2312' | '宋体';

/** East Asian font with a Latin font beside it: a plain string would set the Latin font only in Word. */
export function font(name: FontName, latinToo = false): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  if (latinToo) return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
  const latin = name === '黑体' ? 'Arial' : 'Times New Roman';
  return { ascii: latin, hAnsi: latin, eastAsia: name, cs: latin };
}

export function run(text: string, name: FontName, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: font(name), size, ...extra });
}

export const exactLine = (line = LINE) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** Body text style (三号 仿宋, exact 28 pt, two-character first-line indent, justified), defined once in styles.xml. */
export const BODY_STYLE = {
  id: 'Body',
  name: '正文（公文）',
  run: { font: font('仿宋_GB2312'), size: SIZE.sanhao, characterSpacing: CHAR_CONDENSE },
  paragraph: { spacing: exactLine(), indent: { firstLine: INDENT_2 }, alignment: AlignmentType.JUSTIFIED, widowControl: true },
};

/**
 * Heading styles with outline levels, so that Word's and WPS's navigation pane lists the parts and sections and the
 * 目录's TOC field can be updated from them: Heading1 = part title (第一部分 …), Heading2 = 一级标题 (一、…),
 * Heading3 = 二级标题 (（一）…). The built-in ids keep Word's own names (heading 1 …), which WPS also recognises.
 */
export const HEADING_STYLES = {
  heading1: {
    run: { font: font('方正小标宋简体'), size: SIZE.erhao, color: '000000' },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 760, lineRule: LineRuleType.EXACT, before: 0, after: 120 }, keepNext: true, outlineLevel: 0 },
  },
  heading2: {
    run: { font: font('黑体'), size: SIZE.sanhao, color: '000000', characterSpacing: CHAR_CONDENSE },
    paragraph: { spacing: exactLine(), indent: { firstLine: INDENT_2 }, keepNext: true, keepLines: true, outlineLevel: 1 },
  },
  heading3: {
    run: { font: font('楷体_GB2312'), size: SIZE.sanhao, color: '000000', characterSpacing: CHAR_CONDENSE },
    paragraph: { spacing: exactLine(), indent: { firstLine: INDENT_2 }, keepNext: true, keepLines: true, outlineLevel: 2 },
  },
};

/**
 * Runs for a text that may hold line breaks (a VT from Word, cleaned to LF): one run per line, each after the first
 * starting with a manual line break (w:br), which is what the officer saw in Word or Excel.
 */
export function lineRuns(text: string, extra: Partial<IRunOptions> = {}): TextRun[] {
  if (!text.includes('\n')) return [new TextRun({ text, ...extra })];
  return text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...extra }));
}

/** Body paragraph in the Body style: thousands of generated items stay small and fast to write. */
export function bodyParagraph(text: string, options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ style: BODY_STYLE.id, children: lineRuns(text), keepNext: options.keepNext });
}

/** 一级 (一、) 黑体, 二级 (（一）) 楷体, 三级 (1.) 仿宋: all 三号 with the body pitch and indent. */
export function headingParagraph(text: string, level: 1 | 2 | 3, pageBreakBefore = false): Paragraph {
  const name: FontName = level === 1 ? '黑体' : level === 2 ? '楷体_GB2312' : '仿宋_GB2312';
  // 一级 and 二级 are outline levels 2 and 3 (their styles); 三级 (1.) stays out of the outline, as body text.
  if (level < 3) {
    return new Paragraph({ style: level === 1 ? 'Heading2' : 'Heading3', children: [new TextRun(text)], pageBreakBefore });
  }
  return new Paragraph({
    children: [run(text, name, SIZE.sanhao, { characterSpacing: CHAR_CONDENSE })],
    spacing: exactLine(),
    indent: { firstLine: INDENT_2 },
    keepNext: true,
    keepLines: true,
    pageBreakBefore,
  });
}

/** Part title (第一部分 …): 二号 方正小标宋, centred. */
export function partTitle(text: string, pageBreakBefore: boolean): Paragraph {
  return new Paragraph({ style: 'Heading1', children: [new TextRun(text)], pageBreakBefore });
}

export function blankLine(): Paragraph {
  return new Paragraph({ children: [run('', '仿宋_GB2312', SIZE.sanhao)], spacing: exactLine() });
}
