import type { BudgetDocument, JsonValue } from '../document/document';
import { INPUT } from '../inputs/keys';
import type { AssetsInput, OverallPerformance } from '../inputs/schemas';
import { createContext } from '../text/context';
import { seededDraws } from './random';
import { randomPriorYear, randomProcurement, reasonsForChanges } from './random-texts';
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
  const draws = seededDraws(seed * 37 + 11);
  const { int, chance } = draws;
  const ctx = createContext(doc, shanghaiSet());
  if (chance(0.5)) doc.meta.textAmountStyle = 'minimal';
  const items = randomPriorYear(doc, ctx, draws, {
    // In 元: some figures change by whole 元 and some by 分.
    slack: 10_000,
    // All of this set's spending is 一般公共预算: 表3 last year is 表5 last year, and all income 财政拨款.
    otherBasic: () => 0,
    income: (s, gpb) => (s.id === 'fiscal' ? gpb : 0),
    vehicleTotal: true,
  });

  const reason = '工作任务调整';
  const inputs: Record<string, JsonValue> = {
    [INPUT.duties]: ['负责本区档案事业的统筹规划和组织协调'],
    [INPUT.departments]: ['办公室', '业务指导科'],
    [INPUT.staff]: { authorized: 20, actual: 18, active: 15, activeChange: chance(0.5) ? 0 : 1, retired: 3, retiredChange: 0, veteran: 0, veteranChange: 0 },
    [INPUT.procurement]: randomProcurement(draws, 1000) as unknown as JsonValue,
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
  Object.assign(inputs, reasonsForChanges(ctx, items, reason, '保障部门正常运转'));
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

