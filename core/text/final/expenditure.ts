import { leafLabel } from '../../template/header-layout';
import { PRIOR, reasonKey } from '../../inputs/keys';
import { para, type Block } from '../blocks';
import { changeTraced, claim, enumerate, firstNonZero, reasonPhrase, sharesTraced, sumFigs, type TextContext } from '../context';
import { plain, withClaim } from '../trace';

/**
 * 第二部分 三 of a 决算: 本年支出合计 by kind, with each kind's share of it. A 决算's 支出决算表 has, beside 基本支出 and
 * 项目支出, the money a unit passes up (上缴上级支出), spends on its business (经营支出) and grants its own units
 * (对附属单位补助支出); every kind the table has takes part in the shares, so they add up to 100.00% of the total.
 * 基本/项目 are always stated with their change from last year's 决算; another kind with money is stated with its
 * share, and the kinds without money are named together in one closing sentence — never left silent.
 */

const CHANGED = new Set(['basic', 'project']);

export function finalExpenditureText(ctx: TextContext, id: string): Block[] {
  const table = ctx.table('expenditure');
  const kinds = (table?.columns ?? []).filter((c) => c.kind === 'amount' && c.id !== 'total' && !c.formula);
  const figs = kinds.map((c) => ctx.fig('expenditure', 'total', c.id));
  const total = firstNonZero(ctx.fig('expenditure', 'total', 'total'), sumFigs(figs));
  const shares = sharesTraced(ctx, figs, `${id}.share`);
  const blocks: Block[] = [para(`${id}.total`, ctx.t('expenditure.total', { 合计: ctx.amount(total) }))];
  const without: { label: string; fig: (typeof figs)[number] }[] = [];
  kinds.forEach((col, i) => {
    const fig = figs[i];
    const changed = CHANGED.has(col.id);
    const kind = col.id as 'basic' | 'project';
    const label = changed ? ctx.s(`label.${kind}`) : leafLabel(col);
    if (changed && (fig.value !== 0 || (ctx.prior(PRIOR.expenditure(kind)) ?? 0) !== 0)) {
      blocks.push(para(`${id}.${col.id}`, ctx.t('expenditure.item', {
        类型: label, 金额: ctx.amount(fig), 占比: shares[i] ?? plain(ctx.pct(0)),
        变化: changeTraced(ctx, fig, [PRIOR.expenditure(kind)]),
        原因: reasonPhrase(ctx, 'reason', reasonKey.expenditure(kind)),
      })));
    } else if (fig.value !== 0) {
      blocks.push(para(`${id}.${col.id}`, ctx.t('final.expenditure.other', { 类型: label, 金额: ctx.amount(fig), 占比: shares[i] ?? plain(ctx.pct(0)) })));
    } else without.push({ label, fig });
  });
  if (without.length > 0) {
    // "无上缴上级支出、经营支出。": one 无 stated for all, backed by each kind's zero.
    const text = ctx.t('final.expenditure.without', { 列表: enumerate(without.map((w) => w.label)) });
    blocks.push(para(`${id}.without`, withClaim(text, claim('无', sumFigs(without.map((w) => w.fig))))));
  }
  return blocks;
}
