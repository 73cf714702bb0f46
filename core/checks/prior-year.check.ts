import type { Finding } from '../rules/finding';
import { PRIOR } from '../inputs/keys';
import { PRIOR_INPUT } from '../inputs/input-section';
import { changeOf, type TextContext } from '../text/context';
import { incomeSources } from '../text/generators/budget';
import { sangongValue } from '../text/generators/funds';
import { gpbItems } from '../text/generators/gpb';
import { textFinding } from './finding-factory';
import { afterFirst, figuresWord, sectionTitle } from './set-words';

/**
 * Last year's figures (上年预算数, in a 决算 上年决算数) must add up like the tables they come from: 项 to 款 to 类 to
 * the 一般公共预算 total, 基本 + 项目 to 合计, income sources to 收入合计, 三公 items to their 合计. A part that does not
 * add up makes two sentences of the text contradict each other (a published fault: the items of 五(三) changing by
 * +81.05 while 五(一) states +71.05). Both are 提示: the figures are last year's, the officer confirms or corrects them.
 */

const RULE = 'prior.sum';

export function checkPriorYear(ctx: TextContext): Finding[] {
  const prior = ctx.doc.priorYear;
  if (Object.keys(prior).length === 0) return [];
  const out: Finding[] = [];
  const has = (key: string) => prior[key] !== undefined;
  const get = (key: string) => prior[key] ?? 0;
  const m = (v: number) => ctx.money(v);
  const w = figuresWord(ctx.template);
  const compare = (binding: string, partsLabel: string, parts: number, wholeLabel: string, whole: number) => {
    if (parts === whole) return;
    out.push(textFinding(RULE, `上年${w}数前后一致`, 'warning', binding,
      `上年${w}数不一致：${partsLabel}合计 ${m(parts)}，与${wholeLabel} ${m(whole)} 不符，相差 ${m(Math.abs(parts - whole))}`,
      { input: PRIOR_INPUT(binding) }));
  };

  // A budget is never below zero: a negative figure (a sign typed by mistake, or carried over from a faulty file)
  // would make the text say "增加…，增长-491.40%".
  for (const [key, value] of Object.entries(prior)) {
    if (value >= 0) continue;
    out.push(textFinding('prior.negative', `上年${w}数不为负数`, 'warning', key,
      `上年${w}数为负数（${m(value)}），增减变化和增减幅度将无法正确说明，请核对`, { input: PRIOR_INPUT(key) }));
  }

  // The functional items (表5 by code): each code against the codes directly below it that are entered (a 项 whose
  // 款 is not entered counts under its 类), the top level against gpb.total.
  const items = Object.keys(prior).map((k) => /^item\.(\d+)$/.exec(k)?.[1]).filter((c): c is string => c !== undefined);
  const present = new Set(items);
  const ancestorIn = (code: string, above: number) =>
    [...present].some((p) => p.length < code.length && p.length > above && code.startsWith(p));
  for (const code of items) {
    const children = items.filter((c) => c.length > code.length && c.startsWith(code) && !ancestorIn(c, code.length));
    if (children.length === 0) continue;
    const name = ctx.rows('gpbExpenditure').find((r) => r.code === code)?.name ?? '';
    compare(`item.${code}`, `${code}${name}的下级科目上年${w}数`, children.reduce((s, c) => s + get(PRIOR.item(c)), 0),
      `${code}${name}的上年${w}数`, get(PRIOR.item(code)));
  }
  const top = items.filter((c) => !ancestorIn(c, 0));
  if (top.length && has(PRIOR.gpb('total'))) {
    compare('items', `各科目（一般公共预算支出）上年${w}数`, top.reduce((s, c) => s + get(PRIOR.item(c)), 0),
      '上年一般公共预算拨款合计', get(PRIOR.gpb('total')));
  }

  for (const [of, label] of [['gpb', '一般公共预算拨款'], ['expenditure', `支出${w}`]] as const) {
    const key = of === 'gpb' ? PRIOR.gpb : PRIOR.expenditure;
    if (has(key('total')) && (has(key('basic')) || has(key('project')))) {
      compare(of, `上年${label}基本支出与项目支出`, get(key('basic')) + get(key('project')), `上年${label}合计`, get(key('total')));
    }
  }

  const sources = incomeSources(ctx).map((s) => PRIOR.income(s.id)).filter(has);
  if (sources.length && has(PRIOR.income('total'))) {
    compare('income', '上年各项收入', sources.reduce((s, k) => s + get(k), 0), `上年收入${w}合计`, get(PRIOR.income('total')));
  }

  const sg = (item: string) => get(PRIOR.sangong(item));
  const vehicleParts = [PRIOR.sangong('vehiclePurchase'), PRIOR.sangong('vehicleOperation')];
  if (has(PRIOR.sangong('vehicle')) && vehicleParts.some(has)) {
    compare('sangong.vehicle', '上年公务用车购置费与运行费', sg('vehiclePurchase') + sg('vehicleOperation'), '上年公务用车购置及运行费', sg('vehicle'));
  }
  const vehicle = has(PRIOR.sangong('vehicle')) ? sg('vehicle') : sg('vehiclePurchase') + sg('vehicleOperation');
  if (has(PRIOR.sangong('total')) && ['abroad', 'reception', 'vehicle', 'vehiclePurchase', 'vehicleOperation'].some((i) => has(PRIOR.sangong(i)))) {
    compare('sangong', '上年“三公”经费各项', sg('abroad') + sg('reception') + vehicle, '上年“三公”经费合计', sg('total'));
  }
  return out;
}

