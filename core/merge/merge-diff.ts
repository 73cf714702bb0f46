import type { BudgetDocument, RowData } from '../document/document';
import { rowKey } from '../structure/table-structure';
import type { TemplateSet } from '../template/template.schema';
import { leafLabel } from '../template/header-layout';

/** One amount 重新汇总 would change: where, and old → new (hundredths). */
export interface MergeChange {
  table: string;
  /** The printed table number, row (code, name or 合计) and column label, as the officer finds the cell. */
  where: string;
  row: string;
  col: string;
  before: number;
  after: number;
}

const keyOf = (r: RowData) => (r.org !== undefined ? `org:${r.name ?? r.id}` : rowKey(r));

/** The amounts that differ between the document's tables and a fresh consolidation, in table and row order. */
export function mergeChanges(current: BudgetDocument, fresh: BudgetDocument, template: TemplateSet): MergeChange[] {
  const out: MergeChange[] = [];
  for (const def of template.tables) {
    const now = new Map((current.tables[def.id]?.rows ?? []).map((r) => [keyOf(r), r]));
    const next = fresh.tables[def.id]?.rows ?? [];
    const keys = [...next.map(keyOf), ...[...now.keys()].filter((k) => !next.some((r) => keyOf(r) === k))];
    const nextBy = new Map(next.map((r) => [keyOf(r), r]));
    for (const k of keys) {
      const a = now.get(k);
      const b = nextBy.get(k);
      const row = b ?? a!;
      for (const col of def.columns) {
        const before = a?.values[col.id] ?? 0;
        const after = b?.values[col.id] ?? 0;
        if (before === after) continue;
        const name = row.code ?? row.name ?? (row.id === 'total' ? '合计' : row.id);
        out.push({ table: def.id, where: `${def.no} ${name} ${leafLabel(col)}`, row: row.id, col: col.id, before, after });
      }
    }
  }
  return out;
}
