import type { TableDef } from '../template/template.schema';
import { SIZE } from './styles';

/**
 * Column widths of a printed table chosen from what the columns hold: codes and amounts never wrap, the name and
 * label columns get the room their longest text needs (and, when they must wrap, a width at which no text leaves a
 * single character alone on its last line), columns without any figure stay narrow, and what is left widens the
 * columns that hold figures. The text size is 五号, the smallest DOMAIN allows; a smaller one only when the columns
 * cannot fit the width at all (a very wide bureau table).
 */

export interface ColumnMetrics {
  size: number;
  widths: number[];
  /** Row pitch in twips of one line of table text. */
  line: number;
}

/** Line pitch of table text: 1.1 × its size (五号 10.5 pt on 11.55 pt), exact: a dense table keeps to one page. */
export const tableLine = (size: number) => Math.round(size * 11);
/** What a row adds to its lines in Writer's render (borders), measured. */
export const ROW_EXTRA = 10;

/** Cell margins left + right, and a little slack for font metrics. */
export const CELL_SIDE_MARGINS = 80;
const PAD = CELL_SIDE_MARGINS + 30;
const SIZES = [SIZE.wuhao, SIZE.xiaowu, 16, 15];

/** Text units of a string: a Chinese character is 1, a Latin letter or digit 0.5. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return units;
}

/** Whether wrapping `units` at `capacity` characters a line leaves a lone character on the last line. */
const leavesOne = (units: number, capacity: number) => units > capacity && units - capacity * Math.floor((units - 1e-9) / capacity) <= 1;