const signed = (ctx: TextContext, delta: number) =>
  delta === 0 ? '持平' : `${delta > 0 ? '增加' : '减少'}${ctx.money(Math.abs(delta))}`;

/**
 * Two sentences that state the same change in parts and in whole must agree: the items of 一般公共预算当年拨款具体
 * 使用情况 against 基本支出 + 项目支出 of 规模变化情况, and the four 三公 items against the 三公 合计.
 */
export function checkChangeSums(ctx: TextContext): Finding[] {
  const out: Finding[] = [];
  const w = figuresWord(ctx.template);
  const flag = (binding: string, partsLabel: string, parts: number, wholeLabel: string, whole: number, cells: Finding['cells']) => {
    if (parts === whole) return;
    out.push(textFinding('text.change-sum', '分项增减与合计增减一致', 'warning', binding,
      `${partsLabel}比上年${w}${signed(ctx, parts)}，而${wholeLabel}比上年${w}${signed(ctx, whole)}，两处说明相差 ${ctx.money(Math.abs(parts - whole))}（请核对上年${w}数）`,
      { cells, input: PRIOR_INPUT(binding === 'gpb.items' ? 'items' : binding) }));
  };
  const delta = (current: number, key: string) => {
    const c = changeOf(current, ctx.prior(key) ?? 0);
    return c.kind === 'decrease' ? -c.diff : c.diff;
  };
  const gpb = ctx.table('gpbExpenditure');
  const items = gpbItems(ctx);
  if (gpb && items.length) {
    const parts = items.reduce((s, i) => s + delta(i.amount.value, i.priorKey), 0);
    const whole = (['basic', 'project'] as const).reduce((s, k) => s + delta(ctx.value('gpbExpenditure', 'total', k), PRIOR.gpb(k)), 0);
    // The two sections as the outline titles them, the second without the words both share.
    const itemsTitle = sectionTitle(ctx.template, 'gpb.items', '一般公共预算当年拨款具体使用情况');
    const scaleTitle = afterFirst(itemsTitle, sectionTitle(ctx.template, 'gpb.scale', '一般公共预算当年拨款规模变化情况'));
    flag('gpb.items', `${itemsTitle}中各项合计`, parts, `${scaleTitle}中基本支出与项目支出合计`, whole,
      [{ table: gpb.id, row: 'total', col: 'total' }]);
  }
  const sg = ctx.table('sangong');
  if (sg) {
    const parts = ['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'].reduce((s, i) => s + delta(sangongValue(ctx, i), PRIOR.sangong(i)), 0);
    flag('sangong', '“三公”经费各项合计', parts, '“三公”经费合计', delta(sangongValue(ctx, 'total'), PRIOR.sangong('total')), []);
  }
  return out;
}
