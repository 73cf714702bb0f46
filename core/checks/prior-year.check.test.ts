import { describe, expect, it } from 'vitest';
import { amount } from '../amount/amount';
import type { BudgetDocument } from '../document/document';
import { PRIOR } from '../inputs/keys';
import { createContext } from '../text/context';
import { sampleDoc, sampleSet } from '../text/sample-doc.testutil';
import { unitDocument2021 } from '../testing/unit-2021';
import { setFor } from '../testing/builders';
import { checkChangeSums, checkPriorYear } from './prior-year.check';

const prior = (doc: BudgetDocument) => checkPriorYear(createContext(doc, sampleSet()));
const changes = (doc: BudgetDocument) => checkChangeSums(createContext(doc, sampleSet()));

/** The sample with last year's items made to add up (the release's missing 10.00 put on one item). */
function consistentSample(): BudgetDocument {
  const doc = sampleDoc();
  doc.priorYear[PRIOR.item('2101202')] += amount('10');
  return doc;
}

describe('last year’s figures add up', () => {
  it('the sample’s items (743.45) against its 一般公共预算 total (753.45), as a 提示', () => {
    expect(prior(sampleDoc()).map((f) => [f.id, f.severity, f.scope])).toEqual([['prior.sum:items', 'warning', '文字']]);
    expect(prior(consistentSample())).toEqual([]);
  });

  it('a negative figure, which the text could only state as "增加…，增长-491.40%"', () => {
    const doc = consistentSample();
    doc.priorYear[PRIOR.item('2080506')] = amount('-5');
    const f = prior(doc).find((x) => x.rule === 'prior.negative');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe('上年预算数为负数（-5万元），增减变化和增减幅度将无法正确说明，请核对');
  });

  it('each 类 and 款 against its nearest children, and the top level against the total', () => {
    const doc = consistentSample();
    doc.priorYear[PRIOR.item('21011')] = amount('17.50'); // 14.35 + 0.44 + 2.71 = 17.50
    doc.priorYear[PRIOR.item('210')] = amount('17.50');
    expect(prior(doc).map((f) => f.id)).toEqual(['prior.sum:item.210', 'prior.sum:items']);
    const f = prior(doc)[0];
    expect(f.message).toContain('210卫生健康支出的上年预算数 17.5万元');
    doc.priorYear[PRIOR.item('21011')] = amount('17.49');
    expect(prior(doc).map((x) => x.id)).toContain('prior.sum:item.21011');
  });

  it('基本 + 项目 against 合计, income sources against 收入合计, 三公 items against their 合计', () => {
    const doc = consistentSample();
    doc.priorYear[PRIOR.gpb('basic')] += 1;
    doc.priorYear[PRIOR.expenditure('project')] -= 1;
    doc.priorYear[PRIOR.income('gpbTransfer')] += 5;
    doc.priorYear[PRIOR.sangong('vehicleOperation')] += 3;
    expect(prior(doc).map((f) => f.id)).toEqual(['prior.sum:gpb', 'prior.sum:expenditure', 'prior.sum:income', 'prior.sum:sangong.vehicle']);
    delete doc.priorYear[PRIOR.sangong('vehicle')];
    expect(prior(doc).map((f) => f.id)).toContain('prior.sum:sangong');
  });

  it('nothing to compare when no last-year figure is entered (another check asks for them)', () => {
    const doc = sampleDoc();
    doc.priorYear = {};
    expect(prior(doc)).toEqual([]);
  });

  it('the 2021 reference document, with last year’s figures taken from itself, adds up', () => {
    for (const setId of ['xj-unit-2021-9', 'xj-unit-2021-9-econ'] as const) {
      const doc = unitDocument2021(setId);
      doc.priorYear = { [PRIOR.item('2080505')]: 223, [PRIOR.item('20805')]: 223, [PRIOR.item('208')]: 223, [PRIOR.gpb('total')]: 223 };
      expect(checkPriorYear(createContext(doc, setFor(setId)))).toEqual([]);
    }
  });
});

describe('changes stated in parts and in whole agree', () => {
  it('flags the sample’s +81.05 of the items against +71.05 of 基本 + 项目', () => {
    const f = changes(sampleDoc());
    expect(f.map((x) => x.id)).toEqual(['text.change-sum:gpb.items']);
    expect(f[0].message).toBe('一般公共预算当年拨款具体使用情况中各项合计比上年预算增加81.05万元，而规模变化情况中基本支出与项目支出合计比上年预算增加71.05万元，两处说明相差 10万元（请核对上年预算数）');
    expect(changes(consistentSample())).toEqual([]);
  });

  it('counts an item that fell to zero and flags 三公 items that do not make the 合计', () => {
    const doc = consistentSample();
    doc.priorYear[PRIOR.item('2101301')] = amount('7.27');
    expect(changes(doc).map((x) => x.id)).toEqual(['text.change-sum:gpb.items']);
    doc.priorYear[PRIOR.gpb('total')] += amount('7.27');
    doc.priorYear[PRIOR.gpb('project')] += amount('7.27');
    expect(changes(doc)).toEqual([]);
    doc.priorYear[PRIOR.sangong('reception')] = amount('0.50');
    expect(changes(doc).map((x) => x.id)).toEqual(['text.change-sum:sangong']);
  });
});
