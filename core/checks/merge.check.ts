import type { BudgetDocument } from '../document/document';
import { formatAmount } from '../amount/amount';
import { mergedTable, snapshotsOf } from '../merge/merge-units';
import { tableChanges } from '../merge/merge-diff';
import type { Finding } from '../rules/finding';
import type { TemplateSet } from '../template/template.schema';
import { textFinding } from './finding-factory';

/**
 * A consolidated 部门 document must equal the sum of the units it was made from: every amount of every table is
 * compared with the units' snapshots (an edit after consolidation, or a unit changed and not re-merged, shows
 * here as a 错误 naming the cell). 重新汇总 brings the document back to the units' sum; both read one comparison.
 */
export function checkMergedSums(doc: BudgetDocument, template: TemplateSet): Finding[] {
  const snapshots = snapshotsOf(doc);
  if (snapshots.length === 0) return [];
  return template.tables.flatMap((def) =>
    tableChanges(def, doc.tables[def.id]?.rows ?? [], mergedTable(def, doc.meta.unitName, snapshots).rows).map((c) =>
      textFinding('merge.sum', '部门数等于下属单位之和', 'error', `${def.id}.${c.row ?? c.where}.${c.col}`,
        c.row === null
          ? `${c.where}：部门未列此行，下属单位合计 ${formatAmount(c.after)}（请重新汇总或核对下属单位）`
          : `${c.where}：部门 ${formatAmount(c.before)}，下属单位合计 ${formatAmount(c.after)}，相差 ${formatAmount(Math.abs(c.before - c.after))}（请重新汇总或核对下属单位）`,
        { scope: '表间', cells: c.row === null ? [] : [{ table: def.id, row: c.row, col: c.col }] })));
}
