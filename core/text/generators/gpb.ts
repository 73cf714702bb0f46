import type { RowData } from '../../document/document';
import { CodeBook } from '../../codes/code-book';
import { PRIOR, reasonKey } from '../../inputs/keys';
import { para, type Block } from '../blocks';
import { changePhrase, codeLevel, enumerate, reasonPhrase, shares, type TextContext } from '../context';

/** 第三部分 五 (一般公共预算当年拨款: 规模, 结构, 具体情况) and 六 (基本支出) from 表5 and 表6. */

export function gpbScaleText(ctx: TextContext, id: string): Block[] {
  const basic = ctx.value('gpbExpenditure', 'total', 'basic');
  const project = ctx.value('gpbExpenditure', 'total', 'project');
  const total = ctx.value('gpbExpenditure', 'total', 'total') || basic + project;
  const blocks: Block[] = [para(`${id}.total`, ctx.s('gpb.scale.total', { 合计: ctx.money(total) }))];
  for (const kind of ['basic', 'project'] as const) {
    const amount = kind === 'basic' ? basic : project;
    const prior = ctx.prior(PRIOR.gpb(kind)) ?? 0;
    blocks.push(para(`${id}.${kind}`, ctx.s('gpb.scale.item', {
      类型: ctx.s(`label.${kind}`),
      金额: ctx.money(amount),
      变化: changePhrase(ctx, amount, prior),
      原因: reasonPhrase(ctx, 'gpb.scale.reason', [reasonKey.gpb(kind), reasonKey.expenditure(kind)]),
    })));
  }
  return blocks;
}

export function gpbStructureText(ctx: TextContext, id: string): Block[] {
  const classes = ctx.rows('gpbExpenditure').filter((r) => codeLevel(r) === 0 && (r.values.total ?? 0) !== 0);
  if (classes.length === 0) return [para(`${id}.none`, ctx.s('gpb.none'))];
  const share = shares(classes.map((r) => r.values.total ?? 0));
  return classes.map((r, i) => para(`${id}.${r.code}`, ctx.s('gpb.structure.item', {
    序号: i + 1, 名称: r.name ?? '', 编码: r.code ?? '', 金额: ctx.money(r.values.total ?? 0), 占比: ctx.pct(share[i] ?? 0),
  })));
}

let book: CodeBook | undefined;
const codeBook = (): CodeBook => (book ??= CodeBook.builtin());

/** One numbered item per 项 row of 表5, in code order, with 类/款/项 names and codes. */
export function gpbItemsText(ctx: TextContext, id: string): Block[] {
  const rows = ctx.rows('gpbExpenditure');
  const byCode = new Map<string, RowData>(rows.filter((r) => r.code).map((r) => [r.code as string, r]));
  const items = rows
    .filter((r) => codeLevel(r) === 2 && ((r.values.total ?? 0) !== 0 || (ctx.prior(PRIOR.item(r.code ?? '')) ?? 0) !== 0))
    .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  if (items.length === 0) return [para(`${id}.none`, ctx.s('gpb.none'))];
  return items.map((r, i) => {
    const code = r.code ?? '';
    // 类/款 names from their rows; from the year's code list when a table holds only 项 rows.
    const nameOf = (c: string) => byCode.get(c)?.name ?? codeBook().name('functional', c, ctx.doc.meta.year) ?? '';
    const amount = r.values.total ?? 0;
    const prior = ctx.prior(PRIOR.item(code)) ?? 0;
    return para(`${id}.${code}`, ctx.s('gpb.item', {
      序号: i + 1,
      类名称: nameOf(code.slice(0, 3)), 类编码: code.slice(0, 3),
      款名称: nameOf(code.slice(0, 5)), 款编码: code.slice(3, 5),
      项名称: r.name ?? '', 项编码: code.slice(5, 7),
      金额: ctx.money(amount),
      变化: changePhrase(ctx, amount, prior),
      原因: reasonPhrase(ctx, 'item.reason', reasonKey.item(code)),
    }));
  });
}

/** 款 names of 表6 that carry money in one column, in printed order. */
export function economicNames(ctx: TextContext, col: 'personnel' | 'public'): string[] {
  return ctx.rows('gpbBasic').filter((r) => (r.code ?? '').length === 5 && (r.values[col] ?? 0) !== 0).map((r) => r.name ?? r.code ?? '');
}

export function basicText(ctx: TextContext, id: string): Block[] {
  const personnel = ctx.value('gpbBasic', 'total', 'personnel');
  const pub = ctx.value('gpbBasic', 'total', 'public');
  const total = ctx.value('gpbBasic', 'total', 'total') || personnel + pub;
  const blocks: Block[] = [para(`${id}.total`, ctx.s('basic.total', { 合计: ctx.money(total) }))];
  blocks.push(para(`${id}.personnel`, personnel
    ? ctx.s('basic.personnel', { 金额: ctx.money(personnel), 列表: enumerate(economicNames(ctx, 'personnel')) })
    : ctx.s('basic.personnel.none')));
  blocks.push(para(`${id}.public`, pub
    ? ctx.s('basic.public', { 金额: ctx.money(pub), 列表: enumerate(economicNames(ctx, 'public')) })
    : ctx.s('basic.public.none')));
  return blocks;
}
