import {
  AlignmentType, BorderStyle, LineRuleType, Paragraph, SimpleField, Tab, Table, TableCell, TableLayoutType, TableRow, TabStopType,
  VerticalAlign, WidthType,
} from 'docx';
import { formatAmount } from '../amount/amount';
import { blankZeroOf, type BudgetDocument } from '../document/document';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { headerLayout, hasColumnNumberRow, columnNumbers, tableTitle } from '../template/header-layout';
import { printedRows } from '../layout/printed-layout';
import { tableInPrintUnit } from '../layout/print-unit';
import { tableNoteText } from '../layout/table-note';
import type { GridCell as TextGridCell } from '../text/blocks';
import { rawRow, bodyMarker, type RawCell } from './raw-rows';
import { bodyParagraph, font, LANDSCAPE_TEXT_WIDTH, LINE, lineRuns, run, SIZE, TEXT_WIDTH, exactLine } from './styles';
import { bodyLines } from './layout';
import { tcInstruction } from './toc';
import { CELL_SIDE_MARGINS, contentMetrics, textUnits, headerRowLines, ROW_EXTRA, tableLine } from './column-widths';

/**
 * Word tables: the 11 standard tables as printed in the release (number, title, 编制部门/单位 line, merged header
 * repeated on every page, borders, amounts right-aligned), and the small 绩效 grids of the text.
 * Every size used here is also returned to the pagination estimate, which must agree with what is written.
 */

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
// No top or bottom cell margin: the exact line pitch already leaves room above and below the characters.
const CELL_MARGIN = { top: 0, bottom: 0, left: CELL_SIDE_MARGINS / 2, right: CELL_SIDE_MARGINS / 2 };

/** The "表N" line above a table's title. */
const TABLE_NO_LINE = 400;
/** The table's title (二号) and the 编制部门 line (小四) under it. */
const TABLE_TITLE_LINE = 600;
const COMPILER_LINE = 320;

/** Table text size (half-points) and the column widths (twips) that fill the text width (the 绩效 grids). */
export interface TableMetrics {
  size: number;
  widths: number[];
  /** Row pitch in twips of one line of table text. */
  line: number;
}

const PAD = CELL_MARGIN.left + CELL_MARGIN.right + 40;

/**
 * Column widths that keep codes and amounts on one line and give names the room they need: each column gets the
 * width of its widest unbreakable content (names at most `nameCap` characters), then the rest of the text width is
 * shared by the template's width hints. The largest text size at which that fits is used.
 */
export function tableMetrics(hints: readonly number[], textWidth: number, minUnits: readonly number[] = hints.map(() => 2), weights: readonly number[] = hints): TableMetrics {
  const sizes = [SIZE.wuhao, SIZE.xiaowu, 16, 15];
  for (const size of sizes) {
    const char = size * 10; // twips of one Chinese character at this size
    const min = minUnits.map((u) => Math.ceil(u * char) + PAD);
    const spare = textWidth - min.reduce((a, b) => a + b, 0);
    if (spare < 0 && size !== sizes[sizes.length - 1]) continue;
    const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
    const widths = min.map((w, i) => w + Math.max(0, Math.floor((spare * weights[i]) / weightSum)));
    return { size, widths, line: tableLine(size) };
  }
  throw new Error('unreachable');
}

/** Lines a text needs in a cell of the given width (CJK = 1 unit, ASCII = 0.5). */
export function linesFor(text: string, widthTwips: number, size: number): number {
  const capacity = Math.max(1, Math.floor((widthTwips - CELL_MARGIN.left - CELL_MARGIN.right) / (size * 10)));
  return Math.max(1, Math.ceil(textUnits(text) / capacity));
}

type Align = 'L' | 'C' | 'R';

/** Paragraph style id of table text: one style per size and alignment keeps 10,000-row tables small and fast. */
export const tableStyleId = (size: number, align: Align) => `Tbl${size}${align}`;
export const TABLE_SIZES = [SIZE.wuhao, SIZE.xiaowu, 16, 15] as const;

