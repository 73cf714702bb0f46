import { builtinTemplateSets } from '../template/registry';
import type { OutlineNode } from '../template/template.schema';
import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../document/document';
import { createSampleDocument } from '../sample/sample-inputs';
import { setFor } from '../testing/builders';
import { unitDocument2021 } from '../testing/unit-2021';
import type { TemplateSet } from '../template/template.schema';
import { createContext } from './context';
import { GENERATORS } from './generate';
import { GENERATOR_NEEDS, isGeneratorId, type GeneratorId } from './generator-needs';
import { BUILTIN_SETS, randomDocument } from './random-doc.testutil';
import { createFinalSampleDocument } from '../sample/final-sample';
import { finalSet, randomFinalDocument } from '../testing/final-random';
import { randomFinalDocumentWithTexts } from '../testing/final-random-texts';

/**
 * The declared needs of every generator are complete: each generator, run over the samples and random documents
 * of every built-in set (with and without last year's figures, reasons and optional inputs), fills only the
 * sentence keys it declares. A generator reading a new key fails here until the key is declared, so the set check
 * at load time cannot fall behind the code.
 */

function documents(): { set: TemplateSet; doc: BudgetDocument }[] {
  const out = [
    { set: setFor('xj-dept-2024-11'), doc: createSampleDocument() },
    { set: setFor('xj-unit-2021-9'), doc: unitDocument2021('xj-unit-2021-9') },
    { set: setFor('xj-unit-2021-9-econ'), doc: unitDocument2021('xj-unit-2021-9-econ') },
  ];
  for (const setId of BUILTIN_SETS) {
    for (let seed = 1; seed <= 40; seed++) out.push({ set: setFor(setId), doc: randomDocument(setId, seed * 7919) });
  }
  // 决算 documents reach the 决算 generators' sentences (预算数 columns, counts typed or not).
  out.push({ set: finalSet(), doc: createFinalSampleDocument() });
  for (let seed = 1; seed <= 20; seed++) out.push({ set: finalSet(), doc: randomFinalDocument(seed) }, { set: finalSet(), doc: randomFinalDocumentWithTexts(seed) });
  return out;
}

/** The set with its sentences read through a recorder. */
function recording(set: TemplateSet, read: Set<string>): TemplateSet {
  const sentences = new Proxy({ ...set.sentences }, {
    get(target, key) {
      if (typeof key === 'string') read.add(key);
      return target[key as string];
    },
  });
  return { ...set, sentences };
}

describe('what each generator needs from a set', () => {
  it('the generator table and the needs table name the same generators', () => {
    expect(Object.keys(GENERATORS).sort()).toEqual(Object.keys(GENERATOR_NEEDS).sort());
    expect(isGeneratorId('summary')).toBe(true);
    expect(isGeneratorId('toString')).toBe(false);
  });

  it('every sentence a generator fills is declared', () => {
    const undeclared = new Map<GeneratorId, Set<string>>();
    const used = new Set<string>();
    for (const { set, doc } of documents()) {
      for (const id of Object.keys(GENERATORS) as GeneratorId[]) {
        const read = new Set<string>();
        GENERATORS[id](createContext(doc, recording(set, read)), 'x');
        const declared: readonly string[] = GENERATOR_NEEDS[id].sentences;
        for (const key of read) {
          used.add(key);
          if (!declared.includes(key)) undeclared.set(id, (undeclared.get(id) ?? new Set()).add(key));
        }
      }
    }
    expect([...undeclared].map(([id, keys]) => `${id}: ${[...keys].join(', ')}`)).toEqual([]);
    // The documents reach most of what is declared (a declared key never read would be a stale declaration).
    const declared = new Set(Object.values(GENERATOR_NEEDS).flatMap((n) => n.sentences));
    expect(used.size / declared.size).toBeGreaterThan(0.8);
  });

  it('every declared sentence exists in each built-in set whose outline uses its generator, and every generator is used', () => {
    const uses = (nodes: readonly OutlineNode[], g: string): boolean => nodes.some((n) => n.generator === g || uses(n.children ?? [], g));
    const missing: string[] = [];
    for (const [generator, needs] of Object.entries(GENERATOR_NEEDS)) {
      const sets = builtinTemplateSets().filter((set) => uses(set.outline, generator));
      expect(sets.length, generator).toBeGreaterThan(0);
      for (const set of sets) for (const key of needs.sentences) if (set.sentences?.[key] === undefined) missing.push(`${set.id} ${key}`);
    }
    expect(missing).toEqual([]);
  });
});
