import type { Finding } from '../rules/finding';
import { PRIOR, reasonKey, usageKey } from '../inputs/keys';
import { changeOf, type TextContext } from '../text/context';
import { gpbItems } from '../text/generators/gpb';
import { incomeSources } from '../text/generators/budget';
import { sangongValue } from '../text/generators/funds';
import { operatingAmount } from '../text/generators/other';
import { textFinding } from './finding-factory';
import { figuresWord } from './set-words';

const RULE = 'text.reason-missing';
const NAME = '增减变化须说明原因';

/**
 * Every stated increase or decrease must carry its 主要原因 (提示): the inspection fault "changes without reasons".
 * Each candidate names its figure, the current and prior amounts, and the input key(s) that would satisfy it.
 */
export function checkReasons(ctx: TextContext): Finding[] {
  const out: Finding[] = [];
  const w = figuresWord(ctx.template);
  const need = (label: string, current: number, prior: number, keys: string[], table?: string, row?: string, col?: string) => {
    const c = changeOf(current, prior);
    if (c.kind === 'flat') return;
    if (keys.some((k) => ctx.text(k) !== '')) return;
    const what = c.kind === 'new' ? `新增${ctx.money(c.diff)}` : `${c.kind === 'increase' ? '增加' : '减少'}${ctx.money(c.diff)}`;
    out.push(textFinding(RULE, NAME, 'warning', keys[0], `${label}比上年${w}${what}，未填写主要原因`, {
      input: keys[0], cells: table && row && col ? [{ table, row, col }] : [],
    }));
  };
  const incomeTable = ctx.table('income')?.id;
  for (const s of incomeSources(ctx)) {
    need(`收入${w}“${s.label}”`, s.amount, ctx.prior(PRIOR.income(s.id)) ?? 0, [reasonKey.income(s.id)], incomeTable, 'total', s.id);
  }
  const exp = ctx.table('expenditure')?.id;
  for (const kind of ['basic', 'project'] as const) {
    need(kind === 'basic' ? '基本支出' : '项目支出', ctx.value('expenditure', 'total', kind), ctx.prior(PRIOR.expenditure(kind)) ?? 0,
      [reasonKey.expenditure(kind)], exp, 'total', kind);
    need(`一般公共预算${kind === 'basic' ? '基本支出' : '项目支出'}`, ctx.value('gpbExpenditure', 'total', kind), ctx.prior(PRIOR.gpb(kind)) ?? 0,
      [reasonKey.gpb(kind), reasonKey.expenditure(kind)], ctx.table('gpbExpenditure')?.id, 'total', kind);
  }
  const gpbTable = ctx.table('gpbExpenditure')?.id;
  // Every item 五(三) lists, those that fell to zero since last year included; each item's row through the
  // structure model's code index (one lookup per item of a 5,000-row table).
  for (const item of gpbItems(ctx)) {
    const row = ctx.rowByCode('gpbExpenditure', item.code);
    need(`${item.code} ${item.name}`, item.amount.value, ctx.prior(item.priorKey) ?? 0, [reasonKey.item(item.code)], gpbTable, row?.id, 'total');
  }
  const sg = ctx.table('sangong')?.id;
  const sangongNames: Record<string, string> = {
    total: '“三公”经费', abroad: '因公出国（境）费', vehiclePurchase: '公务用车购置费', vehicleOperation: '公务用车运行费', reception: '公务接待费',
  };
  for (const [item, label] of Object.entries(sangongNames)) {
    need(label, sangongValue(ctx, item), ctx.prior(PRIOR.sangong(item)) ?? 0, [reasonKey.sangong(item)], sg, item, 'total');
  }
  need('机关运行经费', operatingAmount(ctx), ctx.prior(PRIOR.operating) ?? 0, [reasonKey.operating()]);
  return out;
}

/** 主要用于 of each 类 with money in 表4 (提示). */
export function checkUsage(ctx: TextContext): Finding[] {
  const t = ctx.table('fiscalOverview');
  if (!t || t.rows.kind !== 'sideBySide') return [];
  const out: Finding[] = [];
  for (const def of t.rows.sides[1]) {
    if (!def.code || ctx.value('fiscalOverview', def.id, 'total') === 0) continue;
    if (ctx.text(usageKey(def.code)) !== '') continue;
    out.push(textFinding('text.usage-missing', '财政拨款支出须说明主要用途', 'warning', def.code,
      `${def.label}有财政拨款支出，未填写“主要用于”`, { input: usageKey(def.code), cells: [{ table: t.id, row: def.id, col: 'total' }] }));
  }
  return out;
}
