import type { BudgetDocument, JsonValue } from '../document/document';
import type { Finding } from '../rules/finding';
import type { OutlineNode, TemplateSet } from '../template/template.schema';
import { createContext } from '../text/context';
import { renderOutline } from '../text/generate';
import { checkReasons, checkUsage } from './reasons.check';
import { checkEmptyNotes, checkOutlineTables, checkRequiredParts } from './completeness.check';
import { checkTextLength } from './text-length.check';
import { checkChangeSums, checkPriorYear } from './prior-year.check';
import { checkOverallPerformance, checkOverrides, checkProcurement, checkProjects, checkRepeatedWords, checkUnits } from './figures.check';
import { MERGE_INPUT } from '../merge/merge-units';
import { checkMergedSums } from './merge.check';
import { checkFinalCompletion } from './final-completion.check';
import { checkFinalProcurement, checkFinalSangong, checkFinalUnits } from './final-text.check';

/** Every string the officer typed (or imported), with the input key it lives under ("projects#2.allocation"). */
export function typedTexts(doc: BudgetDocument): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  const visit = (key: string, v: JsonValue) => {
    if (typeof v === 'string') out.push({ key, text: v });
    else if (Array.isArray(v)) v.forEach((x, i) => visit(`${key}#${i}`, x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(key.includes('#') ? `${key}.${k}` : `${key}#${k}`, x);
  };
  // A consolidated document's unit snapshots are copies of the units' tables, not text the officer wrote.
  for (const [key, value] of Object.entries(doc.inputs)) if (key !== MERGE_INPUT) visit(key, value);
  return out;
}

/**
 * The text and completeness checks (scope 文字): what the table rules cannot see. The session merges these
 * findings with the rule engine's; ids are stable while the same fault stays at the same place.
 */
function usesGenerator(nodes: readonly OutlineNode[], id: string): boolean {
  return nodes.some((n) => n.generator === id || usesGenerator(n.children ?? [], id));
}

export function checkDocumentText(doc: BudgetDocument, template: TemplateSet): Finding[] {
  const ctx = createContext(doc, template);
  const typed = typedTexts(doc);
  return [
    ...checkTextLength(doc, template),
    ...checkOutlineTables(ctx),
    ...checkRequiredParts(ctx),
    ...checkReasons(ctx),
    ...checkPriorYear(ctx),
    ...checkChangeSums(ctx),
    ...checkUsage(ctx),
    ...checkProjects(ctx),
    ...checkOverallPerformance(ctx),
    // A 决算 speaks of contracts granted, a 预算 of money reserved: the same figures, checked in the set's words.
    ...(usesGenerator(template.outline, 'final.procurement') ? checkFinalProcurement(ctx, typed) : checkProcurement(ctx)),
    ...checkOverrides(renderOutline(doc, template)),
    ...checkEmptyNotes(ctx, typed),
    ...checkUnits(ctx, typed),
    ...checkRepeatedWords(typed),
    ...checkMergedSums(doc, template),
    // 决算 only: a set whose outline states completion rates (a 预算 set has no 预算数 per 项 to compare with).
    ...(usesGenerator(template.outline, 'final.completion') ? checkFinalCompletion(doc, template) : []),
    ...(usesGenerator(template.outline, 'final.sangong.items') ? checkFinalSangong(ctx) : []),
    ...(usesGenerator(template.outline, 'final.completion') ? checkFinalUnits(ctx, typed) : []),
  ];
}
