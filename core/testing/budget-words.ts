import type { TemplateSet } from '../template/template.schema';
import { allParagraphs, type RenderedNode } from '../text/generate';

/**
 * Phrases that in a 决算 would state a 预算 where the 决算 is meant: a change "比上年预算", 上年预算数, 收入预算 items,
 * 当年拨款 sections, 收支总预算. 完成预算, 年初预算, 一般公共预算 and the “三公” 支出预算数 are right in a 决算.
 */
export const BUDGET_MEANT = /比上年预算|上年预算数|上年收入预算|上年支出预算|收入预算“|预算安排|当年拨款|收支总预算/;

/**
 * The generated paragraphs ("id: text") that say 预算 where a 决算 means 决算. The 名词解释 keeps the set's own
 * definitions, which speak of 预算安排 rightly (年末结转和结余: 以前年度预算安排…的资金).
 */
export function budgetMeantIn(nodes: readonly RenderedNode[], set: TemplateSet): string[] {
  const glossary = new Set(set.outline.filter((n) => n.kind === 'glossary').map((n) => n.id));
  return allParagraphs(nodes)
    .filter((p) => !glossary.has(p.nodeId) && BUDGET_MEANT.test(p.block.text))
    .map((p) => `${p.block.id}: ${p.block.text}`);
}
