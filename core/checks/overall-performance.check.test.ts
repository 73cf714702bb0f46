import { describe, expect, it } from 'vitest';
import { createFinalSampleDocument, finalSampleSet } from '../sample/final-sample';
import { INPUT } from '../inputs/keys';
import { createContext } from '../text/context';
import { grandTotal } from '../text/generators/budget';
import { checkDocumentText } from './check-text';

describe('整体绩效目标表 funds', () => {
  it('are checked against the 收支总计 in a set without a project table too (the 决算 set), in its words', () => {
    const set = finalSampleSet();
    expect(set.tables.some((t) => t.role === 'gpbProjects')).toBe(false);
    const doc = createFinalSampleDocument();
    const whole = grandTotal(createContext(doc, set));
    const overall = (upper: number) => ({ upper, local: whole - 100 - upper, other: 100, indicators: [] });
    const fundFindings = () => checkDocumentText(doc, set).filter((f) => f.rule === 'text.performance-funds');
    doc.inputs[INPUT.performanceOverall] = overall(1000);
    expect(fundFindings()).toEqual([]);
    doc.inputs[INPUT.performanceOverall] = { ...overall(1000), other: 200 };
    const [f] = fundFindings();
    expect(f?.message).toContain('与收支总决算');
    expect(f?.input).toBe(INPUT.performanceOverall);
  });
});
