import { blankZeroOf, isOrgRow, type BudgetDocument, type RowData } from '../document/document';
import type { ColumnDef, FixedRowDef, TableDef, TemplateSet } from '../template/template.schema';
import { codedSideIndent, codedSideLines, codedSideOfColumn } from './coded-sides';
import { codeParts, columnNumbers, fixedRowName, hasColumnNumberRow, headerLayout, type HeaderLayout } from '../template/header-layout';
import { tableNoteText } from './table-note';

/**
 * The printed layout of a table, decided once for every place that shows it (the grid on screen, the Excel sheet,
 * the Word table): the merged header, the column-number row, which lines print and which document row stands on
 * each side of a line, each line's label, indentation and weight, and whether zeros print blank.
 *
 * Lines: coded and project tables print their rows in stored order (合计 and the 部门 / 单位 organisation rows
 * included); fixed tables print the template's rows; side-by-side tables (表1/表4) zip their two lists by index
 * and put both totals on the last line; a coded side-by-side table (决算 表6) splits its coded rows by 类 into two
 * lists and does the same (coded-sides.ts).
 */

export type PrintedCell =
  | { kind: 'text'; text: string; code?: boolean; indent?: number }
  | { kind: 'amount'; value: number; rowId: string; colId: string }
  | { kind: 'empty' };

export interface PrintedLine {
  /** Stable key of the line: the document row id, or "s<n>" / "totals" for a line of a side-by-side table. */
  key: string;
  /** The document row shown on this line per side (index 0 = left or only side, 1 = right side), null for none. */
  rowIds: [string | null, string | null];
  /**
   * Depth of the line's row: a fixed row's level, a code row's level (类 0, 款 1, 项 2). Side-by-side lines carry
   * each side's indentation in their label cells and are 0 here.
   */
  level: number;
  /** The 合计 / 总计 line. */
  isTotal: boolean;
  /** An organisation row (部门 / 单位 subtotal printed between 合计 and the codes). */
  isOrg: boolean;
  /** Printed bold: 合计 / 总计 lines, organisation rows, 类 rows and top-level fixed rows. */
  emphasis: boolean;
}

export interface PrintedRow extends PrintedLine {
  /** One cell per template column. */
  cells: PrintedCell[];
}

export interface PrintedLayout {
  header: HeaderLayout;
  /** The 2021-style column-number row under the header ("** ** 1 2 3"), or null where the table prints none. */
  columnNumbers: string[] | null;
  rows: PrintedRow[];
  /** Zero amounts print as an empty cell (else "0.00"). */
  blankZero: boolean;
  /** The note printed under the table (its own, or the 空表 note of an empty table). */
  note: string | undefined;
}

/** Code lengths of 类/款/项 for a table (the functional default for fixed lists). */
export function codeLevels(table: TableDef): number[] {
  const m = table.rows;
  return m.kind === 'coded' || m.kind === 'projects' ? m.levels : [3, 5, 7];
}

/** Whether zero amounts print blank: the caller's override, else the document's setting, else the template's. */
export function printsBlankZero(doc: BudgetDocument, set: Pick<TemplateSet, 'display'>, override?: boolean): boolean {
  return override ?? blankZeroOf(doc.meta, set.display.blankZero);
}

/** The lines of a table as printed, without their cells (the grid reads cells live from the document). */
export function printedLines(doc: BudgetDocument, table: TableDef): PrintedLine[] {
  const model = table.rows;
  switch (model.kind) {
    case 'coded':
    case 'projects': {
      if (model.kind === 'coded' && model.sides) return codedSideLines(doc.tables[table.id]?.rows ?? [], model);
      const levels = model.levels;
      const coded = model.kind === 'coded';
      return (doc.tables[table.id]?.rows ?? []).map((r) => {
        const isTotal = r.id === 'total';
        const isOrg = isOrgRow(r);
        // Project rows print flush: their code is a 项 code but the row is a project, not a 项 subtotal.
        const level = isTotal || isOrg || !coded ? 0 : Math.max(0, levels.indexOf((r.code ?? '').length));
        const emphasis = isTotal || isOrg || (coded && level === 0 && levels.length > 1);
        return { key: r.id, rowIds: [r.id, null], level, isTotal, isOrg, emphasis };
      });
    }
    case 'fixed':
      return model.rows.map((def) => {
        const level = def.level ?? 0;
        const isTotal = def.id === 'total';
        return { key: def.id, rowIds: [def.id, null], level, isTotal, isOrg: false, emphasis: isTotal || level === 0 };
      });
    case 'sideBySide': {
      const [left, right] = model.sides;
      const n = Math.max(left.length, right.length);
      const lines: PrintedLine[] = [];
      for (let i = 0; i < n; i++) {
        lines.push({ key: `s${i}`, rowIds: [left[i]?.id ?? null, right[i]?.id ?? null], level: 0, isTotal: false, isOrg: false, emphasis: false });
      }
      const [lt, rt] = model.totals;
      lines.push({ key: 'totals', rowIds: [lt.id, rt.id], level: 0, isTotal: true, isOrg: false, emphasis: true });
      return lines;
    }
  }
}

