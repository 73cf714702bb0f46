import type { OutlineNode } from '../template/template.schema';

/**
 * Where in the outline the officer edits an input, so that a text finding (which names the input it is about)
 * opens the form that changes it and is counted on that section of the outline.
 *
 * Inputs and last year's figures are keyed by what they describe (keys.ts); the forms are keyed by the generator
 * whose sentences need them. This is the one map between the two. Last year's figures are named with the prefix
 * `prior.` (PRIOR_INPUT) because their keys share a namespace of their own (document.priorYear).
 */

/** A finding's `input` for a key of document.priorYear. */
export const PRIOR_INPUT = (priorKey: string): string => `prior.${priorKey}`;

/** Key prefix → the generator whose form edits it. The longest matching prefix wins. */
const BY_PREFIX: readonly (readonly [string, string])[] = [
  ['overview.subUnits', 'overview.organization'],
  ['overview.departments', 'overview.organization'],
  ['overview.staff', 'overview.organization'],
  ['overview.duties', 'overview.duties'],
  ['projects', 'projects'],
  ['performance', 'other.performance'],
  ['other.procurement', 'other.procurement'],
  ['other.assets', 'other.assets'],
  ['other.operating', 'other.operating'],
  ['other.notes', 'other.notes'],
  ['reason.income', 'income'],
  ['reason.expenditure', 'expenditure'],
  ['reason.gpb', 'gpb.scale'],
  ['reason.item', 'gpb.items'],
  ['reason.sangong', 'sangong'],
  ['reason.operating', 'other.operating'],
  ['usage.class', 'fiscal'],
  ['prior.income', 'income'],
  ['prior.expenditure', 'expenditure'],
  ['prior.gpb', 'gpb.scale'],
  ['prior.item', 'gpb.items'],
  ['prior.items', 'gpb.items'],
  ['prior.sangong', 'sangong'],
  ['prior.operating', 'other.operating'],
  ['final.budget', 'final.completion'],
  ['final.sangong.count', 'final.sangong.items'],
  ['final.sangong.reason', 'final.sangong.total'],
];

/**
 * Generators whose form edits the same inputs in another kind of set: a 决算 states 支出 by kind, 政府采购 and 国有资产
 * with its own generators, over the same keys.
 */
const ALSO_EDITED_BY: Readonly<Record<string, readonly string[]>> = {
  expenditure: ['final.expenditure'],
  'other.procurement': ['final.procurement'],
  'other.assets': ['final.assets'],
};

/** Every generator whose form edits this input key (the first is generatorOfInput's). */
export function editorsOfInput(key: string): string[] {
  const generator = generatorOfInput(key);
  return generator ? [generator, ...(ALSO_EDITED_BY[generator] ?? [])] : [];
}

const matches = (key: string, prefix: string) => key === prefix || key.startsWith(`${prefix}.`);

/** The generator whose form edits this input key, if one does. */
export function generatorOfInput(key: string): string | undefined {
  let best: readonly [string, string] | undefined;
  for (const entry of BY_PREFIX) if (matches(key, entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

/**
 * The outline node that edits an input: a node naming the key itself (an input node), the node whose generator
 * edits it, the node a rewritten paragraph belongs to (`override.<node id>.…`), or the glossary. Undefined when the
 * set has no such section.
 */
export function sectionOfInput(outline: readonly OutlineNode[], key: string): OutlineNode | undefined {
  const nodes: OutlineNode[] = [];
  const walk = (list: readonly OutlineNode[]) => {
    for (const n of list) {
      nodes.push(n);
      if (n.children) walk(n.children);
    }
  };
  walk(outline);
  const byInput = nodes
    .filter((n) => n.input && matches(key, n.input))
    .sort((a, b) => (b.input?.length ?? 0) - (a.input?.length ?? 0))[0];
  if (byInput) return byInput;
  const editors = editorsOfInput(key);
  const byGenerator = nodes.find((n) => n.generator !== undefined && editors.includes(n.generator));
  if (byGenerator) return byGenerator;
  const paragraph = /^override\.(.+)$/.exec(key)?.[1];
  if (paragraph) {
    const owner = nodes
      .filter((n) => paragraph === n.id || paragraph.startsWith(`${n.id}.`))
      .sort((a, b) => b.id.length - a.id.length)[0];
    if (owner) return owner;
  }
  if (key === 'glossary' || key.startsWith('glossary.')) return nodes.find((n) => n.kind === 'glossary');
  return undefined;
}
