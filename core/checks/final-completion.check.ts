import type { BudgetDocument } from '../document/document';
import { amount } from '../amount/amount';
import { formatPercent } from '../amount/percent';
import type { Finding } from '../rules/finding';
import type { TemplateSet } from '../template/template.schema';
import { completionPercent, itemCompletions } from '../text/final/completion';
import { finalBudgetKey } from '../text/final/keys';
import { typedTexts } from './check-text';
import { textFinding } from './finding-factory';

/**
 * 决算 text checks. A stated 完成预算 % must be 决算数 / 预算数 of the same sentence (错误: the classic fault of hand
 * arithmetic); a 一般公共预算 项 with a 决算数 but no 预算数 cannot state its completion (提示).
 */

/** "…决算(数)为X万元…完成预算Y%" with, in the same sentence, "预算(数)为B万元" or "年初预算B万元". */
const SENTENCE = /[^。；;\n]+/g;
const FINAL = /决算(?:数)?(?:为|是)?\s*([\d,]+(?:\.\d{1,2})?)\s*万元/;
const BUDGET = /(?:年初)?预算(?:数)?(?:为|是)?\s*([\d,]+(?:\.\d{1,2})?)\s*万元/;
const RATE = /完成(?:年初)?预算(?:的)?\s*(\d+(?:\.\d+)?)\s*%/;
const CODE = /(\d{7})/;
/** The code as the set's sentences print it: "(201类)…(26款)…(01项)". */
const SPLIT_CODE = /[(（](\d{3})类[)）].*?[(（](\d{2})款[)）].*?[(（](\d{2})项[)）]/;
const codeIn = (sentence: string): string | undefined => {
  const split = SPLIT_CODE.exec(sentence);
  return split ? split.slice(1, 4).join('') : CODE.exec(sentence)?.[1];
};

export function checkFinalCompletion(doc: BudgetDocument, set: TemplateSet): Finding[] {
  const findings: Finding[] = [];
  for (const { key, text } of typedTexts(doc)) {
    for (const [sentence] of text.matchAll(SENTENCE)) {
      const rate = RATE.exec(sentence);
      const final = FINAL.exec(sentence);
      if (!rate || !final) continue;
      const statedBudget = BUDGET.exec(sentence.replace(FINAL, ''));
      const code = codeIn(sentence);
      const budgetInput = code === undefined ? undefined : doc.inputs[finalBudgetKey(code)];
      const budget = statedBudget ? amount(statedBudget[1].replace(/,/g, '')) : typeof budgetInput === 'number' ? budgetInput : undefined;
      const expected = completionPercent(amount(final[1].replace(/,/g, '')), budget);
      if (expected === null) continue;
      const stated = Math.round(Number(rate[1]) * 100);
      if (stated === expected) continue;
      findings.push(textFinding('final-completion', '完成预算百分比等于决算数除以预算数', 'error', `${key}:${final[1]}:${rate[1]}`,
        `“${sentence.trim()}”：完成预算 ${rate[1]}%，按决算数 ${final[1]}万元 ÷ 预算数应为 ${formatPercent(expected)}%`, { input: key }));
    }
  }
  for (const item of itemCompletions(doc, set)) {
    if (item.budget !== undefined || item.final === 0) continue;
    findings.push(textFinding('final-budget-missing', '一般公共预算财政拨款各项填写年初预算数', 'warning', item.code,
      `${item.code} ${item.name}：有决算数，未填写年初预算数，无法说明完成预算情况`, { input: finalBudgetKey(item.code) }));
  }
  return findings;
}
