import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocumentText } from '../checks/check-text';
import { setFor } from '../testing/builders';
import { renderOutline } from './generate';
import { BUILTIN_SETS, randomDocument } from './random-doc.testutil';
import { createFinalSampleDocument } from '../sample/final-sample';
import { finalSet } from '../testing/final-random';
import { randomFinalDocumentWithTexts } from '../testing/final-random-texts';
import { traceFaults } from './trace-verify';

/**
 * Self-check of the generated text: on random consistent documents of every built-in set, the generated text gives
 * no finding of the project's own text checks, and every sentence is true to its trace (figures recomputed from
 * their cells, 未安排/无/持平/新增 backed by the figures, shares printing 100.00%).
 */
describe.each(BUILTIN_SETS)('generated text of random %s documents', (setId) => {
  const template = setFor(setId);
  const variants = setId === 'xj-unit-2021-9-econ' ? [false, true] : [false];
  it.each(variants)('is true to its trace and passes the text checks (表7 合计 blank: %s)', (blankProjectTotals) => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
      const doc = randomDocument(setId, seed, { blankProjectTotals });
      const nodes = renderOutline(doc, template);
      expect(traceFaults(doc, template, nodes)).toEqual([]);
      expect(checkDocumentText(doc, template).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    }), { seed: 20240218, numRuns: blankProjectTotals ? 40 : 60 });
  });
});

/**
 * The same for the 部门决算 set: random consistent 决算 documents with every input their text asks for (预算数 per
 * 项, 三公 counts, 政府采购 with 中小企业 ≥ 小微企业 …) — 完成预算 % recomputed as 决算数 / 预算数, shares of every
 * 支出 kind adding up, 无/未安排 backed by zeros — and no finding of the checks, 决算 checks included.
 */
describe('generated text of random national-final-9 documents', () => {
  const template = finalSet();
  it('is true to its trace and passes the text checks', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
      const doc = randomFinalDocumentWithTexts(seed);
      expect(traceFaults(doc, template, renderOutline(doc, template))).toEqual([]);
      expect(checkDocumentText(doc, template).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    }), { seed: 20250820, numRuns: 60 });
  });

  it('the 决算 sample is true to its trace', () => {
    const doc = createFinalSampleDocument();
    expect(traceFaults(doc, template, renderOutline(doc, template))).toEqual([]);
  });
});
