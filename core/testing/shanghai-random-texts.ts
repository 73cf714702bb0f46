import type { BudgetDocument, JsonValue } from '../document/document';
import { INPUT, PRIOR, reasonKey, usageKey } from '../inputs/keys';
import type { AssetsInput, OverallPerformance, ProcurementInput } from '../inputs/schemas';
import { createContext } from '../text/context';
import { incomeSources } from '../text/generators/budget';
import { sangongValue } from '../text/generators/funds';
import { seededRandom } from './random';
import { randomShanghaiDocument, shanghaiSet } from './shanghai-random';

/**
 * A random Shanghai-style document (shanghai-random.ts, amounts in 元) with everything its text asks the officer for:
 * last year's figures that add up like the tables (项 to the 一般公共预算 total, 基本 + 项目, income sources, 三公
 * items), a reason for every change, 主要用于 per 类, 职能, 人员, 政府采购 (中小企业 ≥ 小微企业, or none), 国有资产
 * and the 整体绩效目标 over the whole budget. Its generated text must then pass every check the app runs. One seed
 * gives one document.
 */
export function randomShanghaiDocumentWithTexts(seed: number): BudgetDocument {
  const doc = randomShanghaiDocument(seed);
  const r = seededRandom(seed * 37 + 11);
  const int = (max: number) => Math.floor(r() * (max + 1));
  const chance = (p: number) => r() < p;
  const ctx = createContext(doc, shanghaiSet());
  const put = (key: string, v: number) => { if (v !== 0) doc.priorYear[key] = v; };
  // Last year near this year's figure: some equal, some new this year, some in whole 元 and some in 分.
  const near = (v: number) => (chance(0.2) ? v : chance(0.15) ? 0 : Math.max(0, v + int(Math.floor(v / 5) + 10_000) - Math.floor(v / 10)));
  if (chance(0.5)) doc.meta.textAmountStyle = 'minimal';

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
  // All of this set's spending is 一般公共预算: 表3 last year is 表5 last year.
  put(PRIOR.expenditure('basic'), gpbBasic);
  put(PRIOR.expenditure('project'), gpbPrior - gpbBasic);
  put(PRIOR.expenditure('total'), gpbPrior);
  let income = 0;
  for (const s of incomeSources(ctx)) {
    const v = s.id === 'fiscal' ? gpbPrior : 0;
    put(PRIOR.income(s.id), v);
    income += v;
  }
  put(PRIOR.income('total'), income);
  let sangong = 0;
  for (const item of ['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception']) {
    const v = near(sangongValue(ctx, item));
    put(PRIOR.sangong(item), v);
    sangong += v;
  }
  put(PRIOR.sangong('vehicle'), (doc.priorYear[PRIOR.sangong('vehiclePurchase')] ?? 0) + (doc.priorYear[PRIOR.sangong('vehicleOperation')] ?? 0));
  put(PRIOR.sangong('total'), sangong);
  put(PRIOR.operating, near(ctx.value('gpbBasic', 'total', 'public')));

  const reason = '工作任务调整';
  const inputs: Record<string, JsonValue> = {
    [INPUT.duties]: ['负责本区档案事业的统筹规划和组织协调'],
    [INPUT.departments]: ['办公室', '业务指导科'],
    [INPUT.staff]: { authorized: 20, actual: 18, active: 15, activeChange: chance(0.5) ? 0 : 1, retired: 3, retiredChange: 0, veteran: 0, veteranChange: 0 },
    [INPUT.procurement]: procurement(int, chance) as unknown as JsonValue,
    [INPUT.assets]: {
      asOf: '截至上年底', buildingArea: 3000, buildingValue: 150_000_000, vehicles: chance(0.6) ? [{ kind: '一般公务用车', count: 1 + int(2), value: 20_000_000 + int(10_000_000) }] : [],
      furnitureValue: int(5_000_000), otherValue: int(2_000_000),
    } satisfies AssetsInput as unknown as JsonValue,
    [INPUT.performanceOverall]: {
      goal: '保障档案事业正常开展', local: ctx.value('overview', 'inTotal', 'inAmount'),
      indicators: [{ level1: '产出指标', level2: '数量指标', level3: '接收进馆档案', value: '≥5000卷' }],
    } satisfies OverallPerformance as unknown as JsonValue,
  };
  if (chance(0.5)) inputs[INPUT.otherNotes] = ['本部门其他事项说明。'];
  for (const s of incomeSources(ctx)) inputs[reasonKey.income(s.id)] = reason;
  for (const k of ['basic', 'project'] as const) {
    inputs[reasonKey.expenditure(k)] = reason;
    inputs[reasonKey.gpb(k)] = reason;
  }
  for (const x of items) inputs[reasonKey.item(x.code!)] = reason;
  for (const k of ['total', 'abroad', 'vehiclePurchase', 'vehicleOperation', 'reception']) inputs[reasonKey.sangong(k)] = reason;
  inputs[reasonKey.operating()] = reason;
  for (const row of ctx.rows('fiscalOverview')) if (row.code && (row.values.total ?? 0) !== 0) inputs[usageKey(row.code)] = '保障部门正常运转';
  Object.assign(doc.inputs, inputs);
  // An empty table the set has no 空表 sentence for (表8 of a 部门 with only 项目支出) gets the officer's note.
  for (const t of shanghaiSet().tables) {
    const data = doc.tables[t.id];
    if (!t.emptyNote && data && data.rows.every((x) => Object.values(x.values).every((v) => v === 0))) {
      data.note = `注：${doc.meta.unitName}${doc.meta.year}年${t.title.replace('{主体}', '部门')}为空表。`;
    }
  }
  return doc;
}

/** 政府采购 in 分 of 元: none, or 货物/工程/服务 with 中小企业 within the total and 小微企业 within that. */
function procurement(int: (max: number) => number, chance: (p: number) => boolean): ProcurementInput {
  if (chance(0.2)) return { none: true };
  const goods = int(50_000_000);
  const works = chance(0.3) ? int(80_000_000) : 0;
  const services = int(30_000_000) + 1;
  const sme = int(goods + works + services);
  return { goods, works, services, sme, smeMicro: int(sme) };
}