interface FixedLabel {
  label: string;
  indent: number;
}

/** Per side, the printed label and indentation of each fixed row (the right list of 表1/表4 prints its code). */
const fixedLabelCache = new WeakMap<TableDef, [Map<string, FixedLabel>, Map<string, FixedLabel>]>();

function fixedLabels(table: TableDef): [Map<string, FixedLabel>, Map<string, FixedLabel>] {
  let cached = fixedLabelCache.get(table);
  if (cached) return cached;
  const left = new Map<string, FixedLabel>();
  const right = new Map<string, FixedLabel>();
  const model = table.rows;
  if (model.kind === 'fixed') for (const def of model.rows) left.set(def.id, { label: def.label, indent: def.level ?? 0 });
  if (model.kind === 'sideBySide') {
    for (const def of model.sides[0]) left.set(def.id, { label: def.label, indent: def.level ?? 0 });
    for (const def of model.sides[1]) right.set(def.id, { label: codedLabel(def), indent: def.level ?? 0 });
    // The totals line prints flush whatever the lists' levels.
    left.set(model.totals[0].id, { label: model.totals[0].label, indent: 0 });
    right.set(model.totals[1].id, { label: model.totals[1].label, indent: 0 });
  }
  cached = [left, right];
  fixedLabelCache.set(table, cached);
  return cached;
}

/** "201 一般公共服务支出": a fixed row with a code prints it before its name, as the template writes the label. */
function codedLabel(def: FixedRowDef): string {
  return def.code && !def.label.startsWith(def.code) ? `${def.code} ${fixedRowName(def)}` : def.label;
}

/** The printed label of the row on one side of a line (name column), and its indentation. */
export function printedLabel(table: TableDef, rowId: string, side: 0 | 1, data: RowData | undefined): FixedLabel {
  const model = table.rows;
  if (model.kind === 'coded' || model.kind === 'projects') {
    const sides = model.kind === 'coded' && model.sides !== undefined;
    if (rowId !== 'total') return { label: data?.name ?? '', indent: sides ? codedSideIndent(model, data) : 0 };
    return { label: model.kind === 'coded' && model.sides ? model.sides[side].totalLabel : model.total.label, indent: 0 };
  }
  return fixedLabels(table)[side].get(rowId) ?? NO_LABEL;
}

const NO_LABEL: FixedLabel = { label: '', indent: 0 };
const EMPTY: PrintedCell = { kind: 'empty' };
const BLANK: PrintedCell = { kind: 'text', text: '' };

/** One side of a line: its row, and the code split into 类/款/项 parts once for all the code columns. */
interface LineSide {
  rowId: string | null;
  data: RowData | undefined;
  parts?: string[];
}

const PART_INDEX = { lei: 0, kuan: 1, xiang: 2 } as const;

/**
 * The cell of one line under one column, from the document rows as they are now. A line with no row on the
 * column's side (the shorter list of 表1/表4) prints a blank cell.
 */
export function printedCell(table: TableDef, line: PrintedLine, col: ColumnDef, rowsById: ReadonlyMap<string, RowData>): PrintedCell {
  const rowId = line.rowIds[columnSideOf(table, col)];
  return cellOf(table, { rowId, data: rowId === null ? undefined : rowsById.get(rowId) }, col);
}

