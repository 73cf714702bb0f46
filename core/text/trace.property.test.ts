import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocumentText } from '../checks/check-text';
import { setFor } from '../testing/builders';
import { renderOutline } from './generate';
import { BUILTIN_SETS, randomDocument } from './random-doc.testutil';
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
