import type { BudgetDocument } from '../../document/document';
import type { TableDef } from '../../template/template.schema';
import { para, type Block } from '../blocks';
import { claim, sharesTraced, sumFigs, type TextContext } from '../context';
import { emptyTableClaims, sangongFig } from '../generators/funds';
import { joinTraced, plain, withClaim, type Fig, type Traced } from '../trace';
import { FINAL_INPUT, sangongCountKey, type SangongCount } from './keys';
import { ratioTraced } from './ratio';

/**
 * 第二部分 七 of a 决算: the “三公” money against its 预算数 (（一）总体情况) and what it bought (（二）具体情况: each item's
 * share, 团组/人次 abroad, cars bought and held, 接待 批次/人次). 决算数 and 预算数 are the 三公 table's own columns
 * (a 预算数 column is headed like its 决算数 column, 预算数 for 决算数); the counts are the officer's inputs, and a
 * count not typed is said to be missing rather than printed as 0.
 */

export const SANGONG_ITEMS = ['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;

/** The 预算数 column of a 决算数 column: same header path ending in 预算数. */
export function budgetColumnOf(table: TableDef, colId: string): string | undefined {
  const col = table.columns.find((c) => c.id === colId);
  if (!col) return undefined;
  const path = [...col.header.slice(0, -1), '预算数'].join('/');
  return table.columns.find((c) => c.id !== colId && c.header.join('/') === path)?.id;
}

/** 预算数 of a 三公 item ('total' for the whole), with its cell; zero when the table has no 预算数 for it. */
export function sangongBudgetFig(ctx: TextContext, item: string): Fig {
  const t = ctx.table('sangong');
  const col = t ? budgetColumnOf(t, item) : undefined;
  return col ? ctx.fig('sangong', 'total', col) : { value: 0, cells: [] };
}

/** Whether the set's 三公 table states 预算数 beside 决算数 (the 决算 sets). */
export function hasSangongBudget(ctx: TextContext): boolean {
  const t = ctx.table('sangong');
  return t !== undefined && budgetColumnOf(t, 'total') !== undefined;
}

export function sangongCount(doc: BudgetDocument, field: SangongCount): number | undefined {
  const v = doc.inputs[sangongCountKey(field)];
  return typeof v === 'number' ? v : undefined;
}

/** "因公出国（境）费支出预算为B，支出决算为F，完成预算的R%", or without a 预算数, or neither. */
function itemVersusBudget(ctx: TextContext, item: string): Traced {
  const name = ctx.s(`label.sangong.${item}`);
  const final = sangongFig(ctx, item);
  const budget = sangongBudgetFig(ctx, item);
  if (budget.value !== 0) {
    return ctx.t('final.sangong.item', { 名称: name, 预算数: ctx.amount(budget), 决算数: ctx.amount(final), 完成率: ratioTraced(ctx, final, budget) });
  }
  if (final.value !== 0) return withClaim(ctx.t('final.sangong.item.noBudget', { 名称: name, 决算数: ctx.amount(final) }), claim('未安排', budget));
  return withClaim(withClaim(ctx.t('final.sangong.item.none', { 名称: name }), claim('未安排', budget)), claim('无', final));
}

/** （一）总体情况: the whole and each item against its 预算数, and why the 决算数 differs (the officer's words). */
export function sangongTotalText(ctx: TextContext, id: string): Block[] {
  const final = sangongFig(ctx, 'total');
  const budget = sangongBudgetFig(ctx, 'total');
  if (final.value === 0 && budget.value === 0) {
    return [para(`${id}.none`, emptyTableClaims(ctx.t('final.sangong.none'), sumFigs([final, budget])))];
  }
  const list = joinTraced(SANGONG_ITEMS.map((item) => itemVersusBudget(ctx, item)), '；');
  const blocks: Block[] = [para(`${id}.total`, budget.value !== 0
    ? ctx.t('final.sangong.total', { 预算数: ctx.amount(budget), 决算数: ctx.amount(final), 完成率: ratioTraced(ctx, final, budget), 列表: list })
    : withClaim(ctx.t('final.sangong.total.noBudget', { 决算数: ctx.amount(final), 列表: list }), claim('未安排', budget)))];
  const reason = ctx.text(FINAL_INPUT.sangongReason);
  if (budget.value !== 0 && final.value !== budget.value && reason !== '') {
    blocks.push(para(`${id}.reason`, ctx.t(final.value < budget.value ? 'final.sangong.under' : 'final.sangong.over', { 原因: ctx.quote(FINAL_INPUT.sangongReason) })));
  }
  return blocks;
}

/** A sentence with counts when the officer typed them all, one saying they are missing otherwise. */
function withCounts(ctx: TextContext, key: string, vars: Record<string, Traced | string>, counts: Record<string, number | undefined>): Traced {
  const given = Object.values(counts).every((n) => n !== undefined);
  return given ? ctx.t(key, { ...vars, ...(counts as Record<string, number>) }) : ctx.t(`${key}.noCount`, vars);
}

/** （二）具体情况: each item's share of the whole, then 出国, 公务用车 and 接待 with what they counted. */
export function sangongItemsText(ctx: TextContext, id: string): Block[] {
  const total = sangongFig(ctx, 'total');
  if (total.value === 0) return [para(`${id}.none`, emptyTableClaims(ctx.t('final.sangong.items.none'), total))];
  const doc = ctx.doc;
  const figs = SANGONG_ITEMS.map((item) => sangongFig(ctx, item));
  const shares = sharesTraced(ctx, figs, `${id}.share`);
  const list = joinTraced(SANGONG_ITEMS.map((item, i) => ctx.t('final.sangong.share', {
    名称: ctx.s(`label.sangong.${item}`), 金额: ctx.amount(figs[i]), 占比: shares[i] ?? plain(ctx.pct(0)),
  })), '；');
  const [abroad, purchase, operation, reception] = figs;
  const none = (key: string, fig: Fig) => withClaim(ctx.t(key, { 金额: ctx.amount(fig) }), claim('无', fig));
  const bought = purchase.value === 0
    ? none('final.sangong.purchase.none', purchase)
    : withCounts(ctx, 'final.sangong.purchase', { 金额: ctx.amount(purchase) }, { 数量: sangongCount(doc, 'vehiclesBought') });
  const held = sangongCount(doc, 'vehiclesHeld');
  return [
    para(`${id}.shares`, ctx.t('final.sangong.shares', { 列表: list })),
    para(`${id}.abroad`, abroad.value === 0
      ? none('final.sangong.abroad.none', abroad)
      : withCounts(ctx, 'final.sangong.abroad', { 金额: ctx.amount(abroad) }, { 团组: sangongCount(doc, 'abroadGroups'), 人次: sangongCount(doc, 'abroadPersons') })),
    para(`${id}.vehicle`, ctx.t('final.sangong.vehicle', {
      金额: ctx.amount(sangongFig(ctx, 'vehicle')),
      购置: bought,
      运行: ctx.t('final.sangong.operation', { 金额: ctx.amount(operation) }),
      // Without car money and without a count, the 保有量 is not asked for (a unit without cars).
      保有: held !== undefined ? ctx.t('final.sangong.fleet', { 数量: held }) : purchase.value + operation.value > 0 ? ctx.t('final.sangong.fleet.noCount') : plain(''),
    })),
    para(`${id}.reception`, reception.value === 0
      ? none('final.sangong.reception.none', reception)
      : withCounts(ctx, 'final.sangong.reception', { 金额: ctx.amount(reception) }, { 批次: sangongCount(doc, 'receptionBatches'), 人次: sangongCount(doc, 'receptionPersons') })),
  ];
}
