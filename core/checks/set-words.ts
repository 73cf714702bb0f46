import type { OutlineNode, TemplateSet } from '../template/template.schema';
import { effectiveOutline } from '../text/generate';

/**
 * The words a check speaks in, taken from the set rather than from the program: a 预算 document states 预算数 and
 * changes "比上年预算", a 决算 document 决算数 and "比上年决算". The set says which in its sentences
 * (`word.figures`: "预算" or "决算"); a set without the key is a 预算 set, as every set was before 决算 sets existed.
 */
export const FIGURES_WORD_KEY = 'word.figures';

/** "预算" or "决算": what the document's figures are, in the set's own word. */
export function figuresWord(template: TemplateSet): string {
  return template.sentences?.[FIGURES_WORD_KEY] ?? '预算';
}

/**
 * The title of the outline section a generator fills, without its numbering ("一般公共预算当年拨款具体使用情况"), so a
 * check names the section the officer reads; `fallback` for an outline without it.
 */
export function sectionTitle(template: TemplateSet, generator: string, fallback: string): string {
  const find = (nodes: readonly OutlineNode[]): OutlineNode | undefined => {
    for (const n of nodes) {
      if (n.generator === generator) return n;
      const inner = find(n.children ?? []);
      if (inner) return inner;
    }
    return undefined;
  };
  const title = find(effectiveOutline(template))?.title.replace(/^\s*(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．、])\s*/, '');
  return title && !title.includes('{') ? title : fallback;
}

/** A second title after a first one, without the words both begin with ("…当年拨款具体使用情况", then "规模变化情况"). */
export function afterFirst(first: string, second: string): string {
  let i = 0;
  while (i < first.length && i < second.length && first[i] === second[i]) i++;
  return i > 0 && i < second.length ? second.slice(i) : second;
}
