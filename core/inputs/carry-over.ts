import type { Amount } from '../amount/amount';
import type { BudgetDocument, JsonValue } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import type { Command } from '../commands/command';
import { composite } from '../commands/composite.command';
import { setInput, setPriorYear } from '../commands/document-fields.command';
import { createContext, codeLevel } from '../text/context';
import { incomeSources } from '../text/generators/budget';
import { sangongValue } from '../text/generators/funds';
import { operatingAmount } from '../text/generators/other';
import { projectRows } from '../text/generators/projects';
import { canonicalInput, getAssets, getOverallPerformance, getProjectInput, getStaff } from './accessors';
import { INPUT, PRIOR } from './keys';

/** What "从上年文件导入" puts into this year's document: inputs to start from and last year's figures. */
export interface CarryOver {
  inputs: Record<string, JsonValue>;
  priorYear: Record<string, Amount>;
}

const SANGONG_ITEMS = ['total', 'abroad', 'reception', 'vehicle', 'vehiclePurchase', 'vehicleOperation'];

/**
 * Last year's budget figures, read from last year's document the way this year's sentences read them: 表2 sources,
 * 表3 and 表5 totals, every 表5 row by code, 三公 items and 机关运行经费. Zero figures are left out (absent = 0).
 */
export function priorYearFrom(last: BudgetDocument, lastTemplate: TemplateSet): Record<string, Amount> {
  const ctx = createContext(last, lastTemplate);
  const out: Record<string, Amount> = {};
  const put = (key: string, v: Amount) => {
    if (v !== 0) out[key] = v;
  };
  for (const s of incomeSources(ctx)) put(PRIOR.income(s.id), s.amount);
  put(PRIOR.income('total'), ctx.value('income', 'total', 'total'));
  for (const k of ['total', 'basic', 'project'] as const) {
    put(PRIOR.expenditure(k), ctx.value('expenditure', 'total', k));
    put(PRIOR.gpb(k), ctx.value('gpbExpenditure', 'total', k));
  }
  for (const r of ctx.rows('gpbExpenditure')) if (r.code && codeLevel(r) >= 0) put(PRIOR.item(r.code), r.values.total ?? 0);
  for (const item of SANGONG_ITEMS) put(PRIOR.sangong(item), sangongValue(ctx, item));
  put(PRIOR.operating, operatingAmount(ctx));
  return out;
}

/**
 * 从上年文件导入: carries over what rarely changes (概况, 内设机构, 人员 without last year's changes, project
 * descriptions with their names, 主要用于, 绩效 indicators without amounts, 国有资产 as a starting point, the edited
 * 名词解释) and last year's figures as this year's priorYear. Reasons, typed-over paragraphs, 政府采购 and other
 * matters are this year's own and are not carried.
 */
export function carryOverFromLastYear(last: BudgetDocument, lastTemplate: TemplateSet): CarryOver {
  const inputs: Record<string, JsonValue> = {};
  const put = (key: string, value: unknown) => {
    const c = canonicalInput(value);
    if (c !== undefined) inputs[key] = c;
  };
  for (const key of [INPUT.duties, INPUT.subUnits, INPUT.departments, INPUT.glossary]) put(key, last.inputs[key]);
  for (const [key, value] of Object.entries(last.inputs)) if (key.startsWith('usage.')) put(key, value);
  const staff = getStaff(last);
  if (staff) put(INPUT.staff, { authorized: staff.authorized, actual: staff.actual, active: staff.active, retired: staff.retired, veteran: staff.veteran });
  const ctx = createContext(last, lastTemplate);
  put(INPUT.projects, projectRows(ctx).map((row) => {
    const p = getProjectInput(last, row.id, row.name);
    return { ...p, row: row.id, name: row.name, period: undefined, allocation: undefined };
  }));
  const overall = getOverallPerformance(last);
  if (overall) put(INPUT.performanceOverall, { ...overall, upper: undefined, local: undefined, other: undefined });
  const assets = getAssets(last);
  if (assets) put(INPUT.assets, { ...assets, asOf: undefined, plannedVehicleFunds: undefined, plannedEquipment50: undefined, plannedEquipment100: undefined });
  return { inputs, priorYear: priorYearFrom(last, lastTemplate) };
}

/**
 * The carry-over as one undoable command: last year's figures replace this year's priorYear; carried inputs fill
 * only the keys this document does not have yet, so nothing the officer already wrote is overwritten.
 */
export function carryOverCommand(doc: BudgetDocument, carry: CarryOver): Command {
  const parts: Command[] = [];
  for (const key of Object.keys(doc.priorYear)) if (!(key in carry.priorYear)) parts.push(setPriorYear(key, 0));
  for (const [key, value] of Object.entries(carry.priorYear)) parts.push(setPriorYear(key, value));
  for (const [key, value] of Object.entries(carry.inputs)) if (doc.inputs[key] === undefined) parts.push(setInput(key, value));
  return composite('从上年文件导入', parts);
}
