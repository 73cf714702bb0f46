import type { BudgetDocument, JsonValue } from '../document/document';
import { INPUT, PRIOR, reasonKey, usageKey } from '../inputs/keys';
import type { AssetsInput, OverallPerformance, ProcurementInput } from '../inputs/schemas';
import { createContext } from '../text/context';
import { incomeSources } from '../text/generators/budget';
import { FINAL_INPUT, finalBudgetKey, SANGONG_COUNTS, sangongCountKey } from '../text/final/keys';
import { finalSet, randomFinalDocument } from './final-random';
import { seededRandom } from './random';

/**
 * A random 决算 document (final-random.ts) with everything its text asks the officer for: last year's 决算 figures
 * that add up like the tables (项 to the 一般公共预算 total, 基本 + 项目, income sources, 三公 items), a reason for
 * every change and for the 三公 决算数 off its 预算数, 主要用于 per 类, every 项's 预算数, the 三公 counts, 政府采购
 * (中小企业 ≥ 小微企业, or none), 国有资产, 职能, 人员 and the 整体绩效目标. Its generated text must then pass every
 * check the app runs. One seed gives one document.
 */
export function randomFinalDocumentWithTexts(seed: number): BudgetDocument {
  const doc = randomFinalDocument(seed);
  const r = seededRandom(seed * 31 + 7);
  const int = (max: number) => Math.floor(r() * (max + 1));
  const chance = (p: number) => r() < p;
  const ctx = createContext(doc, finalSet());
  const put = (key: string, v: number) => { if (v !== 0) doc.priorYear[key] = v; };
  const near = (v: number) => (chance(0.2) ? v : chance(0.15) ? 0 : Math.max(0, v + int(Math.floor(v / 5) + 100) - Math.floor(v / 10)));

  // Last year: per 项 (some equal, some new this year), and totals that are the sums of their parts.
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
  const other = chance(0.5) ? int(5000) : 0;
  put(PRIOR.expenditure('basic'), gpbBasic + other);
  put(PRIOR.expenditure('project'), gpbPrior - gpbBasic);
  put(PRIOR.expenditure('total'), gpbPrior + other);
  let income = 0;
  for (const s of incomeSources(ctx)) {
    const v = near(s.amount);
    put(PRIOR.income(s.id), v);
    income += v;
  }
  put(PRIOR.income('total'), income);
  let sangong = 0;
  for (const item of ['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception']) {
    const v = near(ctx.value('sangong', 'total', item));
    put(PRIOR.sangong(item), v);
    sangong += v;
  }
  put(PRIOR.sangong('total'), sangong);
  put(PRIOR.operating, near(ctx.value('gpbBasic', 'total', 'public')));

  const reason = '工作任务调整';
  const inputs: Record<string, JsonValue> = {
    [INPUT.duties]: ['负责档案的收集、保管和利用'],
    [INPUT.departments]: ['办公室', '业务科'],
    [INPUT.staff]: { authorized: 10, actual: 9, active: 8, activeChange: chance(0.5) ? 0 : 1, retired: 1, retiredChange: 0, veteran: 0, veteranChange: 0 },
    [INPUT.procurement]: procurement(int, chance) as unknown as JsonValue,
    [INPUT.assets]: {
      asOf: '截至2024年12月31日', vehicles: chance(0.7) ? [{ kind: '一般公务用车', count: 1 + int(2), value: 1000 + int(3000) }] : [],
      equipment50: int(2), equipment100: 0,
    } satisfies AssetsInput as unknown as JsonValue,
    [INPUT.performanceOverall]: {
      goal: '保障档案工作正常开展', local: ctx.value('overview', 'inTotal', 'inAmount'),
      indicators: [{ level1: '产出指标', level2: '数量指标', level3: '接收进馆档案', value: '≥3000卷' }],
    } satisfies OverallPerformance as unknown as JsonValue,
    [FINAL_INPUT.sangongReason]: '厉行节约',
  };
  if (doc.meta.unitType === '事业') inputs[INPUT.operatingAmount] = 1234;
  for (const s of incomeSources(ctx)) inputs[reasonKey.income(s.id)] = reason;
  for (const k of ['basic', 'project'] as const) {
    inputs[reasonKey.expenditure(k)] = reason;
    inputs[reasonKey.gpb(k)] = reason;
  }
  for (const x of items) {
    inputs[reasonKey.item(x.code!)] = reason;
    inputs[finalBudgetKey(x.code!)] = doc.inputs[finalBudgetKey(x.code!)] ?? Math.max(1, x.values.total ?? 0);
  }
  for (const k of ['total', 'abroad', 'vehiclePurchase', 'vehicleOperation', 'reception']) inputs[reasonKey.sangong(k)] = reason;
  inputs[reasonKey.operating()] = reason;
  for (const row of ctx.rows('fiscalOverview')) if (row.code && (row.values.total ?? 0) !== 0) inputs[usageKey(row.code)] = '保障单位正常运转';
  for (const field of SANGONG_COUNTS) inputs[sangongCountKey(field)] = int(20);
  Object.assign(doc.inputs, inputs);
  return doc;
}

/** 政府采购: none, or 货物/工程/服务 with 授予中小企业 within the total and 小微企业 within that. */
function procurement(int: (max: number) => number, chance: (p: number) => boolean): ProcurementInput {
  if (chance(0.2)) return { none: true };
  const goods = int(50000);
  const works = chance(0.3) ? int(80000) : 0;
  const services = int(30000) + 1;
  const sme = chance(0.1) ? 0 : int(goods + works + services);
  return { goods, works, services, sme, smeMicro: int(sme) };
}
