import { isOrgRow, type BudgetDocument, type CellRef, type RowData } from '../../core/document/document';
import { rowLevel } from '../../core/template/header-layout';
import type { ColumnDef, FixedRowDef, TableDef } from '../../core/template/template.schema';

/**
 * The printed layout of one table as grid rows. The document stores rows (one list, both sides of 表1/表4 in it);
 * the grid shows them as printed: side-by-side lists zipped by index with the two totals on the last line.
 * This module decides only layout and which cells are editable — figures come from the document, sums from core.
 */

export interface GridRow {
  /** AG Grid row id: the document row id, or "s<n>" for a printed line of a side-by-side table. */
  key: string;
  /** Document row id per side (index 0 for ordinary tables). */
  rowIds: [string | null, string | null];
  /** Indent level of the label (fixed rows' level, code depth for coded rows). */
  level: number;
  /** The 合计 / 总计 line, shown bold. */
  isTotal: boolean;
  /** An organisation row (部门 / 单位 subtotal between 合计 and the codes): read-only and shown like 合计. */
  isOrg?: boolean;
  /** The 2021-style column-number row under the header ("1 2 3 …"), pinned at the top. */
  numbers?: boolean;
}

export const COLUMN_NUMBER_ROW: GridRow = { key: '__numbers', rowIds: [null, null], level: 0, isTotal: false, numbers: true };

/** Which side a column belongs to (0 for ordinary tables). */
export function columnSide(col: ColumnDef): 0 | 1 {
  return col.side ?? 0;
}

export function buildGridRows(table: TableDef, doc: BudgetDocument): GridRow[] {
  const model = table.rows;
  const data = doc.tables[table.id]?.rows ?? [];
  if (model.kind === 'sideBySide') {
    const [left, right] = model.sides;
    const n = Math.max(left.length, right.length);
    const rows: GridRow[] = [];
    for (let i = 0; i < n; i += 1) {
      rows.push({ key: `s${i}`, rowIds: [left[i]?.id ?? null, right[i]?.id ?? null], level: 0, isTotal: false });
    }
    rows.push({ key: 'totals', rowIds: [model.totals[0].id, model.totals[1].id], level: 0, isTotal: true });
    return rows;
  }
  if (model.kind === 'fixed') {
    return model.rows.map((r) => ({ key: r.id, rowIds: [r.id, null], level: r.level ?? 0, isTotal: r.id === 'total' }));
  }
  const levels = model.levels;
  // Project rows are printed flush: their code is a 项 code but the row is a project, not a 项 subtotal.
  const indent = model.kind === 'coded';
  return data.map((r) => {
    const row: GridRow = {
      key: r.id,
      rowIds: [r.id, null],
      level: indent && r.code && !isOrgRow(r) ? Math.max(0, rowLevel(r.code, levels)) : 0,
      isTotal: r.id === 'total',
    };
    if (isOrgRow(r)) row.isOrg = true;
    return row;
  });
}

/** The template's fixed-row definition for a row id (fixed and side-by-side tables). */
export function fixedRowDef(table: TableDef, rowId: string): FixedRowDef | undefined {
  const model = table.rows;
  if (model.kind === 'fixed') return model.rows.find((r) => r.id === rowId);
  if (model.kind === 'sideBySide') {
    return model.sides[0].find((r) => r.id === rowId) ?? model.sides[1].find((r) => r.id === rowId) ?? model.totals.find((r) => r.id === rowId);
  }
  return undefined;
}

/** The document cell behind a grid cell, or null where the printed line has no row on that side. */
export function cellRefOf(table: TableDef, row: GridRow, col: ColumnDef): CellRef | null {
  const rowId = row.rowIds[columnSide(col)];
  return rowId === null ? null : { table: table.id, row: rowId, col: col.id };
}

export function codeLevels(table: TableDef): readonly number[] {
  const m = table.rows;
  if (m.kind === 'coded' || m.kind === 'projects') return m.levels;
  return [3, 5, 7];
}

/** The label printed in a name/label column. */
export function rowLabel(table: TableDef, rowData: RowData | undefined, rowId: string): string {
  const model = table.rows;
  if (model.kind === 'fixed' || model.kind === 'sideBySide') return fixedRowDef(table, rowId)?.label ?? '';
  if (rowId === 'total' && (model.kind === 'coded' || model.kind === 'projects')) return model.total.label;
  return rowData?.name ?? '';
}

export function indexRows(doc: BudgetDocument, tableId: string): Map<string, RowData> {
  const map = new Map<string, RowData>();
  for (const r of doc.tables[tableId]?.rows ?? []) map.set(r.id, r);
  return map;
}
