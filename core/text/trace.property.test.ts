import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocumentText } from '../checks/check-text';
import { setFor } from '../testing/builders';
import { renderOutline } from './generate';
import { budgetMeantIn } from '../testing/budget-words';
import { randomTextDocument, TEXT_PROPERTY_SETS, type TextPropertySetId } from './random-doc.testutil';
import { createFinalSampleDocument } from '../sample/final-sample';
import { FINAL_SET_ID, finalSet } from '../testing/final-random';
import { traceFaults } from './trace-verify';

/**
 * Self-check of the generated text: on random consistent documents of every built-in set — the Xinjiang 预算 sets,
 * the Shanghai-style set in 元 and the 部门决算 set, each with every input its text asks for — the generated text gives
 * no finding of the project's own text checks (the 决算 checks included), and every sentence is true to its trace:
 * figures recomputed from their cells, 完成预算 % as 决算数 / 预算数, 未安排/无/持平/新增 backed by the figures, shares
 * printing 100.00%. Seeded, so a failure names a seed that reproduces it.
 */

/** Runs per set and variant: enough to reach every branch of the generators, few enough for a quick run. */
const RUNS: Record<TextPropertySetId, number> = {
  'xj-dept-2024-11': 60, 'xj-unit-2021-9': 60, 'xj-unit-2021-9-econ': 40, 'sh-dept-2025-9': 40, 'national-final-9': 60,
};

describe.each(TEXT_PROPERTY_SETS)('generated text of random %s documents', (setId) => {
  const template = setFor(setId);
  const variants = setId === 'xj-unit-2021-9-econ' ? [false, true] : [false];
  it.each(variants)('is true to its trace and passes the text checks (表7 合计 blank: %s)', (blankProjectTotals) => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
      const doc = randomTextDocument(setId, seed, { blankProjectTotals });
      const nodes = renderOutline(doc, template);
      expect(traceFaults(doc, template, nodes)).toEqual([]);
      expect(checkDocumentText(doc, template).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
      if (setId === FINAL_SET_ID) expect(budgetMeantIn(nodes, template)).toEqual([]);
    }), { seed: 20240218, numRuns: blankProjectTotals ? 40 : RUNS[setId] });
  });
});

describe('the 决算 sample', () => {
  it('is true to its trace', () => {
    const doc = createFinalSampleDocument();
    const template = finalSet();
    expect(traceFaults(doc, template, renderOutline(doc, template))).toEqual([]);
  });
});
