import type { BudgetDocument } from '../document/document';
import { naturalCompare } from '../file/serialize';
import { leafLabel } from '../template/header-layout';
import type { TableDef, TemplateSet } from '../template/template.schema';
import type { InputChange } from './merge-inputs';

/**
 * Last year's figures (上年预算数, document.priorYear) of a 部门 document made from its units: each key is the sum of
 * the units' figures under that key. 汇总 and 重新汇总 both sum with summedPriorYear, so they cannot disagree. A key
 * the units gave at the last consolidation (kept in their snapshots) and give no more falls to zero, as a fresh 汇总
 * would have it; a key no unit ever gave is the 部门's own, typed by the officer, and stays.
 */

/** Each key some unit gives, summed (zero included, so that a sum that fell to zero is written as such). */
export function summedPriorYear(units: readonly BudgetDocument[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const u of units) for (const [k, v] of Object.entries(u.priorYear)) sums.set(k, (sums.get(k) ?? 0) + v);
  return sums;
}

/** The figures as a document stores them: zeros are never stored. */
export function storedPriorYear(sums: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...sums].filter(([, v]) => v !== 0));
}

/** Order of the keys as the forms list them: 收入, 支出, 一般公共预算, 科目, “三公”, 机关运行经费. */
const GROUPS = ['income', 'expenditure', 'gpb', 'item', 'sangong', 'operating'];
const groupOf = (key: string) => {
  const i = GROUPS.indexOf(key.split('.')[0]!);
  return i < 0 ? GROUPS.length : i;
};
const byFormOrder = (a: string, b: string) => groupOf(a) - groupOf(b) || naturalCompare(a, b);

const KINDS: Record<string, string> = { total: '合计', basic: '基本支出', project: '项目支出' };
const SANGONG: Record<string, string> = {
  total: '合计', abroad: '因公出国（境）费', reception: '公务接待费', vehicle: '公务用车购置及运行费', vehiclePurchase: '公务用车购置费', vehicleOperation: '公务用车运行费',
};

const tableOf = (template: TemplateSet, role: TableDef['role']) => template.tables.find((t) => t.role === role);

/** "上年预算数 收入 一般公共预算拨款收入", "上年预算数 2080505 机关事业单位基本养老保险缴费支出", "上年预算数 “三公”经费 公务接待费". */
export function priorYearWhere(key: string, template: TemplateSet, doc: BudgetDocument): string {
  const dot = key.indexOf('.');
  const group = dot < 0 ? key : key.slice(0, dot);
  const part = dot < 0 ? '' : key.slice(dot + 1);
  const what = (() => {
    switch (group) {
      case 'income': {
        const col = tableOf(template, 'income')?.columns.find((c) => c.id === part);
        return `收入 ${col ? leafLabel(col) : part}`;
      }
      case 'expenditure':
        return `支出 ${KINDS[part] ?? part}`;
      case 'gpb':
        return `一般公共预算拨款 ${KINDS[part] ?? part}`;
      case 'item': {
        const table = tableOf(template, 'gpbExpenditure');
        const name = table ? doc.tables[table.id]?.rows.find((r) => r.code === part)?.name : undefined;
        return name ? `${part} ${name}` : part;
      }
      case 'sangong':
        return `“三公”经费 ${SANGONG[part] ?? part}`;
      case 'operating':
        return '机关运行经费';
      default:
        return key;
    }
  })();
  return `上年预算数 ${what}`;
}

/**
 * What 重新汇总 changes in last year's figures: each key some unit gives, or gave at the last consolidation
 * (`given`), set to the units' sum, old → new, in form order (a figure not stored before reads 未填, one that falls
 * to zero 0.00); the 部门's own keys stay.
 */
export function priorYearChanges(
  current: BudgetDocument, units: readonly BudgetDocument[], template: TemplateSet, given: Iterable<string> = [],
): { changes: InputChange[]; priorYear: Record<string, number> } {
  const sums = summedPriorYear(units);
  const changes: InputChange[] = [];
  const priorYear: Record<string, number> = {};
  for (const key of [...new Set([...sums.keys(), ...given])].sort(byFormOrder)) {
    const after = sums.get(key) ?? 0;
    const before = current.priorYear[key];
    if ((before ?? 0) === after) continue;
    changes.push({ key, where: priorYearWhere(key, template, current), kind: 'amount', before, after });
    priorYear[key] = after;
  }
  return { changes, priorYear };
}
