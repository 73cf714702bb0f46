import type { Amount } from '../../amount/amount';
import { formatPercent, percentOf } from '../../amount/percent';
import type { BudgetDocument, RowData } from '../../document/document';
import type { TemplateSet } from '../../template/template.schema';
import { para, type Block } from '../blocks';
import { formatTextAmount, textAmountStyleOf, type TextContext } from '../context';
import { finalBudgetKey } from './keys';

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
  sentence: string;
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
  const rows = doc.tables[table.id]?.rows ?? [];
  const byCode = new Map(rows.filter((r) => r.code !== undefined).map((r) => [r.code!, r]));
  const style = textAmountStyleOf(doc.meta);
  const money = (a: Amount) => `${formatTextAmount(a, style)}${doc.meta.amountUnit}`;
  const out: ItemCompletion[] = [];
  for (const row of rows) {
    if (row.code?.length !== itemLength) continue;
    const final = row.values.total ?? 0;
    if (final === 0 && budgetOfItem(doc, row.code) === undefined) continue;
    const budget = budgetOfItem(doc, row.code);
    const percent = completionPercent(final, budget);
    const path = table.rows.levels.map((len, level) => {
      const r: RowData | undefined = byCode.get(row.code!.slice(0, len));
      return `${r?.name ?? ''}(${row.code!.slice(0, len)}${['类', '款', '项'][level] ?? ''})`;
    }).join('');
    const head = `${out.length + 1}. ${path}：${doc.meta.year}年度支出决算为${money(final)}`;
    const tail = percent === null ? '，未填写年初预算数' : `，完成预算${formatPercent(percent)}%`;
    out.push({ code: row.code, name: row.name ?? '', final, budget, percent, sentence: `${head}${tail}。` });
  }
  return out;
}

/** The section's paragraphs: one per 项 with a 决算数 or a 预算数, or one line saying there is none. */
export function completionText(ctx: TextContext, id: string): Block[] {
  const items = itemCompletions(ctx.doc, ctx.template);
  if (items.length === 0) return [para(`${id}.none`, `${ctx.doc.meta.year}年度无一般公共预算财政拨款支出决算。`)];
  return items.map((item) => para(`${id}.${item.code}`, item.sentence));
}
