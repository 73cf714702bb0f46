import { formatAmount } from '../amount/amount';
import type { Command } from '../commands/command';
import { emptyChangeSet } from '../commands/command';
import { cloneRow, command } from '../commands/raw';
import type { BudgetDocument, JsonValue, RowData } from '../document/document';
import { structureOf } from '../structure/structure-model';
import type { TemplateSet } from '../template/template.schema';
import { mergeChanges, type MergeChange } from './merge-diff';
import { inputChangeLine, inputChanges, type InputChange } from './merge-inputs';
import { priorYearChanges } from './merge-prior-year';
import { MERGE_INPUT, mergeUnits, snapshotsOf, type MergeUnit } from './merge-units';

/**
 * 重新汇总: a consolidated 部门 document brought back to its units' sum after a unit's file changed. The app and the
 * CLI (`merge --update`) both plan with remergePlan (what changes, which units) and write with its command, so the
 * two cannot disagree on what a re-merge touches: every table's rows, the inputs consolidation sums (人员情况,
 * 政府采购, 国有资产占用 with 公务用车, 机关运行经费, “三公” counts — merge-inputs.ts), last year's figures
 * (merge-prior-year.ts) and the unit snapshots; the officer's notes, texts and other inputs stay as they are. Each
 * is summed by the function 汇总 uses, so a re-merge gives what a fresh 汇总 of the same files would.
 */

export type RemergePlan =
  | { ok: false; message: string }
  | {
      ok: true;
      /** Every amount that differs from the fresh sum, old → new, in table and row order. */
      changes: MergeChange[];
      /** Every summed input that differs from the units' sum, old → new, in form order. */
      inputChanges: InputChange[];
      /** Every 上年预算数 that differs from the units' sum, old → new, in form order. */
      priorYearChanges: InputChange[];
      /** Units whose file content differs from the snapshot kept at the last consolidation. */
      changedUnits: string[];
      /** Nothing to write: same amounts and same unit files. */
      unchanged: boolean;
      command: Command;
    };

/** Units read afresh, in the order of the document's snapshots (the caller reads each snapshot's file). */
export function remergePlan(doc: BudgetDocument, template: TemplateSet, units: readonly MergeUnit[]): RemergePlan {
  const snapshots = snapshotsOf(doc);
  if (snapshots.length === 0) return { ok: false, message: '当前文档不是汇总生成的部门文档（没有下属单位记录），无法重新汇总' };
  const fresh = mergeUnits(units, template, doc.meta.unitName);
  if (!fresh.ok) return fresh;
  const changes = mergeChanges(doc, fresh.doc, template);
  const inputs = inputChanges(doc, units.map((u) => u.doc));
  const prior = priorYearChanges(doc, units.map((u) => u.doc), template, snapshots.flatMap((s) => Object.keys(s.priorYear ?? {})));
  const changedUnits = units.filter((u, i) => u.sha256 !== snapshots[i]?.sha256).map((u) => u.doc.meta.unitName);
  const tables: Record<string, readonly RowData[]> = {};
  for (const def of template.tables) tables[def.id] = fresh.doc.tables[def.id]?.rows ?? [];
  return {
    ok: true,
    changes,
    inputChanges: inputs.changes,
    priorYearChanges: prior.changes,
    changedUnits,
    unchanged: changes.length === 0 && inputs.changes.length === 0 && prior.changes.length === 0 && changedUnits.length === 0,
    command: replaceTablesCommand('重新汇总', tables, { ...inputs.inputs, [MERGE_INPUT]: fresh.doc.inputs[MERGE_INPUT] ?? null }, prior.priorYear),
  };
}

const jsonCopy = <T extends JsonValue>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * Sets each given table's rows (its note stays the document's own), each given input (null: removed) and each
 * given 上年预算数 (zero: removed); the inverse puts back what it replaced, so 撤销 restores the document exactly.
 */
export function replaceTablesCommand(label: string, tables: Record<string, readonly RowData[]>, inputs: Record<string, JsonValue | null>, priorYear: Record<string, number> = {}): Command {
  const own = Object.entries(tables).map(([id, rows]) => [id, rows.map(cloneRow)] as const);
  const ownInputs = Object.entries(inputs).map(([key, v]) => [key, v === null ? null : jsonCopy(v)] as const);
  const ownPrior = Object.entries(priorYear);
  return command(label, (doc, ctx) => {
    const before: Record<string, RowData[]> = {};
    const changes = emptyChangeSet();
    const structure = structureOf(doc, ctx.template);
    for (const [id, newRows] of own) {
      const current = doc.tables[id];
      before[id] = current?.rows ?? [];
      const rows = newRows.map(cloneRow);
      if (current) current.rows = rows;
      else doc.tables[id] = { rows };
      structure.invalidate(id);
      changes.tables.push(id);
    }
    const previous: Record<string, JsonValue | null> = {};
    for (const [key, v] of ownInputs) {
      previous[key] = doc.inputs[key] ?? null;
      if (v === null) delete doc.inputs[key];
      else doc.inputs[key] = jsonCopy(v);
      changes.inputs.push(key);
    }
    const previousPrior: Record<string, number> = {};
    for (const [key, v] of ownPrior) {
      previousPrior[key] = doc.priorYear[key] ?? 0;
      if (v === 0) delete doc.priorYear[key];
      else doc.priorYear[key] = v;
      changes.priorYear.push(key);
    }
    return { inverse: replaceTablesCommand(label, before, previous, previousPrior), changes };
  });
}

/** The change list as the officer reads it, one line per amount: "表3 2080505 基本支出：1.00 → 3.50". */
export function remergeLines(changes: readonly MergeChange[]): string[] {
  return changes.map((c) => `${c.where}：${formatAmount(c.before)} → ${formatAmount(c.after)}`);
}

type PlannedChanges = { changes: readonly MergeChange[]; inputChanges: readonly InputChange[]; priorYearChanges: readonly InputChange[] };

/**
 * Every line a planned 重新汇总 shows the officer: the table cells, then the summed inputs ("人员情况 编制数：10 → 12"),
 * then last year's figures ("上年预算数 支出 合计：100.00 → 120.00").
 */
export function remergePlanLines(plan: PlannedChanges): string[] {
  return [...remergeLines(plan.changes), ...plan.inputChanges.map(inputChangeLine), ...plan.priorYearChanges.map(inputChangeLine)];
}

/** "修改 12 个单元格和 2 项填报内容（人员、采购、资产、上年预算数等）" — how much a 重新汇总 changed, for the closing message. */
export function remergeSize(plan: PlannedChanges): string {
  const n = plan.inputChanges.length + plan.priorYearChanges.length;
  const inputs = n ? `和 ${n} 项填报内容（人员、采购、资产、上年预算数等）` : '';
  return `修改 ${plan.changes.length} 个单元格${inputs}`;
}
