import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../document/document';
import { PRIOR } from '../inputs/keys';
import { createFinalSampleDocument, finalSampleSet } from '../sample/final-sample';
import { setFor } from '../testing/builders';
import { renderOutline } from '../text/generate';
import { BUDGET_MEANT, budgetMeantIn } from '../testing/budget-words';
import { checkDocumentText } from './check-text';
import { figuresWord, sectionTitle } from './set-words';

/**
 * A 决算 speaks of 决算数 and "比上年决算" wherever a 预算 document speaks of 预算数 and "比上年预算": in its generated
 * text and in every finding of the text checks, whatever the checks find. The words come from the set, so a 预算
 * set keeps its own.
 */

const set = finalSampleSet();

function wordsSaid(doc: BudgetDocument): string[] {
  const text = budgetMeantIn(renderOutline(doc, set), set);
  const findings = checkDocumentText(doc, set).map((f) => `${f.rule} ${f.ruleName}: ${f.message}`).filter((f) => BUDGET_MEANT.test(f));
  return [...text, ...findings];
}

/** The sample with what the checks about last year's figures look at taken away or made inconsistent. */
const variants: [string, (doc: BudgetDocument) => void][] = [
  ['as shipped', () => {}],
  ['without any reason', (doc) => { for (const k of Object.keys(doc.inputs)) if (k.startsWith('reason.')) delete doc.inputs[k]; }],
  ['with last year\'s items not adding up', (doc) => {
    doc.priorYear[PRIOR.item('2012601')] = (doc.priorYear[PRIOR.item('2012601')] ?? 0) + 1000;
    doc.priorYear[PRIOR.income('fiscal')] = (doc.priorYear[PRIOR.income('fiscal')] ?? 0) + 1000;
    doc.priorYear[PRIOR.expenditure('basic')] = (doc.priorYear[PRIOR.expenditure('basic')] ?? 0) + 1000;
  }],
  ['without last year\'s figures', (doc) => { doc.priorYear = {}; }],
];

describe('决算 words in text and findings', () => {
  it('the set names its figures 决算, a 预算 set 预算', () => {
    expect(figuresWord(set)).toBe('决算');
    expect(figuresWord(setFor('xj-dept-2024-11'))).toBe('预算');
    expect(sectionTitle(set, 'gpb.items', '')).toBe('一般公共预算财政拨款支出决算具体情况');
  });

  it.each(variants)('never say 预算 where 决算 is meant (%s)', (_name, change) => {
    const doc = createFinalSampleDocument();
    change(doc);
    expect(wordsSaid(doc)).toEqual([]);
  });

  it('the checks that compare with last year speak of 上年决算', () => {
    const doc = createFinalSampleDocument();
    for (const [, change] of variants.slice(1, 3)) change(doc);
    const messages = checkDocumentText(doc, set).map((f) => f.message);
    expect(messages.some((m) => m.includes('比上年决算'))).toBe(true);
    expect(messages.some((m) => m.includes('上年决算数'))).toBe(true);
  });

  it('names the two 一般公共预算 sections of a 决算 as its outline titles them', () => {
    const doc = createFinalSampleDocument();
    doc.priorYear[PRIOR.item('2012601')] = (doc.priorYear[PRIOR.item('2012601')] ?? 0) + 1000;
    const f = checkDocumentText(doc, set).find((x) => x.rule === 'text.change-sum');
    expect(f?.message).toMatch(/^一般公共预算财政拨款支出决算具体情况中各项合计比上年决算增加.*，而总体情况中基本支出与项目支出合计比上年决算增加/);
  });
});
