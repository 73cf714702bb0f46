import type { BudgetDocument, JsonValue, RowData } from '../document/document';
import { PRIOR, reasonKey, usageKey } from '../inputs/keys';
import type { ProcurementInput } from '../inputs/schemas';
import type { TextContext } from '../text/context';
import { incomeSources } from '../text/generators/budget';
import { sangongValue } from '../text/generators/funds';
import type { Draws } from './random';

/**
 * What every random document's text asks the officer for whatever its set: last year's figures that add up like the
 * tables, a reason for every change, 主要用于 per 类 and 政府采购. The set-specific generators (final-random-texts.ts,
 * shanghai-random-texts.ts) pass what differs between sets.
 */

export interface PriorYearShape {
  /** How far above this year's figure last year may lie beyond a fifth of it (in 分; wider for a set in 元). */
  slack: number;
  /** What 表3 last year adds to 表5's 基本支出: the money that is not 一般公共预算. */
  otherBasic: () => number;
  /** Last year's figure of one income source of 表2, given last year's 一般公共预算 total. */
  income: (source: { id: string; amount: number }, gpbTotal: number, near: (v: number) => number) => number;
  /** Whether the set states 公务用车购置及运行费 as one figure. */
  vehicleTotal?: boolean;
}

const SANGONG_ITEMS = ['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'];

/**
 * Last year's figures near this year's (some equal, some new this year) and totals that are the sums of their parts:
 * per 项 to the 一般公共预算 total, 基本 + 项目, income sources, 三公 items, 机关运行经费. Returns the 项 rows of 表5.
 */
export function randomPriorYear(doc: BudgetDocument, ctx: TextContext, { int, chance }: Draws, shape: PriorYearShape): RowData[] {
  const put = (key: string, v: number) => { if (v !== 0) doc.priorYear[key] = v; };
  const near = (v: number) => (chance(0.2) ? v : chance(0.15) ? 0 : Math.max(0, v + int(Math.floor(v / 5) + shape.slack) - Math.floor(v / 10)));
  const items = ctx.rows('gpbExpenditure').filter((x) => x.code?.length === 7);
  let gpbPrior = 0;
  for (const x of items) {
    const v = near(x.values.total ?? 0);
    put(PRIOR.item(x.code!), v);
    gpbPrior += v;
  }
  const gpbBasic = int(gpbPrior);
  put(PRIOR.gpb('basic'), gpbBasic);
  put(PRIOR.gpb('project'), gpbPrior - gpbBasic);
  put(PRIOR.gpb('total'), gpbPrior);
  const other = shape.otherBasic();
  put(PRIOR.expenditure('basic'), gpbBasic + other);
  put(PRIOR.expenditure('project'), gpbPrior - gpbBasic);
  put(PRIOR.expenditure('total'), gpbPrior + other);
  let income = 0;
  for (const s of incomeSources(ctx)) {
    const v = shape.income(s, gpbPrior, near);
    put(PRIOR.income(s.id), v);
    income += v;
  }
  put(PRIOR.income('total'), income);
  let sangong = 0;
  for (const item of SANGONG_ITEMS) {
    const v = near(sangongValue(ctx, item));
    put(PRIOR.sangong(item), v);
    sangong += v;
  }
  if (shape.vehicleTotal) put(PRIOR.sangong('vehicle'), (doc.priorYear[PRIOR.sangong('vehiclePurchase')] ?? 0) + (doc.priorYear[PRIOR.sangong('vehicleOperation')] ?? 0));
  put(PRIOR.sangong('total'), sangong);
  put(PRIOR.operating, near(ctx.value('gpbBasic', 'total', 'public')));
  return items;
}

/** One reason for every change the text states (income sources, 基本/项目, each 项, 三公, 机关运行经费) and `usage` per 类. */
export function reasonsForChanges(ctx: TextContext, items: readonly RowData[], reason: string, usage: string): Record<string, JsonValue> {
  const inputs: Record<string, JsonValue> = {};
  for (const s of incomeSources(ctx)) inputs[reasonKey.income(s.id)] = reason;
  for (const k of ['basic', 'project'] as const) {
    inputs[reasonKey.expenditure(k)] = reason;
    inputs[reasonKey.gpb(k)] = reason;
  }
  for (const x of items) inputs[reasonKey.item(x.code!)] = reason;
  for (const k of ['total', ...SANGONG_ITEMS]) inputs[reasonKey.sangong(k)] = reason;
  inputs[reasonKey.operating()] = reason;
  for (const row of ctx.rows('fiscalOverview')) if (row.code && (row.values.total ?? 0) !== 0) inputs[usageKey(row.code)] = usage;
  return inputs;
}

/**
 * 政府采购: none, or 货物/工程/服务 with 授予中小企业 within the total and 小微企业 within that. `scale` is 1 for a set in
 * 万元 and 1,000 for one in 元; `noSme` is the chance that nothing went to 中小企业.
 */
export function randomProcurement({ int, chance }: Draws, scale: number, noSme = 0): ProcurementInput {
  if (chance(0.2)) return { none: true };
  const goods = int(50_000 * scale);
  const works = chance(0.3) ? int(80_000 * scale) : 0;
  const services = int(30_000 * scale) + 1;
  const sme = noSme > 0 && chance(noSme) ? 0 : int(goods + works + services);
  return { goods, works, services, sme, smeMicro: int(sme) };
}
