import type { BudgetDocument, CellRef, RowData } from '../../core/document/document';
import { columnSideOf, printedLines, rowsByIdOf, type PrintedLine } from '../../core/layout/printed-layout';
import { hasColumnNumberRow } from '../../core/template/header-layout';
import type { ColumnDef, TableDef, TemplateSet } from '../../core/template/template.schema';

/**
 * The grid's rows are the printed lines of core's layout (core/layout/printed-layout.ts), the same lines Excel and
 * Word print: side-by-side lists zipped by index with the two totals on the last line, organisation rows between
 * 合计 and the codes. This module adds only what the screen needs on top (the pinned column-number row, which
 * document cell is behind a grid cell).
 */

export interface GridRow extends PrintedLine {
  /** The 2021-style column-number row under the header ("1 2 3 …"), pinned at the top. */
  numbers?: boolean;
}

export const COLUMN_NUMBER_ROW: GridRow = {
  key: '__numbers',
  rowIds: [null, null],
  level: 0,
  isTotal: false,
  isOrg: false,
  emphasis: false,
  numbers: true,
};

/**
 * Which side of a printed line a column belongs to (0 for ordinary tables): its own `side` in 表1/表4, or — for coded
 * lists split by 类 (决算 表6: 人员经费 | 公用经费) — the side core's layout prints it on, so a typed figure lands in the
 * row printed beside it.
 */
export function columnSide(table: TableDef, col: ColumnDef): 0 | 1 {
  return columnSideOf(table, col);
}

export function buildGridRows(table: TableDef, doc: BudgetDocument): GridRow[] {
  return printedLines(doc, table);
}

/**
 * The pinned column-number row where the printed table has one (the set's option; never over the side-by-side
 * 收支总表), else undefined.
 */
export function columnNumberRows(template: Pick<TemplateSet, 'display'>, table: TableDef): GridRow[] | undefined {
  return hasColumnNumberRow(template, table) ? PINNED_NUMBERS : undefined;
}

const PINNED_NUMBERS = [COLUMN_NUMBER_ROW];

/** The document cell behind a grid cell, or null where the printed line has no row on that side. */
export function cellRefOf(table: TableDef, row: GridRow, col: ColumnDef): CellRef | null {
  const rowId = row.rowIds[columnSide(table, col)];
  return rowId === null ? null : { table: table.id, row: rowId, col: col.id };
}

export function indexRows(doc: BudgetDocument, tableId: string): Map<string, RowData> {
  return rowsByIdOf(doc, tableId);
}
