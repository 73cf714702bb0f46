import { describe, expect, it } from 'vitest';
import { createFinalSampleDocument, finalSampleSet } from '../sample/final-sample';
import { finalBudgetKey } from '../text/final/keys';
import { checkFinalCompletion } from './final-completion.check';

describe('决算 completion checks', () => {
  it('accept the sample and a typed rate that is 决算/预算', () => {
    const doc = createFinalSampleDocument();
    doc.inputs['override.s5-3.1'] = '行政运行(2012601项)：支出决算为210.00万元，完成预算102.44%。';
    doc.inputs['override.s11-9'] = '年初预算为50.00万元，支出决算为45.00万元，完成预算90%。';
    expect(checkFinalCompletion(doc, finalSampleSet())).toEqual([]);
  });

  it('find a wrong rate, from the sentence or from the 项 预算数 input', () => {
    const doc = createFinalSampleDocument();
    doc.inputs['override.s5-3.1'] = '行政运行(2012601项)：支出决算为210.00万元，完成预算98.50%。';
    doc.inputs['override.x'] = '年初预算为50万元，支出决算为45万元，完成预算95%。';
    const found = checkFinalCompletion(doc, finalSampleSet());
    expect(found.map((f) => `${f.severity} ${f.message}`)).toEqual([
      'error “行政运行(2012601项)：支出决算为210.00万元，完成预算98.50%”：完成预算 98.50%，按决算数 210.00万元 ÷ 预算数应为 102.44%',
      'error “年初预算为50万元，支出决算为45万元，完成预算95%”：完成预算 95%，按决算数 45万元 ÷ 预算数应为 90.00%',
    ]);
  });

  it('read the 项 from the code as the set prints it (类, 款 and 项 digits apart), so an edited generated sentence is checked', () => {
    const doc = createFinalSampleDocument();
    doc.inputs['override.s5-4.2012601'] = '1. 一般公共服务支出(201类)档案事务(26款)行政运行(01项)：2024年度支出决算为210.00万元，完成预算98.50%。';
    expect(checkFinalCompletion(doc, finalSampleSet()).map((f) => f.message)).toEqual([
      '“1. 一般公共服务支出(201类)档案事务(26款)行政运行(01项)：2024年度支出决算为210.00万元，完成预算98.50%”：完成预算 98.50%，按决算数 210.00万元 ÷ 预算数应为 102.44%',
    ]);
  });

  it('ask for a missing 预算数 of a 项 with 决算数', () => {
    const doc = createFinalSampleDocument();
    delete doc.inputs[finalBudgetKey('2101101')];
    expect(checkFinalCompletion(doc, finalSampleSet()).map((f) => f.message)).toEqual(['2101101 行政单位医疗：有决算数，未填写年初预算数，无法说明完成预算情况']);
  });
});
