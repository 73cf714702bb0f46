import type { BudgetDocument, JsonValue } from '../document/document';
import { INPUT } from '../inputs/keys';
import type { AssetsInput, OverallPerformance } from '../inputs/schemas';
import { createContext } from '../text/context';
import { FINAL_INPUT, finalBudgetKey, SANGONG_COUNTS, sangongCountKey } from '../text/final/keys';
import { finalSet, randomFinalDocument } from './final-random';
import { seededDraws } from './random';
import { randomPriorYear, randomProcurement, reasonsForChanges } from './random-texts';

/**
 * A random 决算 document (final-random.ts) with everything its text asks the officer for: last year's 决算 figures
 * that add up like the tables (项 to the 一般公共预算 total, 基本 + 项目, income sources, 三公 items), a reason for
 * every change and for the 三公 决算数 off its 预算数, 主要用于 per 类, every 项's 预算数, the 三公 counts, 政府采购
 * (中小企业 ≥ 小微企业, or none), 国有资产, 职能, 人员 and the 整体绩效目标. Its generated text must then pass every
 * check the app runs. One seed gives one document.
 */
export function randomFinalDocumentWithTexts(seed: number): BudgetDocument {
  const doc = randomFinalDocument(seed);
  const draws = seededDraws(seed * 31 + 7);
  const { int, chance } = draws;
  const ctx = createContext(doc, finalSet());
  const items = randomPriorYear(doc, ctx, draws, {
    slack: 100,
    // Some money not from 一般公共预算 spent on 基本支出 last year.
    otherBasic: () => (chance(0.5) ? int(5000) : 0),
    income: (s, _gpb, near) => near(s.amount),
  });

  const reason = '工作任务调整';
  const inputs: Record<string, JsonValue> = {
    [INPUT.duties]: ['负责档案的收集、保管和利用'],
    [INPUT.departments]: ['办公室', '业务科'],
    [INPUT.staff]: { authorized: 10, actual: 9, active: 8, activeChange: chance(0.5) ? 0 : 1, retired: 1, retiredChange: 0, veteran: 0, veteranChange: 0 },
    [INPUT.procurement]: randomProcurement(draws, 1, 0.1) as unknown as JsonValue,
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
  Object.assign(inputs, reasonsForChanges(ctx, items, reason, '保障单位正常运转'));
  for (const x of items) inputs[finalBudgetKey(x.code!)] = doc.inputs[finalBudgetKey(x.code!)] ?? Math.max(1, x.values.total ?? 0);
  for (const field of SANGONG_COUNTS) inputs[sangongCountKey(field)] = int(20);
  Object.assign(doc.inputs, inputs);
  return doc;
}