/** The table text styles (宋体, exact line pitch per size), registered once in the document's styles. */
export function tableParagraphStyles() {
  const out = [];
  for (const size of TABLE_SIZES) {
    for (const align of ['L', 'C', 'R'] as const) {
      out.push({
        id: tableStyleId(size, align),
        name: tableStyleId(size, align),
        run: { font: font('宋体'), size },
        paragraph: {
          alignment: align === 'L' ? AlignmentType.LEFT : align === 'R' ? AlignmentType.RIGHT : AlignmentType.CENTER,
          spacing: { line: tableLine(size), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        },
      });
    }
  }
  return out;
}

function cellParagraph(text: string, size: number, _line: number, align: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false): Paragraph {
  const a: Align = align === AlignmentType.RIGHT ? 'R' : align === AlignmentType.CENTER ? 'C' : 'L';
  return new Paragraph({ style: tableStyleId(size, a), children: text ? lineRuns(text, bold ? { bold: true } : {}) : [] });
}

export interface BuiltTable {
  /** Paragraphs and the table, in order. */
  children: (Paragraph | Table)[];
  /** Heights for the pagination estimate: lines before the table (twips), the header rows, the body rows. */
  headHeight: number;
  headerRows: number[];
  bodyRows: number[];
  tailHeight: number;
  /** Whether the columns fit the text width at 五号 (a data table; the 绩效 grids always fit). */
  fitsWidth?: boolean;
  /** Body rows written as raw XML, to replace the marker row after packing. */
  rawBody?: { marker: string; xml: string };
}

/** The line under the title: "编制部门：…" on the left, "单位：万元" at the right margin. */
function compilerLine(set: TemplateSet, doc: BudgetDocument, def: TableDef, width: number): Paragraph {
  const unit = def.amountUnit ?? doc.meta.amountUnit ?? set.amountUnit;
  return new Paragraph({
    children: [run(`${set.display.compilerPrefix}${doc.meta.compiler || doc.meta.unitName}`, '宋体', SIZE.xiaosi),
      run('', '宋体', SIZE.xiaosi, { children: [new Tab(), `单位：${unit}`] })],
    tabStops: [{ type: TabStopType.RIGHT, position: width }],
    spacing: exactLine(COMPILER_LINE),
  });
}

export function buildDataTable(doc: BudgetDocument, set: TemplateSet, def: TableDef, landscape: boolean, tocTitle?: string): BuiltTable {
  const textWidth = landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  // A table with a display unit of its own (Shanghai 三公 in 万元) prints converted.
  const grid = printedRows(tableInPrintUnit(doc, set, def), def);
  const blankZero = blankZeroOf(doc.meta, set.display.blankZero);
  const texts = def.columns.map((col, i) => grid.map((line) => {
    const cell = line.cells[i];
    return cell.kind === 'amount' ? formatAmount(cell.value, { blankZero }) : cell.kind === 'text' ? cell.text : '';
  }));
  const layout = headerLayout(def.columns);
  const m = contentMetrics(def, texts, textWidth, layout.cells, layout.depth);
  const entity = doc.meta.entityKind ?? set.entityKind;
  const head: Paragraph[] = [
    new Paragraph({ children: [run(def.no, '黑体', SIZE.sanhao)], spacing: exactLine(TABLE_NO_LINE) }),
    // The title is an outline entry under its part (navigation pane) and carries the table's 目录 entry as a TC field.
    new Paragraph({
      children: [run(tableTitle(def, entity), '方正小标宋简体', SIZE.erhao), ...(tocTitle ? [new SimpleField(tcInstruction(tocTitle))] : [])],
      alignment: AlignmentType.CENTER, spacing: exactLine(TABLE_TITLE_LINE), outlineLevel: 2,
    }),
    compilerLine(set, doc, def, textWidth),
  ];
  const headHeight = TABLE_NO_LINE + TABLE_TITLE_LINE + COMPILER_LINE;
  const headerRows: TableRow[] = [];
  const headerHeights: number[] = [];
  const rowLines = headerRowLines(m.widths, m.size * 10, layout.cells, layout.depth);
  for (let r = 0; r < layout.depth; r++) {
    const cells = layout.cells.filter((c) => c.row === r);
    const width = (c: (typeof cells)[number]) => m.widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
    headerHeights.push(rowLines[r] * m.line + ROW_EXTRA);
    headerRows.push(new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: cells.map((c) => new TableCell({
        children: [cellParagraph(c.label, m.size, m.line, AlignmentType.CENTER, true)],
        columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
        rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
        width: { size: width(c), type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
      })),
    }));
  }
  if (hasColumnNumberRow(set, def)) {
    headerHeights.push(m.line + ROW_EXTRA);
    headerRows.push(new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: columnNumbers(def).map((n, i) => new TableCell({
        children: [cellParagraph(n || '**', m.size, m.line, AlignmentType.CENTER)], width: { size: m.widths[i], type: WidthType.DXA },
      })),
    }));
  }
  // Body rows are written as WordprocessingML directly (see rawRows.ts): the docx object model needs ~1 s per
  // thousand rows, the string ~1 ms. The Table gets one marker row that the exporter replaces.
  const bodyHeights: number[] = [];
  const rowXml: string[] = [];
  for (const line of grid) {
    let lines = 1;
    const cells: RawCell[] = line.cells.map((cell, i) => {
      const col = def.columns[i];
      let text = '';
      let align: 'L' | 'C' | 'R' = 'L';
      if (cell.kind === 'amount') {
        text = formatAmount(cell.value, { blankZero });
        align = 'R';
      } else if (cell.kind === 'text') {
        text = cell.text;
        align = cell.code || col.kind === 'code' ? 'C' : 'L';
      }
      lines = Math.max(lines, linesFor(text, m.widths[i], m.size));
      return { text, style: tableStyleId(m.size, align), bold: line.emphasis && col.kind === 'name', width: m.widths[i] };
    });
    bodyHeights.push(lines * m.line + ROW_EXTRA);
    rowXml.push(rawRow(cells));
  }
  const marker = bodyMarker(def.id);
  const body = [new TableRow({ children: [new TableCell({ children: [new Paragraph(marker)], columnSpan: def.columns.length })] })];
  const table = new Table({
    rows: [...headerRows, ...body],
    width: { size: m.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: m.widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: CELL_MARGIN,
  });
  const children: (Paragraph | Table)[] = [...head, table];
  // The table's own note (under data, or instead of the template's 空表 note), else the 空表 note of an empty table.
  let tailHeight = 0;
  const note = tableNoteText(doc, def);
  // A note of several lines (注：1.… 2.…) prints one paragraph per line.
  for (const part of note?.split('\n') ?? []) {
    children.push(bodyParagraph(part));
    tailHeight += bodyLines(part, 2, textWidth) * LINE;
  }
  const fitsWidth = m.size === SIZE.wuhao && m.widths.reduce((a, b) => a + b, 0) <= textWidth;
  return { children, headHeight, headerRows: headerHeights, bodyRows: bodyHeights, tailHeight, fitsWidth, rawBody: { marker, xml: rowXml.join('') } };
}