export interface HeaderCellText {
  label: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** Lines a text takes in a cell of this width (at least one), as tables.ts lays it out. */
function cellLines(units: number, width: number, char: number): number {
  const capacity = Math.max(1, Math.floor((width - CELL_SIDE_MARGINS) / char));
  return Math.max(1, Math.ceil(units / capacity - 1e-9));
}

/**
 * Estimated height in lines of header plus body at these widths, with half a line more for every cell that leaves
 * one character alone on its last line (so that a width without such a break wins a tie).
 */
/** Lines of each header row: its tallest single-row cell, the last row of a merged cell growing to hold its label. */
export function headerRowLines(widths: readonly number[], char: number, header: readonly HeaderCellText[], depth: number): number[] {
  const span = (c: HeaderCellText) => widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const rowLines = Array.from({ length: depth }, () => 1);
  for (const c of header) if (c.rowSpan === 1) rowLines[c.row] = Math.max(rowLines[c.row], cellLines(textUnits(c.label), span(c), char));
  for (const c of header) {
    if (c.rowSpan === 1) continue;
    const need = cellLines(textUnits(c.label), span(c), char);
    const have = rowLines.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
    if (need > have) rowLines[c.row + c.rowSpan - 1] += need - have;
  }
  return rowLines;
}

function tableLines(widths: readonly number[], char: number, header: readonly HeaderCellText[], depth: number, units: readonly (readonly number[][])[], wraps: readonly boolean[]): number {
  let total = headerRowLines(widths, char, header, depth).reduce((a, b) => a + b, 0);
  const rows = units[0]?.length ?? 0;
  for (let r = 0; r < rows; r++) {
    let lines = 1;
    for (let i = 0; i < widths.length; i++) {
      for (const u of units[i][r]) {
        const l = cellLines(u, widths[i], char);
        lines = Math.max(lines, l);
        if (wraps[i] && leavesOne(u, Math.max(1, Math.floor((widths[i] - CELL_SIDE_MARGINS) / char)))) total += 0.5;
      }
    }
    total += lines;
  }
  return total;
}

/**
 * Widens columns, within `spare`, so that no header label takes more than two lines: single columns first, then the
 * groups over them (the extra shared evenly by the columns a group spans). An empty table's body gives its name
 * column no width, and without this it printed "功能分类科目名称" on four lines beside wide empty figure columns.
 * Returns the width it used.
 */
function twoLineHeaders(widths: number[], header: readonly HeaderCellText[], char: number, spare: number): number {
  let used = 0;
  for (const c of [...header].sort((a, b) => a.colSpan - b.colSpan)) {
    const need = Math.ceil(textUnits(c.label) / 2) * char + CELL_SIDE_MARGINS;
    const have = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
    if (need <= have) continue;
    const each = Math.ceil((need - have) / c.colSpan);
    if (used + each * c.colSpan > spare) continue;
    for (let i = c.col; i < c.col + c.colSpan; i++) widths[i] += each;
    used += each * c.colSpan;
  }
  return used;
}

export function contentMetrics(def: TableDef, texts: readonly (readonly string[])[], textWidth: number, header: readonly HeaderCellText[] = [], depth = 1): ColumnMetrics {
  const cols = def.columns;
  // Per column, per row: the units of each line of the cell's text.
  const all = texts.map((list) => list.map((t) => t.split('\n').map(textUnits)));
  const widest = all.map((list) => list.reduce((a, u) => Math.max(a, ...u), 0));
  const wrapping = (i: number) => cols[i].kind === 'name' || cols[i].kind === 'text';
  // Only rows with a text that might wrap weigh in the choice (the longest few hundred, so that a 10,000-row table
  // costs no more than the sample): every other row is one line at any width considered.
  const rowLength = (r: number) => all.reduce((a, list, i) => (wrapping(i) ? Math.max(a, ...list[r]) : a), 0);
  const candidates = Array.from({ length: all[0]?.length ?? 0 }, (_, r) => r).filter((r) => rowLength(r) > 2);
  const chosen = candidates.length > 300 ? candidates.sort((a, b) => rowLength(b) - rowLength(a)).slice(0, 300) : candidates;
  const units = all.map((list) => chosen.map((r) => list[r]));
  const wraps = cols.map((_, i) => wrapping(i));
  const empty = widest.map((u) => u === 0);
  for (const size of SIZES) {
    const char = size * 10;
    const widthOf = (u: number) => Math.ceil(u * char) + PAD;
    // Smallest widths: codes and figures on one line, names and empty columns narrow.
    const min = cols.map((c, i) => {
      if (wrapping(i)) return widthOf(Math.min(6, Math.max(2, widest[i])));
      if (empty[i]) return widthOf(2);
      return widthOf(Math.max(widest[i], c.kind === 'amount' ? 3 : 1));
    });
    let spare = textWidth - min.reduce((a, b) => a + b, 0);
    if (spare < 0 && size !== SIZES[SIZES.length - 1]) continue;
    const widths = [...min];
    // A table without names (an empty one: 合计 only) has nothing to widen its name column for but its header.
    if (candidates.length === 0) spare -= twoLineHeaders(widths, header, char, spare);
    // Then a character at a time (or a few, across a plateau) to the column where it saves the most lines per width.
    let height = tableLines(widths, char, header, depth, units, wraps);
    while (spare >= char) {
      let best: { gain: number; col: number; step: number; group?: number[] } = { gain: 0, col: -1, step: 0 };
      for (let i = 0; i < widths.length; i++) {
        // A long name saves its line only when the column takes all of it: names may look further ahead.
        for (let k = 1; k <= (wraps[i] ? 24 : 4) && k * char <= spare; k++) {
          widths[i] += k * char;
          const gain = (height - tableLines(widths, char, header, depth, units, wraps)) / k;
          widths[i] -= k * char;
          if (gain > best.gain + 1e-9) best = { gain, col: i, step: k };
        }
      }
      // A header row is as tall as its tallest cells: widening one of several equal ones saves nothing, all of them may.
      const rowLines = headerRowLines(widths, char, header, depth);
      for (let r = 0; r < depth; r++) {
        const group = header.filter((c) => c.row === r && c.rowSpan === 1 && c.colSpan === 1
          && cellLines(textUnits(c.label), widths[c.col], char) === rowLines[r]).map((c) => c.col);
        if (group.length < 2) continue;
        for (let k = 1; k <= 3 && group.length * k * char <= spare; k++) {
          for (const i of group) widths[i] += k * char;
          const gain = (height - tableLines(widths, char, header, depth, units, wraps)) / (group.length * k);
          for (const i of group) widths[i] -= k * char;
          if (gain > best.gain + 1e-9) best = { gain, col: -2 - r, step: k, group };
        }
      }
      if (best.col === -1) break;
      for (const i of best.group ?? [best.col]) widths[i] += best.step * char;
      spare -= best.step * char * (best.group?.length ?? 1);
      height = tableLines(widths, char, header, depth, units, wraps);
    }
    // What no line needs widens the columns with figures, by the template's hints.
    let takers = cols.map((_, i) => i).filter((i) => !wrapping(i) && !empty[i] && cols[i].kind === 'amount');
    if (takers.length === 0) takers = cols.map((_, i) => i).filter((i) => cols[i].kind === 'amount');
    if (takers.length === 0) takers = cols.map((_, i) => i).filter(wrapping);
    if (takers.length === 0) takers = cols.map((_, i) => i);
    const hint = (i: number) => cols[i].width ?? 8;
    const hintSum = takers.reduce((a, i) => a + hint(i), 0);
    let given = 0;
    for (const i of takers) {
      const g = Math.max(0, Math.floor((spare * hint(i)) / hintSum));
      widths[i] += g;
      given += g;
    }
    if (spare > given) widths[takers[0]] += spare - given;
    return { size, widths, line: tableLine(size) };
  }
  throw new Error('unreachable');
}
