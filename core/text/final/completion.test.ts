import { describe, expect, it } from 'vitest';
import { createFinalSampleDocument, finalSampleSet } from '../../sample/final-sample';
import { createContext } from '../context';
import { completionPercent, completionText, itemCompletions } from './completion';
import { finalBudgetKey } from './keys';

describe('决算 sentences per 一般公共预算 项', () => {
  it('state 决算数 and 完成预算 % = 决算数 / 预算数', () => {
    const doc = createFinalSampleDocument();
    const items = itemCompletions(doc, finalSampleSet());
    expect(items.map((i) => i.code)).toEqual(['2012601', '2012604', '2080505', '2080506', '2101101', '2210201']);
    const texts = completionText(createContext(doc, finalSampleSet()), 's5-4').map((b) => (b.kind === 'para' ? b.text : ''));
    // Numbered and named like the set's other 项 sentences (gpb.item: 类, 款 and 项 each with its own digits).
    expect(texts[0]).toBe('1. 一般公共服务支出(201类)档案事务(26款)行政运行(01项)：2024年度支出决算为210.00万元，完成预算102.44%。');
    expect(items[1].percent).toBe(9444);
  });

  it('say so without a 预算数 instead of printing a rate', () => {
    const doc = createFinalSampleDocument();
    delete doc.inputs[finalBudgetKey('2012604')];
    const texts = completionText(createContext(doc, finalSampleSet()), 's5-4').map((b) => (b.kind === 'para' ? b.text : ''));
    expect(texts[1]).toMatch(/决算为85\.00万元，未填写年初预算数。$/);
    expect(itemCompletions(doc, finalSampleSet())[1].percent).toBeNull();
    expect(completionPercent(100, 0)).toBeNull();
  });
});
