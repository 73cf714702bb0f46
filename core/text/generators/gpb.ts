import type { RowData } from '../../document/document';
import { CodeBook } from '../../codes/code-book';
import { PRIOR, reasonKey } from '../../inputs/keys';
import { para, type Block } from '../blocks';
import { changeTraced, claim, codeLevel, enumerate, firstNonZero, reasonPhrase, sharesTraced, sumFigs, type TextContext } from '../context';
import { withClaim, type Fig } from '../trace';

/** 第三部分 五 (一般公共预算当年拨款: 规模, 结构, 具体情况) and 六 (基本支出) from 表5 and 表6. */

export function gpbScaleText(ctx: TextContext, id: string): Block[] {
  const basic = ctx.fig('gpbExpenditure', 'total', 'basic');
  const project = ctx.fig('gpbExpenditure', 'total', 'project');
  const total = firstNonZero(ctx.fig('gpbExpenditure', 'total', 'total'), sumFigs([basic, project]));
  const blocks: Block[] = [para(`${id}.total`, ctx.t('gpb.scale.total', { 合计: ctx.amount(total) }))];
  for (const kind of ['basic', 'project'] as const) {
    const amount = kind === 'basic' ? basic : project;
    blocks.push(para(`${id}.${kind}`, ctx.t('gpb.scale.item', {
      类型: ctx.s(`label.${kind}`),
      金额: ctx.amount(amount),
      变化: changeTraced(ctx, amount, [PRIOR.gpb(kind)]),
      原因: reasonPhrase(ctx, 'gpb.scale.reason', [reasonKey.gpb(kind), reasonKey.expenditure(kind)]),
    })));
  }
  return blocks;
}

export function gpbStructureText(ctx: TextContext, id: string): Block[] {
  const classes = ctx.rows('gpbExpenditure').filter((r) => codeLevel(r) === 0 && (r.values.total ?? 0) !== 0);
  if (classes.length === 0) return [para(`${id}.none`, ctx.s('gpb.none'))];
  const figs = classes.map((r) => ctx.fig('gpbExpenditure', r.id, 'total'));
  const share = sharesTraced(ctx, figs, `${id}.share`);
  return classes.map((r, i) => para(`${id}.${r.code}`, ctx.t('gpb.structure.item', {
    序号: i + 1, 名称: r.name ?? '', 编码: r.code ?? '', 金额: ctx.amount(figs[i]), 占比: share[i] ?? ctx.pct(0),
  })));
}

let book: CodeBook | undefined;
const codeBook = (): CodeBook => (book ??= CodeBook.builtin());

export interface GpbItem {
  code: string;
  /** 项 name: the row's, or the year's code list for an item that has no row this year. */
  name: string;
  amount: Fig;
  priorKey: string;
}

/**
 * The items 五(三) lists, in code order: every 项 row of 表5 with money this year or last, and every 项 of last
 * year's figures that has no row any more (it fell to zero: "预算数为0万元，比上年预算减少…，下降100.00%").
 */
export function gpbItems(ctx: TextContext): GpbItem[] {
  const rows = ctx.rows('gpbExpenditure');
  const items: GpbItem[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (codeLevel(r) !== 2 || !r.code) continue;
    seen.add(r.code);
    const amount = ctx.fig('gpbExpenditure', r.id, 'total');
    const priorKey = PRIOR.item(r.code);
    if (amount.value === 0 && (ctx.prior(priorKey) ?? 0) === 0) continue;
    items.push({ code: r.code, name: r.name ?? codeBook().name('functional', r.code, ctx.doc.meta.year) ?? '', amount, priorKey });
  }
  if (ctx.table('gpbExpenditure')) {
    for (const [key, value] of Object.entries(ctx.doc.priorYear)) {
      const code = /^item\.(\d{7})$/.exec(key)?.[1];
      if (!code || seen.has(code) || value === 0) continue;
      items.push({ code, name: codeBook().name('functional', code, ctx.doc.meta.year) ?? '', amount: { value: 0, cells: [] }, priorKey: key });
    }
  }
  return items.sort((a, b) => a.code.localeCompare(b.code));
}

/** One numbered item per 项 of 表5 (and of last year's figures), in code order, with 类/款/项 names and codes. */
export function gpbItemsText(ctx: TextContext, id: string): Block[] {
  const rows = ctx.rows('gpbExpenditure');
  const byCode = new Map<string, RowData>(rows.filter((r) => r.code).map((r) => [r.code as string, r]));
  const items = gpbItems(ctx);
  if (items.length === 0) return [para(`${id}.none`, ctx.s('gpb.none'))];
  // 类/款 names from their rows; from the year's code list when a table holds only 项 rows.
  const nameOf = (c: string) => byCode.get(c)?.name ?? codeBook().name('functional', c, ctx.doc.meta.year) ?? '';
  return items.map((item, i) => {
    const code = item.code;
    return para(`${id}.${code}`, ctx.t('gpb.item', {
      序号: i + 1,
      类名称: nameOf(code.slice(0, 3)), 类编码: code.slice(0, 3),
      款名称: nameOf(code.slice(0, 5)), 款编码: code.slice(3, 5),
      项名称: item.name, 项编码: code.slice(5, 7),
      金额: ctx.amount(item.amount),
      变化: changeTraced(ctx, item.amount, [item.priorKey]),
      原因: reasonPhrase(ctx, 'item.reason', reasonKey.item(code)),
    }));
  });
}

/** 款 names of 表6 that carry money in one column, in printed order. */
export function economicNames(ctx: TextContext, col: 'personnel' | 'public'): string[] {
  return ctx.rows('gpbBasic').filter((r) => (r.code ?? '').length === 5 && (r.values[col] ?? 0) !== 0).map((r) => r.name ?? r.code ?? '');
}

export function basicText(ctx: TextContext, id: string): Block[] {
  const personnel = ctx.fig('gpbBasic', 'total', 'personnel');
  const pub = ctx.fig('gpbBasic', 'total', 'public');
  const total = firstNonZero(ctx.fig('gpbBasic', 'total', 'total'), sumFigs([personnel, pub]));
  const blocks: Block[] = [para(`${id}.total`, ctx.t('basic.total', { 合计: ctx.amount(total) }))];
  blocks.push(para(`${id}.personnel`, personnel.value
    ? ctx.t('basic.personnel', { 金额: ctx.amount(personnel), 列表: enumerate(economicNames(ctx, 'personnel')) })
    : withClaim(ctx.t('basic.personnel.none', { 金额: ctx.amount(personnel) }), claim('未安排', personnel))));
  blocks.push(para(`${id}.public`, pub.value
    ? ctx.t('basic.public', { 金额: ctx.amount(pub), 列表: enumerate(economicNames(ctx, 'public')) })
    : withClaim(ctx.t('basic.public.none', { 金额: ctx.amount(pub) }), claim('未安排', pub))));
  return blocks;
}
