import { describe, expect, it } from 'vitest';
import { amount } from '../amount/amount';
import { PRIOR, reasonKey, overrideKey } from '../inputs/keys';
import { allParagraphs, renderOutline } from './generate';
import { sampleDoc, sampleSet } from './sample-doc.testutil';
import { traceFaults } from './trace-verify';
import { fillTraced, plain } from './trace';

const paragraphs = (doc = sampleDoc()) => new Map(allParagraphs(renderOutline(doc, sampleSet())).map((p) => [p.block.id, p.block]));

describe('the trace of generated sentences', () => {
  it('every figure of the sample is true to its trace', () => {
    const doc = sampleDoc();
    expect(traceFaults(doc, sampleSet(), renderOutline(doc, sampleSet()))).toEqual([]);
  });

  it('names the cells, last-year keys and operation of each figure', () => {
    const p = paragraphs().get('s5-3.2080505')!;
    expect(p.spans?.map((s) => [s.text, s.op, s.cells.map((c) => `${c.table}.${c.row}.${c.col}`), s.priorKeys])).toEqual([
      ['39.14万元', 'sum', ['t5.2080505.total'], []],
      ['6.34万元', 'change', ['t5.2080505.total'], ['item.2080505']],
      ['19.33%', 'rate', ['t5.2080505.total'], ['item.2080505']],
    ]);
    expect(p.text.slice(p.spans![1].start, p.spans![1].start + 6)).toBe('6.34万元');
    expect(p.verbatim).toEqual([{ start: p.text.indexOf('社会保险缴纳金额增长'), length: '社会保险缴纳金额增长'.length, input: 'reason.item.2080505' }]);
  });

  it('shares carry their whole; 持平 and 新增 carry the figures that make them true', () => {
    const t = paragraphs();
    const share = t.get('s2.gpb')!.spans!.find((s) => s.op === 'share')!;
    expect(share.value).toBe(9697);
    expect(share.share?.whole.map((c) => c.col)).toContain('gpbTransfer');
    expect(t.get('s5-3.2101506')!.claims).toEqual([{ word: '持平', cells: [{ table: 't5', row: '2101506', col: 'total' }], priorKeys: ['item.2101506'] }]);
    expect(t.get('s5-3.2080501')!.claims?.map((c) => c.word)).toEqual(['新增']);
  });

  it('an overridden paragraph keeps the generated trace beside the generated wording', () => {
    const doc = sampleDoc();
    doc.inputs[overrideKey('s1.total')] = '收支总预算824.5万元。';
    const p = paragraphs(doc).get('s1.total')!;
    expect(p.spans).toBeUndefined();
    expect(p.generatedSpans?.[0]).toMatchObject({ text: '824.5万元', value: 82450 });
  });

  it('fills from the defaults what the values do not name, as if both were one object', () => {
    const t = fillTraced('{单位名称}{年度}年{金额}', { 年度: 2025, 金额: undefined }, { 单位名称: '某局', 年度: 2024, 金额: '9万元' });
    // 年度 from the values; 金额 named by the values without a value prints nothing, as `{ ...defaults, ...vars }` would.
    expect(t.text).toBe('某局2025年');
  });

  it('a figure in the set’s own wording is quoted, not traced', () => {
    const t = fillTraced('单位价值50万元以上大型设备{台}台，价值{价值}', { 台: 2, 价值: plain('3万元') });
    expect(t.verbatim).toEqual([{ start: 4, length: 4 }]);
  });
});

describe('items that fell to zero', () => {
  it('are listed in 五(三) with the decrease and the officer’s reason, in code order', () => {
    const doc = sampleDoc();
    doc.priorYear[PRIOR.item('2101301')] = amount('7.27');
    doc.inputs[reasonKey.item('2101301')] = '救助资金改由上级直接拨付';
    const t = paragraphs(doc);
    expect(t.get('s5-3.2101301')?.text).toBe('8. 卫生健康支出(210类)医疗救助(13款)城乡医疗救助(01项)：2024年预算数为0万元，比上年预算减少7.27万元，下降100.00%，主要原因是：救助资金改由上级直接拨付。');
    expect([...t.keys()].filter((k) => k.startsWith('s5-3.')).indexOf('s5-3.2101301')).toBe(7);
    expect(traceFaults(doc, sampleSet(), renderOutline(doc, sampleSet()))).toEqual([]);
  });
});

describe('number style of sentence figures', () => {
  it('prints two decimals as the tables do unless the document asks for the shortest form', () => {
    const doc = sampleDoc();
    delete doc.meta.textAmountStyle;
    const t = paragraphs(doc);
    expect(t.get('s1.total')?.text).toContain('收支总预算824.50万元。');
    expect(t.get('s10.total')?.text).toContain('因公出国（境）费0.00万元');
    expect(t.get('s3.basic')?.text).toContain('占49.22%');
    expect(traceFaults(doc, sampleSet(), renderOutline(doc, sampleSet()))).toEqual([]);
    expect(paragraphs().get('s1.total')?.text).toContain('收支总预算824.5万元。');
  });
});

describe('income sources that fell to zero', () => {
  it('are stated with their decrease instead of being left out or called 未安排', () => {
    const doc = sampleDoc();
    doc.priorYear[PRIOR.income('unitFunds')] = amount('5');
    doc.priorYear[PRIOR.income('fund')] = amount('2');
    const t = paragraphs(doc);
    expect(t.get('s2.unitFunds')?.text).toBe('单位资金0万元，占0.00%，比上年预算减少5万元，下降100.00%。');
    expect(t.get('s2.fund')?.text).toContain('比上年预算减少2万元，下降100.00%');
    expect(traceFaults(doc, sampleSet(), renderOutline(doc, sampleSet()))).toEqual([]);
  });
});
