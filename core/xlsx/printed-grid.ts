import { isOrgRow, type BudgetDocument, type RowData } from '../document/document';
import type { ColumnDef, FixedRowDef, TableDef } from '../template/template.schema';
import { codePartFor, fixedRowName, tableEmptyNote } from '../template/header-layout';

/**
 * The body of a table as printed: one line per printed row, one entry per template column. Shared by the Excel
 * export (and its formula option) so the layout is decided once: coded rows with split or combined codes, fixed
 * rows with their labels, two lists side by side with the totals on the last line, project rows, and the
 * organisation rows (部门 / 单位 subtotals) some releases print between the 合计 row and the codes.
 */
export type GridCell =
  | { kind: 'text'; text: string; code?: boolean; indent?: number }
  | { kind: 'amount'; value: number; rowId: string; colId: string }
  | { kind: 'empty' };

export interface GridLine {
  cells: GridCell[];
  /** The document row shown on this line, per side (index 0 = left or only side, 1 = right side). */
  rowIds: (string | undefined)[];
  /** Printed bold: 合计 / 总计 lines, organisation rows and 类 rows. */
  emphasis: boolean;
  /** Indent level of the name column (fixed rows' level). */
  level: number;
}

export function codeLevels(table: TableDef): number[] {
  const m = table.rows;
  return m.kind === 'coded' || m.kind === 'projects' ? m.levels : [3, 5, 7];
}

function rowCells(table: TableDef, row: RowData | undefined, label: string, side: 0 | 1 | undefined, indent = 0): GridCell[] {
  const levels = codeLevels(table);
  return table.columns.map((col): GridCell => {
    if (side !== undefined && (col.side ?? 0) !== side) return { kind: 'empty' };
    if (!row && col.kind !== 'name') return { kind: 'empty' };
    switch (col.kind) {
      case 'code': {
        const code = row?.code ?? '';
        // 合计 and organisation rows print their name only; their code cells stay blank.
        const text = row?.id === 'total' || !code || (row && isOrgRow(row)) ? '' : codePartFor(code, col.codePart ?? 'full', levels);
        return { kind: 'text', text, code: true };
      }
      case 'name':
        return { kind: 'text', text: label, indent };
      case 'text':
        return { kind: 'text', text: row?.texts?.[col.id] ?? '' };
      case 'amount':
        return { kind: 'amount', value: row?.values[col.id] ?? 0, rowId: (row as RowData).id, colId: col.id };
    }
  });
}

function merge(a: GridCell[], b: GridCell[]): GridCell[] {
  return a.map((cell, i) => (cell.kind === 'empty' ? b[i] : cell));
}

export function printedGrid(doc: BudgetDocument, table: TableDef): GridLine[] {
  const rows = doc.tables[table.id]?.rows ?? [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const model = table.rows;
  const fixedLabel = (def: FixedRowDef) => def.label;
  switch (model.kind) {
    case 'coded':
    case 'projects': {
      const levels = model.levels;
      return rows.map((r) => {
        const isTotal = r.id === 'total';
        // Organisation rows (部门 / 单位 subtotals) print in row order, flush and bold like the 合计 line.
        const isOrg = isOrgRow(r);
        const label = isTotal ? model.total.label : (r.name ?? '');
        const level = isTotal || isOrg ? 0 : model.kind === 'coded' ? Math.max(0, levels.indexOf((r.code ?? '').length)) : 0;
        return {
          cells: rowCells(table, r, label, undefined),
          rowIds: [r.id],
          emphasis: isTotal || isOrg || (model.kind === 'coded' && level === 0 && levels.length > 1),
          level,
        };
      });
    }
    case 'fixed':
      return model.rows.map((def) => ({
        cells: rowCells(table, byId.get(def.id) ?? { id: def.id, values: {} }, fixedLabel(def), undefined, def.level ?? 0),
        rowIds: [def.id],
        emphasis: def.id === 'total' || (def.level ?? 0) === 0,
        level: def.level ?? 0,
      }));
    case 'sideBySide': {
      const [left, right] = model.sides;
      const n = Math.max(left.length, right.length);
      const lines: GridLine[] = [];
      for (let i = 0; i < n; i++) {
        const l = left[i];
        const r = right[i];
        const lc = l ? rowCells(table, byId.get(l.id) ?? { id: l.id, values: {} }, fixedLabel(l), 0, l.level ?? 0) : blankSide(table, 0);
        const rc = r ? rowCells(table, byId.get(r.id) ?? { id: r.id, values: {} }, fixedRowLabel(r), 1, r.level ?? 0) : blankSide(table, 1);
        lines.push({ cells: merge(lc, rc), rowIds: [l?.id, r?.id], emphasis: false, level: l?.level ?? 0 });
      }
      const [lt, rt] = model.totals;
      lines.push({
        cells: merge(
          rowCells(table, byId.get(lt.id) ?? { id: lt.id, values: {} }, lt.label, 0),
          rowCells(table, byId.get(rt.id) ?? { id: rt.id, values: {} }, rt.label, 1),
        ),
        rowIds: [lt.id, rt.id],
        emphasis: true,
        level: 0,
      });
      return lines;
    }
  }
}

/** The right list of 表1/表4 prints "201 一般公共服务支出": label as the template writes it. */
function fixedRowLabel(def: FixedRowDef): string {
  return def.code && !def.label.startsWith(def.code) ? `${def.code} ${fixedRowName(def)}` : def.label;
}

function blankSide(table: TableDef, side: 0 | 1): GridCell[] {
  return table.columns.map((c): GridCell => ((c.side ?? 0) === side ? { kind: 'text', text: '' } : { kind: 'empty' }));
}

/** True when no amount of the table is non-zero: the table is printed with its header and its 空表 note. */
export function isEmptyTable(doc: BudgetDocument, table: TableDef): boolean {
  const rows = doc.tables[table.id]?.rows ?? [];
  return rows.every((r) => Object.values(r.values).every((v) => v === 0));
}

/**
 * The note printed under a table: the table's own note as the release words it (it replaces the template's 空表
 * note, and stands under a table with data too), else the template's 空表 note when the table is empty.
 */
export function tableNoteText(doc: BudgetDocument, table: TableDef): string | undefined {
  const own = doc.tables[table.id]?.note;
  if (own) return own;
  return isEmptyTable(doc, table) ? tableEmptyNote(table, doc.meta) : undefined;
}

export function amountColumns(table: TableDef): ColumnDef[] {
  return table.columns.filter((c) => c.kind === 'amount');
}
