import type { BudgetDocument, RowData } from '../document/document';
import { formatAmount } from '../amount/amount';
import { leafLabel } from '../template/header-layout';
import { mergedTable, snapshotsOf } from '../merge/merge-units';
import type { Finding } from '../rules/finding';
import { rowKey } from '../structure/table-structure';
import type { TemplateSet } from '../template/template.schema';
import { textFinding } from './finding-factory';

/**
 * A consolidated 部门 document must equal the sum of the units it was made from: every amount of every table is
 * compared with the units' snapshots (an edit after consolidation, or a unit changed and not re-merged, shows
 * here as a 错误 naming the cell). 重新汇总 brings the document back to the units' sum.
 */
export function checkMergedSums(doc: BudgetDocument, template: TemplateSet): Finding[] {
  const snapshots = snapshotsOf(doc);
  if (snapshots.length === 0) return [];
  const out: Finding[] = [];
  for (const def of template.tables) {
    const expected = mergedTable(def, doc.meta.unitName, snapshots).rows;
    const actual = doc.tables[def.id]?.rows ?? [];
    const key = (r: RowData) => (r.org !== undefined ? `org:${r.name ?? r.id}` : rowKey(r));
    const byKey = new Map(actual.map((r) => [key(r), r]));
    const seen = new Set<string>();
    for (const want of expected) {
      const k = key(want);
      seen.add(k);
      const have = byKey.get(k);
      const cols = new Set([...Object.keys(want.values), ...Object.keys(have?.values ?? {})]);
      for (const col of cols) {
        const a = have?.values[col] ?? 0;
        const b = want.values[col] ?? 0;
        if (a === b) continue;
        const column = def.columns.find((c) => c.id === col);
        const rowName = want.code ?? want.name ?? (want.id === 'total' ? '合计' : want.id);
        out.push(textFinding('merge.sum', '部门数等于下属单位之和', 'error', `${def.id}.${k}.${col}`,
          `${def.no} ${rowName} ${column ? leafLabel(column) : col}：部门 ${formatAmount(a)}，下属单位合计 ${formatAmount(b)}，相差 ${formatAmount(Math.abs(a - b))}（请重新汇总或核对下属单位）`,
          { scope: '表间', cells: have ? [{ table: def.id, row: have.id, col }] : [] }));
      }
    }
    for (const r of actual) {
      const k = key(r);
      if (seen.has(k) || Object.keys(r.values).length === 0) continue;
      out.push(textFinding('merge.sum', '部门数等于下属单位之和', 'error', `${def.id}.${k}`,
        `${def.no} ${r.code ?? r.name ?? r.id}：下属单位中没有这一行（请重新汇总或核对下属单位）`, { scope: '表间', cells: [{ table: def.id, row: r.id, col: Object.keys(r.values)[0]! }] }));
    }
  }
  return out;
}