/** A 绩效目标表 (text grid with merged cells) at 五号 in the text width. */
export function buildGrid(title: string, subtitle: string | undefined, columns: readonly number[], rows: readonly TextGridCell[][]): BuiltTable {
  const m = tableMetrics(columns.map((c) => c * 2), TEXT_WIDTH);
  const size = SIZE.wuhao;
  const line = tableLine(size);
  const widths = m.widths;
  const heights: number[] = [];
  const pending: number[] = widths.map(() => 0); // rows still covered by a vertical merge, per column
  const built = rows.map((cells) => {
    let col = 0;
    let lines = 1;
    const out: TableCell[] = [];
    for (const cell of cells) {
      while (pending[col] > 0) {
        pending[col] -= 1;
        col += 1;
      }
      const span = cell.colSpan ?? 1;
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      if ((cell.rowSpan ?? 1) > 1) for (let k = col; k < col + span; k++) pending[k] = (cell.rowSpan ?? 1) - 1;
      else lines = Math.max(lines, cell.text.split('\n').reduce((sum, t) => sum + linesFor(t, w, size), 0));
      const align = cell.align === 'left' ? AlignmentType.LEFT : cell.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
      out.push(new TableCell({
        children: cell.text.split('\n').map((t) => cellParagraph(t, size, line, align, cell.bold)),
        columnSpan: span > 1 ? span : undefined,
        rowSpan: (cell.rowSpan ?? 1) > 1 ? cell.rowSpan : undefined,
        width: { size: w, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
      }));
      col += span;
    }
    for (; col < widths.length; col++) if (pending[col] > 0) pending[col] -= 1;
    heights.push(lines * line + ROW_EXTRA);
    return { cells: out, lines };
  });
  // The indicator header (the row whose every cell is bold) repeats on every page the indicators run over. Word repeats
  // only a table's first rows, so the fixed fields above it are a table of their own, directly above (no gap).
  let headerAt = -1;
  rows.forEach((cells, i) => {
    if (cells.length > 0 && cells.every((c) => c.bold)) headerAt = i;
  });
  // A row of up to two lines stays whole (about 9 mm); a taller one may continue on the next page rather than leave
  // its height blank at the foot of this one.
  const tableRow = (r: { cells: TableCell[]; lines: number }, header = false) =>
    new TableRow({ children: r.cells, cantSplit: r.lines <= 2 || header, tableHeader: header || undefined });
  const tableOf = (list: TableRow[], top = true) => new Table({
    rows: list,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: top ? BORDERS : { ...BORDERS, top: { style: BorderStyle.NONE, size: 0, color: 'auto' } },
    margins: CELL_MARGIN,
  });
  // Word and Writer join tables that touch, so a 1 pt paragraph keeps them apart; the lower table has no top border,
  // and the join reads as one table.
  const joint = new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, keepNext: true, children: [run('', '宋体', 2)] });
  const tables = headerAt > 0
    ? [tableOf(built.slice(0, headerAt).map((r) => tableRow(r))), joint, tableOf(built.slice(headerAt).map((r, k) => tableRow(r, k === 0)), false)]
    : [tableOf(built.map((r) => tableRow(r)))];
  const head: Paragraph[] = [
    new Paragraph({ children: [run(title, '黑体', SIZE.sanhao)], alignment: AlignmentType.CENTER, spacing: exactLine(), keepNext: true }),
  ];
  if (subtitle) head.push(new Paragraph({ children: [run(subtitle, '仿宋_GB2312', SIZE.sanhao)], alignment: AlignmentType.CENTER, spacing: exactLine(), keepNext: true }));
  return { children: [...head, ...tables], headHeight: head.length * 560, headerRows: [], bodyRows: heights, tailHeight: 0 };
}

export { font };
