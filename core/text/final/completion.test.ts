import { describe, expect, it } from 'vitest';
import { createFinalSampleDocument, finalSampleSet } from '../../sample/final-sample';
import { completionPercent, itemCompletions } from './completion';
import { finalBudgetKey } from './keys';

describe('决算 sentences per 一般公共预算 项', () => {
  it('state 决算数 and 完成预算 % = 决算数 / 预算数', () => {
    const doc = createFinalSampleDocument();
    const items = itemCompletions(doc, finalSampleSet());
    expect(items.map((i) => i.code)).toEqual(['2012601', '2012604', '2080505', '2080506', '2101101', '2210201']);
    expect(items[0].sentence).toBe('1. 一般公共服务支出(201类)档案事务(20126款)行政运行(2012601项)：2024年度支出决算为210.00万元，完成预算102.44%。');
    expect(items[1].percent).toBe(9444);
  });

  it('say so without a 预算数 instead of printing a rate', () => {
    const doc = createFinalSampleDocument();
    delete doc.inputs[finalBudgetKey('2012604')];
    expect(itemCompletions(doc, finalSampleSet())[1].sentence).toMatch(/决算为85\.00万元，未填写年初预算数。$/);
    expect(completionPercent(100, 0)).toBeNull();
  });
});
