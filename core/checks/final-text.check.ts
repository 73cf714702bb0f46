import type { Finding } from '../rules/finding';
import { INPUT } from '../inputs/keys';
import { getProcurement } from '../inputs/accessors';
import type { TextContext } from '../text/context';
import { sangongFig } from '../text/generators/funds';
import { FINAL_INPUT, SANGONG_COUNT_NAMES, sangongCountKey, type SangongCount } from '../text/final/keys';
import { sangongBudgetFig, sangongCount } from '../text/final/sangong';
import { toHundredths } from './figures.check';
import { textFinding } from './finding-factory';

/**
 * 决算 text checks beside 完成预算 % (final-completion.check.ts): what the “三公” 具体情况 counts, why its 决算数 left
 * its 预算数, 授予中小企业 at least 其中小微企业 (as entered and as the officer wrote it), and every amount the officer
 * typed printed with its unit.
 */

/** Which counts a 三公 item with money must state. */
const COUNTS_OF: [item: string, label: string, counts: SangongCount[]][] = [
  ['abroad', '因公出国（境）费', ['abroadGroups', 'abroadPersons']],
  ['vehiclePurchase', '公务用车购置费', ['vehiclesBought', 'vehiclesHeld']],
  ['vehicleOperation', '公务用车运行费', ['vehiclesHeld']],
  ['reception', '公务接待费', ['receptionBatches', 'receptionPersons']],
];

/** 三公 具体情况: each item with money states its counts (提示), and a 决算数 off its 预算数 says why (提示). */
export function checkFinalSangong(ctx: TextContext): Finding[] {
  const out: Finding[] = [];
  const table = ctx.table('sangong')?.id;
  const asked = new Set<SangongCount>();
  for (const [item, label, counts] of COUNTS_OF) {
    if (sangongFig(ctx, item).value === 0) continue;
    for (const field of counts) {
      if (asked.has(field) || sangongCount(ctx.doc, field) !== undefined) continue;
      asked.add(field);
      out.push(textFinding('final-sangong-count', '“三公”经费具体情况须说明数量', 'warning', field,
        `${label}有决算数，未填写${SANGONG_COUNT_NAMES[field]}`, { input: sangongCountKey(field), ...(table ? { cells: [{ table, row: 'total', col: item }] } : {}) }));
    }
  }
  const final = sangongFig(ctx, 'total');
  const budget = sangongBudgetFig(ctx, 'total');
  if (budget.value !== 0 && final.value !== budget.value && ctx.text(FINAL_INPUT.sangongReason) === '') {
    out.push(textFinding('final-sangong-reason', '“三公”经费决算数与预算数不同须说明原因', 'warning', 'total',
      `“三公”经费决算数 ${ctx.money(final.value)}${final.value < budget.value ? '小于' : '大于'}预算数 ${ctx.money(budget.value)}，未填写主要原因`,
      { input: FINAL_INPUT.sangongReason, cells: [...final.cells, ...budget.cells] }));
  }
  return out;
}

const PROCUREMENT_RULE = 'final-procurement-sme';
const PROCUREMENT_NAME = '授予小微企业合同金额不超过授予中小企业合同金额';
/** "授予中小企业合同金额X万元…授予小微企业合同金额Y万元" in one text. */
const SME_TEXT = /中小企业合同金额(?:为)?\s*([\d,]+(?:\.\d{1,2})?)\s*万元[^。]*?小微企业合同金额(?:为)?\s*([\d,]+(?:\.\d{1,2})?)\s*万元/;

/**
 * 政府采购 in a 决算: 小微企业 are 中小企业, so what they were granted is part of what 中小企业 were granted, which is
 * part of the 政府采购 total (错误) — in the figures entered and in a sentence the officer wrote.
 */
export function checkFinalProcurement(ctx: TextContext, typed: readonly { key: string; text: string }[]): Finding[] {
  const out: Finding[] = [];
  const p = getProcurement(ctx.doc);
  if (p) {
    const total = (p.goods ?? 0) + (p.works ?? 0) + (p.services ?? 0);
    const where = { input: INPUT.procurement };
    if ((p.smeMicro ?? 0) > (p.sme ?? 0)) {
      out.push(textFinding(PROCUREMENT_RULE, PROCUREMENT_NAME, 'error', 'micro',
        `授予小微企业合同金额 ${ctx.money(p.smeMicro ?? 0)} 大于授予中小企业合同金额 ${ctx.money(p.sme ?? 0)}（小微企业是中小企业的一部分）`, where));
    }
    if ((p.sme ?? 0) > total) {
      out.push(textFinding(PROCUREMENT_RULE, PROCUREMENT_NAME, 'error', 'sme',
        `授予中小企业合同金额 ${ctx.money(p.sme ?? 0)} 大于政府采购支出总额 ${ctx.money(total)}`, where));
    }
    if (p.none && total > 0) {
      out.push(textFinding(PROCUREMENT_RULE, PROCUREMENT_NAME, 'warning', 'none', `勾选了“本年无政府采购”，但填写了政府采购支出 ${ctx.money(total)}`, where));
    }
  }
  for (const { key, text } of typed) {
    const m = SME_TEXT.exec(text);
    if (!m || toHundredths(m[2].replace(/,/g, '')) <= toHundredths(m[1].replace(/,/g, ''))) continue;
    out.push(textFinding(PROCUREMENT_RULE, PROCUREMENT_NAME, 'error', key,
      `文字中授予小微企业合同金额 ${m[2]}万元 大于授予中小企业合同金额 ${m[1]}万元`, { input: key.split('#')[0] }));
  }
  return out;
}

/** A two-decimal figure, not part of a longer number or a date. */
const BARE = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?![\d.])(?!\s*(?:万元|亿元|元|%|％|平方米|米|人|个|辆|台|套|次|批|天|年|月|日|倍))/g;
/** Words that make the figure of a clause money. */
const MONEY_WORDS = /支出|收入|经费|预算|决算|金额|资金|费用|拨款|结余|结转|合计|总计/;

/** 金额须带单位: a money figure the officer typed ("支出决算为125.58") without 万元 or 元 (提示). */
export function checkFinalUnits(ctx: TextContext, typed: readonly { key: string; text: string }[]): Finding[] {
  const out: Finding[] = [];
  for (const { key, text } of typed) {
    const bare: string[] = [];
    for (const clause of text.split(/[，,；;。\n]/)) {
      if (!MONEY_WORDS.test(clause)) continue;
      for (const m of clause.matchAll(BARE)) bare.push(m[0]);
    }
    if (bare.length === 0) continue;
    out.push(textFinding('final-amount-unit', '金额须写明单位', 'warning', key,
      `文字中“${bare.join('、')}”没有写单位，表格金额单位为${ctx.common.单位}`, { input: key.split('#')[0] }));
  }
  return out;
}