/**
 * The side a column prints on: its own `side` (表1/表4), the side of a coded side-by-side table that lists it, else
 * 0 (tables with one list). Whoever maps a printed cell back to a document row (the grid's editing) asks this.
 */
export function columnSideOf(table: TableDef, col: ColumnDef): 0 | 1 {
  return col.side ?? codedSideOfColumn(table, col.id) ?? 0;
}

/** Whether a table prints two lists side by side (表1/表4, or coded lists split by 类). */
export function isTwoSided(table: TableDef): boolean {
  const m = table.rows;
  return m.kind === 'sideBySide' || (m.kind === 'coded' && m.sides !== undefined);
}

function cellOf(table: TableDef, side: LineSide, col: ColumnDef): PrintedCell {
  const { rowId, data } = side;
  if (rowId === null) return isTwoSided(table) ? BLANK : EMPTY;
  switch (col.kind) {
    case 'code': {
      const code = data?.code ?? '';
      // 合计 and organisation rows print their name only; their code cells stay blank.
      if (rowId === 'total' || !code || (data !== undefined && isOrgRow(data))) return { kind: 'text', text: '', code: true };
      const part = col.codePart ?? 'full';
      if (part === 'full') return { kind: 'text', text: code, code: true };
      side.parts ??= codeParts(code, codeLevels(table));
      return { kind: 'text', text: side.parts[PART_INDEX[part]] ?? '', code: true };
    }
    case 'name': {
      const { label, indent } = printedLabel(table, rowId, columnSideOf(table, col), data);
      return { kind: 'text', text: label, indent };
    }
    case 'text':
      return { kind: 'text', text: data?.texts?.[col.id] ?? '' };
    case 'amount':
      return { kind: 'amount', value: data?.values[col.id] ?? 0, rowId, colId: col.id };
  }
}

function lineCells(table: TableDef, sides: [LineSide, LineSide]): PrintedCell[] {
  const columns = table.columns;
  const cells = new Array<PrintedCell>(columns.length);
  for (let i = 0; i < columns.length; i++) cells[i] = cellOf(table, sides[columnSideOf(table, columns[i])], columns[i]);
  return cells;
}

/** Document rows by id (of a duplicated id, the last one, as the grid and the checks see it). */
export function rowsByIdOf(doc: BudgetDocument, tableId: string): Map<string, RowData> {
  const map = new Map<string, RowData>();
  for (const r of doc.tables[tableId]?.rows ?? []) map.set(r.id, r);
  return map;
}

/** Every printed line with its cells. */
export function printedRows(doc: BudgetDocument, table: TableDef): PrintedRow[] {
  const lines = printedLines(doc, table);
  const model = table.rows.kind;
  const none: LineSide = { rowId: null, data: undefined };
  if ((model === 'coded' && !isTwoSided(table)) || model === 'projects') {
    // One line per stored row, read from that row itself (a duplicated id still prints each row's own figures).
    const rows = doc.tables[table.id]?.rows ?? [];
    return lines.map((line, i) => withCells(line, lineCells(table, [{ rowId: line.key, data: rows[i] }, none])));
  }
  const rowsById = rowsByIdOf(doc, table.id);
  const sideOf = (rowId: string | null): LineSide => (rowId === null ? none : { rowId, data: rowsById.get(rowId) });
  return lines.map((line) => withCells(line, lineCells(table, [sideOf(line.rowIds[0]), sideOf(line.rowIds[1])])));
}

function withCells(line: PrintedLine, cells: PrintedCell[]): PrintedRow {
  return { key: line.key, rowIds: line.rowIds, level: line.level, isTotal: line.isTotal, isOrg: line.isOrg, emphasis: line.emphasis, cells };
}

/** The whole printed table: header, column numbers, lines with cells, blank-zero setting and note. */
export function printedLayout(doc: BudgetDocument, set: Pick<TemplateSet, 'display'>, table: TableDef, options: { blankZero?: boolean } = {}): PrintedLayout {
  return {
    header: headerLayout(table.columns),
    columnNumbers: hasColumnNumberRow(set, table) ? columnNumbers(table) : null,
    rows: printedRows(doc, table),
    blankZero: printsBlankZero(doc, set, options.blankZero),
    note: tableNoteText(doc, table),
  };
}
