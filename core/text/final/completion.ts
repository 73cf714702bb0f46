import type { Amount } from '../../amount/amount';
import { percentOf } from '../../amount/percent';
import type { BudgetDocument } from '../../document/document';
import type { TemplateSet } from '../../template/template.schema';
import { para, type Block } from '../blocks';
import type { TextContext } from '../context';
import { finalBudgetKey } from './keys';
import { ratioTraced } from './ratio';

/**
 * 第二部分 五（三）of a 决算: one sentence per 一般公共预算财政拨款 项 stating its 决算数 and how much of its 预算数 it
 * used ("支出决算为X万元，完成预算Y%"). 决算数 comes from the table of role gpbExpenditure, 预算数 from the officer's
 * input per 项 (finalBudgetKey); without a 预算数 the sentence says so rather than printing a made-up rate.
 */

export interface ItemCompletion {
  code: string;
  name: string;
  final: Amount;
  budget: Amount | undefined;
  /** Hundredths of a percent, or null without a 预算数. */
  percent: number | null;
  /** The 项 row of the table, for the figure's trace. */
  rowId: string;
}

/** 完成预算 % = 决算数 / 预算数 (hundredths of a percent, half up); null when there is no 预算数. */
export function completionPercent(final: Amount, budget: Amount | undefined): number | null {
  return budget === undefined || budget === 0 ? null : percentOf(final, budget);
}

export function budgetOfItem(doc: BudgetDocument, code: string): Amount | undefined {
  const v = doc.inputs[finalBudgetKey(code)];
  return typeof v === 'number' ? v : undefined;
}

export function itemCompletions(doc: BudgetDocument, set: TemplateSet): ItemCompletion[] {
  const table = set.tables.find((t) => t.role === 'gpbExpenditure');
  if (!table || table.rows.kind !== 'coded') return [];
  const itemLength = table.rows.levels[table.rows.levels.length - 1];
  const out: ItemCompletion[] = [];
  for (const row of doc.tables[table.id]?.rows ?? []) {
    if (row.code?.length !== itemLength) continue;
    const final = row.values.total ?? 0;
    const budget = budgetOfItem(doc, row.code);
    if (final === 0 && budget === undefined) continue;
    out.push({ code: row.code, rowId: row.id, name: row.name ?? '', final, budget, percent: completionPercent(final, budget) });
  }
  return out;
}

/**
 * The section's paragraphs, in the set's own words (final.item / final.item.noBudget, numbered and named like the
 * set's gpb.item), the 决算数 traced to its cell; one line (gpb.none) when there is no 项.
 */
export function completionText(ctx: TextContext, id: string): Block[] {
  const items = itemCompletions(ctx.doc, ctx.template);
  if (items.length === 0) return [para(`${id}.none`, ctx.s('gpb.none'))];
  const rows = ctx.rows('gpbExpenditure');
  const nameOf = (code: string) => rows.find((r) => r.code === code)?.name ?? '';
  return items.map((item, i) => {
    const code = item.code;
    const vars = {
      序号: i + 1,
      类名称: nameOf(code.slice(0, 3)), 类编码: code.slice(0, 3),
      款名称: nameOf(code.slice(0, 5)), 款编码: code.slice(3, 5),
      项名称: item.name, 项编码: code.slice(5, 7),
      金额: ctx.amount(ctx.fig('gpbExpenditure', item.rowId, 'total')),
    };
    const budget = { value: item.budget ?? 0, cells: [], inputs: [finalBudgetKey(code)] };
    return para(`${id}.${code}`, item.percent === null
      ? ctx.t('final.item.noBudget', vars)
      : ctx.t('final.item', { ...vars, 完成率: ratioTraced(ctx, ctx.fig('gpbExpenditure', item.rowId, 'total'), budget) }));
  });
}
