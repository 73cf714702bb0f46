import { describe, expect, it } from 'vitest';
import { builtinTemplateSets } from '../template/registry';
import { INPUT, PRIOR, reasonKey, usageKey, overrideKey } from './keys';
import { editorsOfInput, generatorOfInput, PRIOR_INPUT, sectionOfInput } from './input-section';
import { FINAL_INPUT, sangongCountKey } from '../text/final/keys';
import { checkPriorYear } from '../checks/prior-year.check';
import { createContext } from '../text/context';
import { sampleDoc, sampleSet } from '../text/sample-doc.testutil';

/** Every kind of key a text finding may name, with the generator whose form edits it. */
const KEYS: [string, string][] = [
  [INPUT.duties, 'overview.duties'],
  [INPUT.subUnits, 'overview.organization'],
  [INPUT.staff, 'overview.organization'],
  [INPUT.projects, 'projects'],
  [INPUT.performanceProjects, 'other.performance'],
  [INPUT.performanceOverall, 'other.performance'],
  [INPUT.procurement, 'other.procurement'],
  [INPUT.operatingAmount, 'other.operating'],
  [INPUT.otherNotes, 'other.notes'],
  [reasonKey.income('gpb'), 'income'],
  [reasonKey.expenditure('basic'), 'expenditure'],
  [reasonKey.gpb('project'), 'gpb.scale'],
  [reasonKey.item('2101101'), 'gpb.items'],
  [reasonKey.sangong('reception'), 'sangong'],
  [reasonKey.operating(), 'other.operating'],
  [usageKey('210'), 'fiscal'],
  [PRIOR_INPUT(PRIOR.item('2101101')), 'gpb.items'],
  [PRIOR_INPUT('items'), 'gpb.items'],
  [PRIOR_INPUT(PRIOR.gpb('total')), 'gpb.scale'],
  [PRIOR_INPUT(PRIOR.expenditure('basic')), 'expenditure'],
  [PRIOR_INPUT(PRIOR.income('total')), 'income'],
  [PRIOR_INPUT(PRIOR.sangong('vehicle')), 'sangong'],
  [PRIOR_INPUT(PRIOR.operating), 'other.operating'],
];

describe('the form that edits an input', () => {
  it('names the generator for every kind of key', () => {
    for (const [key, generator] of KEYS) expect(generatorOfInput(key), key).toBe(generator);
    expect(generatorOfInput('unknown.key')).toBeUndefined();
  });

  it('finds that section in every built-in set', () => {
    for (const set of builtinTemplateSets()) {
      for (const [key, generator] of KEYS) {
        // Project descriptions belong to the rows of a 项目支出 table; a set without one has no such form.
        if (key === INPUT.projects && !set.tables.some((t) => t.role === 'gpbProjects')) continue;
        const node = sectionOfInput(set.outline, key);
        // A 决算 edits some of the same inputs in forms of its own generators (final.procurement …).
        expect(editorsOfInput(key), `${set.id} ${key}`).toContain(node?.generator ?? node?.input);
        expect(editorsOfInput(key)[0]).toBe(generator);
      }
      expect(sectionOfInput(set.outline, 'glossary')?.kind).toBe('glossary');
    }
  });

  it('the 决算 inputs open their own forms', () => {
    const set = builtinTemplateSets().find((t) => t.id === 'national-final-9')!;
    expect(sectionOfInput(set.outline, sangongCountKey('receptionBatches'))?.generator).toBe('final.sangong.items');
    expect(sectionOfInput(set.outline, FINAL_INPUT.sangongReason)?.generator).toBe('final.sangong.total');
    expect(sectionOfInput(set.outline, INPUT.procurement)?.generator).toBe('final.procurement');
    expect(sectionOfInput(set.outline, reasonKey.expenditure('basic'))?.generator).toBe('final.expenditure');
  });

  it('a rewritten paragraph opens the section it belongs to', () => {
    const set = sampleSet();
    const s53 = set.outline.flatMap((n) => [n, ...(n.children ?? [])]).flatMap((n) => [n, ...(n.children ?? [])])
      .find((n) => n.generator === 'gpb.items')!;
    expect(sectionOfInput(set.outline, overrideKey(`${s53.id}.2101101`))?.id).toBe(s53.id);
  });

  it('the sample’s prior-year finding opens the 具体使用情况 form', () => {
    const [f] = checkPriorYear(createContext(sampleDoc(), sampleSet()));
    expect(sectionOfInput(sampleSet().outline, f!.input!)?.generator).toBe('gpb.items');
  });
});
