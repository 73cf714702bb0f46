import {
  AlignmentType, BorderStyle, LineRuleType, Paragraph, Tab, Table, TableCell, TableLayoutType, TableRow, TabStopType,
  VerticalAlign, WidthType,
} from 'docx';
import { formatAmount } from '../amount/amount';
import { blankZeroOf, type BudgetDocument } from '../document/document';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { headerLayout, hasColumnNumberRow, columnNumbers, tableTitle } from '../template/header-layout';
import { printedRows } from '../layout/printed-layout';
import { tableNoteText } from '../layout/table-note';
import type { GridCell as TextGridCell } from '../text/blocks';
import { rawRow, bodyMarker, type RawCell } from './raw-rows';
import { bodyParagraph, font, LANDSCAPE_TEXT_WIDTH, LINE, lineRuns, run, SIZE, TEXT_WIDTH, exactLine } from './styles';
import { bodyLines } from './layout';

/**
 * Word tables: the 11 standard tables as printed in the release (number, title, 编制部门/单位 line, merged header
 * repeated on every page, borders, amounts right-aligned), and the small 绩效 grids of the text.
 * Every size used here is also returned to the pagination estimate, which must agree with what is written.
 */

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const CELL_MARGIN = { top: 10, bottom: 10, left: 60, right: 60 };

/** Table text size (half-points) and the column widths (twips) that fill the text width. */
export interface TableMetrics {
  size: number;
  widths: number[];
  /** Row pitch in twips of one line of table text. */
  line: number;
}

/** Text units of a string: a Chinese character is 1, a Latin letter or digit 0.5. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return units;
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
    return { size, widths, line: Math.round(size * 12) };
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
          spacing: { line: Math.round(size * 12), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
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
    spacing: exactLine(360),
  });
}

export function buildDataTable(doc: BudgetDocument, set: TemplateSet, def: TableDef, landscape: boolean): BuiltTable {
  const textWidth = landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const grid = printedRows(doc, def);
  const blankZero = blankZeroOf(doc.meta, set.display.blankZero);
  const minUnits = def.columns.map((col, i) => {
    let u = col.kind === 'name' ? 4 : 1;
    for (const line of grid) {
      const cell = line.cells[i];
      const text = cell.kind === 'amount' ? formatAmount(cell.value, { blankZero }) : cell.kind === 'text' ? cell.text : '';
      u = Math.max(u, Math.min(textUnits(text) + (cell.kind === 'text' && cell.indent ? cell.indent : 0), col.kind === 'name' ? 12 : 12));
    }
    const leaf = col.header[col.header.length - 1].replace(/\s/g, '');
    return Math.max(u, Math.min(textUnits(leaf), col.kind === 'amount' ? 4 : 2));
  });
  // Spare width goes mostly to names, where long 科目/项目 names would otherwise wrap.
  const m = tableMetrics(def.columns.map((c) => c.width ?? 8), textWidth, minUnits, def.columns.map((c) => (c.width ?? 8) * (c.kind === 'name' && def.columns.length > 6 ? 3 : 1)));
  const entity = doc.meta.entityKind ?? set.entityKind;
  const head: Paragraph[] = [
    new Paragraph({ children: [run(def.no, '黑体', SIZE.sanhao)], spacing: exactLine() }),
    new Paragraph({ children: [run(tableTitle(def, entity), '方正小标宋简体', SIZE.erhao)], alignment: AlignmentType.CENTER, spacing: exactLine(640) }),
    compilerLine(set, doc, def, textWidth),
  ];
  const headHeight = 560 + 640 + 360;
  const layout = headerLayout(def.columns);
  const headerRows: TableRow[] = [];
  const headerHeights: number[] = [];
  for (let r = 0; r < layout.depth; r++) {
    const cells = layout.cells.filter((c) => c.row === r);
    const width = (c: (typeof cells)[number]) => m.widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
    const lines = Math.max(1, ...cells.filter((c) => c.rowSpan === 1).map((c) => linesFor(c.label, width(c), m.size)));
    headerHeights.push(lines * m.line + 20);
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
    headerHeights.push(m.line + 20);
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
    bodyHeights.push(lines * m.line + 20);
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
  return { children, headHeight, headerRows: headerHeights, bodyRows: bodyHeights, tailHeight, rawBody: { marker, xml: rowXml.join('') } };
}

/** A 绩效目标表 (text grid with merged cells) at 五号 in the text width. */
export function buildGrid(title: string, subtitle: string | undefined, columns: readonly number[], rows: readonly TextGridCell[][]): BuiltTable {
  const m = tableMetrics(columns.map((c) => c * 2), TEXT_WIDTH);
  const size = SIZE.wuhao;
  const line = Math.round(size * 12);
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
    heights.push(lines * line);
    return new TableRow({ children: out, cantSplit: true });
  });
  const head: Paragraph[] = [
    new Paragraph({ children: [run(title, '黑体', SIZE.sanhao)], alignment: AlignmentType.CENTER, spacing: exactLine(), keepNext: true }),
  ];
  if (subtitle) head.push(new Paragraph({ children: [run(subtitle, '仿宋_GB2312', SIZE.sanhao)], alignment: AlignmentType.CENTER, spacing: exactLine(), keepNext: true }));
  const table = new Table({
    rows: built,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: CELL_MARGIN,
  });
  return { children: [...head, table], headHeight: head.length * 560, headerRows: [], bodyRows: heights, tailHeight: 0 };
}

export { font };
