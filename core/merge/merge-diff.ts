import type { BudgetDocument, RowData } from '../document/document';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { leafLabel } from '../template/header-layout';
import { mergeRowKey } from './merge-units';

/** One amount that differs between a 部门 table and the units' sum: where, and old → new (hundredths). */
export interface MergeChange {
  table: string;
  /** The printed table number, row (code, name or 合计) and column label, as the officer finds the cell. */
  where: string;
  /** The row as it stands in the current table, or null when only the units' sum has it. */
  row: string | null;
  col: string;
  before: number;
  after: number;
}

/** The amounts of one table that differ from the rows given (a fresh consolidation), in row order. */
export function tableChanges(def: TableDef, current: readonly RowData[], next: readonly RowData[]): MergeChange[] {
  const out: MergeChange[] = [];
  const now = new Map(current.map((r) => [mergeRowKey(r), r]));
  const nextBy = new Map(next.map((r) => [mergeRowKey(r), r]));
  const keys = [...nextBy.keys(), ...[...now.keys()].filter((k) => !nextBy.has(k))];
  // Fixed rows (表1, 表10 …) store no name: the officer knows them by the label the table prints.
  const fixed = def.rows.kind === 'fixed' ? def.rows.rows : def.rows.kind === 'sideBySide' ? [...def.rows.sides[0], ...def.rows.sides[1], ...def.rows.totals] : [];
  const labels = new Map(fixed.map((r) => [r.id, r.label.trim()]));
  for (const k of keys) {
    const a = now.get(k);
    const b = nextBy.get(k);
    const row = b ?? a!;
    for (const col of def.columns) {
      const before = a?.values[col.id] ?? 0;
      const after = b?.values[col.id] ?? 0;
      if (before === after) continue;
      const name = row.code ?? row.name ?? (labels.get(row.id) || (row.id === 'total' ? '合计' : row.id));
      out.push({ table: def.id, where: `${def.no} ${name} ${leafLabel(col)}`, row: a ? a.id : null, col: col.id, before, after });
    }
  }
  return out;
}

/** The amounts that differ between the document's tables and a fresh consolidation, in table and row order. */
export function mergeChanges(current: BudgetDocument, fresh: BudgetDocument, template: TemplateSet): MergeChange[] {
  return template.tables.flatMap((def) => tableChanges(def, current.tables[def.id]?.rows ?? [], fresh.tables[def.id]?.rows ?? []));
}
