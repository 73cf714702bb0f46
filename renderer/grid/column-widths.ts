import { formatAmount } from '../../core/amount/amount';
import type { RowData } from '../../core/document/document';
import { headerTree, type HeaderNode } from '../../core/layout/header-tree';
import { printedCell } from '../../core/layout/printed-layout';
import type { ColumnDef, TableDef } from '../../core/template/template.schema';
import { columnSide, type GridRow } from './grid-rows';

/**
 * Column widths from what the columns hold, so that a wide table (表2: 11 amount columns) fits the window without
 * horizontal scrolling: header text wraps to two lines where there is room and three where there is not, an
 * amount column is as wide as its widest printed figure, a column with no figures is only as wide as its wrapped
 * header, and the name column gives way (its full text is in the tooltip). Computed once per row list and grown
 * only when an edit prints a wider figure — never per render.
 *
 * Each column gets `ideal` (used as its flex weight: spare room is shared in proportion) and `min` (the floor the
 * grid never shrinks it below: the widest figure and the header at three lines).
 */
export interface ColumnWidth {
  ideal: number;
  min: number;
}

export interface ContentExtent {
  /** Widest printed text per column (px, without padding). */
  text: Map<string, number>;
}

/** The grid's font size (grid-theme.ts) and the horizontal room a cell and a header cell take besides their text. */
const FONT_PX = 13;
const CELL_PAD = 14;
const HEADER_PAD = 18;
/** Extra left padding per indentation level of names (grid.css .bd-indent-n). */
const INDENT_PX = 12;
/** The name column keeps at least this many characters before it gives way. */
const NAME_FLOOR_CHARS = 9;
const MIN_COLUMN = 36;

/**
 * Width of a line of text at the grid's font, without a canvas: CJK and full-width forms are one em, digits are
 * tabular (0.55 em in the fonts the theme lists), ASCII punctuation narrower. Close enough that a figure never
 * clips (the padding absorbs the difference), and the same in tests and in the app.
 */
export function textWidth(text: string, px = FONT_PX): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x2e80 || (c >= 0xff00 && c <= 0xffef)) w += px;
    else if (c >= 0x30 && c <= 0x39) w += px * 0.56;
    else if (ch === '.' || ch === ',' || ch === ' ') w += px * 0.3;
    else if (ch === '-') w += px * 0.4;
    else w += px * 0.6;
  }
  return Math.ceil(w);
}

/**
 * The narrowest a wrapped header can be on `lines` lines. Chinese wraps between any two characters, so it is the
 * widest run of ⌈n / lines⌉ consecutive characters (the line lengths the browser's greedy wrap produces at that
 * width), at the header's weight.
 */
export function wrappedWidth(label: string, lines: number): number {
  const chars = [...label.replace(/\s+/g, '')];
  if (chars.length === 0) return 0;
  const per = Math.ceil(chars.length / lines);
  let widest = 0;
  for (let i = 0; i < chars.length; i += per) widest = Math.max(widest, textWidth(chars.slice(i, i + per).join('')));
  // Bold CJK is as wide as regular; a little slack keeps the browser from wrapping one line more than planned.
  return widest + 2;
}

/** The widest printed text of every column over these lines (amounts from the largest magnitudes only). */
export function measureContent(table: TableDef, lines: readonly GridRow[], rowsById: ReadonlyMap<string, RowData>, blankZero: boolean): ContentExtent {
  const text = new Map<string, number>();
  for (const col of table.columns) {
    if (col.kind === 'amount') {
      text.set(col.id, amountExtent(columnSide(table, col), col, lines, rowsById, blankZero));
      continue;
    }
    let widest = 0;
    for (const line of lines) {
      const cell = printedCell(table, line, col, rowsById);
      if (cell.kind !== 'text' || !cell.text) continue;
      const indent = col.kind === 'name' ? Math.min(line.level, 3) * INDENT_PX : 0;
      widest = Math.max(widest, textWidth(cell.text) + indent);
    }
    text.set(col.id, widest);
  }
  return { text };
}

/** Widest figure of an amount column: the printed width of the largest and the most negative value. */
function amountExtent(side: 0 | 1, col: ColumnDef, lines: readonly GridRow[], rowsById: ReadonlyMap<string, RowData>, blankZero: boolean): number {
  let max = 0;
  let min = 0;
  for (const line of lines) {
    const id = line.rowIds[side];
    const v = id === null ? undefined : rowsById.get(id)?.values[col.id];
    if (v === undefined) continue;
    if (v > max) max = v;
    else if (v < min) min = v;
  }
  return Math.max(textWidth(formatAmount(max, { blankZero })), textWidth(formatAmount(min, { blankZero: true })));
}

/**
 * The printed width of one figure (to notice an edit that needs a wider column): textWidth(formatAmount(value)). A
 * printed figure is a sign, its integer digits, a point and two digits, so its width depends only on the sign and the
 * number of integer digits; each such form is measured once, and a pasted column of 10,000 figures is checked for
 * widening without formatting 10,000 strings.
 */
export function amountTextWidth(value: number): number {
  let whole = Math.floor(Math.abs(value) / 100);
  let digits = 1;
  while (whole >= 10) {
    whole = Math.floor(whole / 10);
    digits++;
  }
  const key = value < 0 ? -digits : digits;
  let width = AMOUNT_WIDTHS.get(key);
  if (width === undefined) AMOUNT_WIDTHS.set(key, (width = textWidth(formatAmount(value))));
  return width;
}
const AMOUNT_WIDTHS = new Map<number, number>();

/** Ideal and floor widths of every leaf column, header groups included. */
export function columnWidths(table: TableDef, content: ContentExtent): Map<string, ColumnWidth> {
  const out = new Map<string, ColumnWidth>();
  const visit = (node: HeaderNode): ColumnWidth => {
    if (node.kind === 'leaf') {
      const col = table.columns.find((c) => c.id === node.columnId)!;
      const w = leafWidth(col, node.label, content.text.get(col.id) ?? 0);
      out.set(col.id, w);
      return w;
    }
    const kids = node.children.map(visit);
    // A group label is not allowed more than two lines: widen its columns evenly where it needs more room.
    const need = wrappedWidth(node.label, 2) + HEADER_PAD;
    const sumMin = kids.reduce((a, k) => a + k.min, 0);
    if (sumMin < need) {
      const extra = Math.ceil((need - sumMin) / kids.length);
      for (const id of leafIds(node)) {
        const w = out.get(id)!;
        w.min += extra;
        w.ideal = Math.max(w.ideal, w.min);
      }
    }
    return { min: Math.max(sumMin, need), ideal: kids.reduce((a, k) => a + k.ideal, 0) };
  };
  for (const node of headerTree(table.columns)) visit(node);
  return out;
}

function leafIds(node: HeaderNode): string[] {
  return node.kind === 'leaf' ? [node.columnId] : node.children.flatMap(leafIds);
}

function leafWidth(col: ColumnDef, label: string, contentPx: number): ColumnWidth {
  const content = contentPx > 0 ? contentPx + CELL_PAD : 0;
  const header2 = wrappedWidth(label, 2) + HEADER_PAD;
  const header3 = wrappedWidth(label, 3) + HEADER_PAD;
  if (col.kind === 'name' || col.kind === 'text') {
    // Names give way first: at least a few characters (or the whole name when shorter), the rest in the tooltip.
    const floor = Math.min(content, NAME_FLOOR_CHARS * FONT_PX + CELL_PAD);
    const min = Math.max(MIN_COLUMN, header3, floor);
    return { min, ideal: Math.max(min, header2, content) };
  }
  const min = Math.max(MIN_COLUMN, header3, content);
  return { min, ideal: Math.max(min, header2) };
}
