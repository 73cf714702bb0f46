import { tableEmptyNote } from '../../template/header-layout';
import type { TableDef } from '../../template/template.schema';
import { PRIOR, reasonKey } from '../../inputs/keys';
import { para, type Block } from '../blocks';
import { changeTraced, claim, codeLevel, isTableEmpty, reasonPhrase, type TextContext } from '../context';
import { joinTraced, plain, withClaim, type Fig, type Traced } from '../trace';
import { notGeneratedNote, ROLE_TITLES } from '../generator-needs';

/** The 空表 sentence says 无 / 未安排 of a table with no figure: one claim per word it uses. */
export function emptyTableClaims(t: Traced, total: Fig): Traced {
  let out = t;
  for (const word of ['无', '未安排'] as const) {
    for (let n = t.text.split(word).length - 1; n > 0; n--) out = withClaim(out, claim(word, total));
  }
  return out;
}

type Role = TableDef['role'];

/**
 * 八 政府性基金 / 九 国有资本经营 / 十一 上年结转结余: the 空表 sentence when the table has no data (the same note the
 * table prints), else its total, 基本/项目 split and per-类 amounts.
 */
export function fundTableText(role: Role) {
  return (ctx: TextContext, id: string): Block[] => {
    const t = ctx.table(role);
    const rows = ctx.rows(role);
    if (!t) return [para(`${id}.none`, notGeneratedNote(`模板没有${ROLE_TITLES[role]}`), false)]; // generate.ts says so first
    if (isTableEmpty(rows)) {
      const note = tableEmptyNote(t, ctx.doc.meta) ?? ctx.s('table.empty', { 表名: t.title });
      return [para(`${id}.empty`, emptyTableClaims(plain(note), ctx.fig(role, 'total', 'total')))];
    }
    const vars = {
      合计: ctx.amount(ctx.fig(role, 'total', 'total')),
      基本支出: ctx.amount(ctx.fig(role, 'total', 'basic')),
      项目支出: ctx.amount(ctx.fig(role, 'total', 'project')),
    };
    const blocks: Block[] = [para(`${id}.total`, ctx.t(`${role}.total`, vars))];
    const classes = rows.filter((r) => codeLevel(r) === 0 && (r.values.total ?? 0) !== 0);
    classes.forEach((r, i) => blocks.push(para(`${id}.${r.code}`, ctx.t('funds.class', {
      序号: i + 1, 名称: r.name ?? '', 编码: r.code ?? '', 金额: ctx.amount(ctx.fig(role, r.id, 'total')),
    }))));
    return blocks;
  };
}

const SANGONG_ITEMS = ['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;

/** Reads a 三公 figure from the 2024 layout (rows, column total) or the 2021 layout (one row, one column per item). */
export function sangongValue(ctx: TextContext, item: string): number {
  return sangongFig(ctx, item).value;
}

export function sangongFig(ctx: TextContext, item: string): Fig {
  const t = ctx.table('sangong');
  if (!t) return { value: 0, cells: [] };
  if (t.rows.kind === 'fixed' && t.rows.rows.some((r) => r.id === item)) return ctx.fig('sangong', item, 'total');
  return ctx.fig('sangong', 'total', item === 'total' ? 'total' : item);
}

/** 十、三公: amount, the four items, the change of the total and of each item with its reason. */
export function sangongText(ctx: TextContext, id: string): Block[] {
  const v = (item: string) => ctx.amount(sangongFig(ctx, item));
  const change = (item: string) => changeTraced(ctx, sangongFig(ctx, item), [PRIOR.sangong(item)]);
  const blocks: Block[] = [para(`${id}.total`, ctx.t('sangong.total', {
    合计: v('total'),
    因公出国: v('abroad'),
    购置: v('vehiclePurchase'),
    运行: v('vehicleOperation'),
    接待: v('reception'),
  }))];
  const items = SANGONG_ITEMS.map((item) => ctx.t('sangong.itemChange', {
    名称: ctx.s(`label.sangong.${item}`),
    变化: change(item),
    原因: reasonPhrase(ctx, 'reason', reasonKey.sangong(item)),
  }));
  blocks.push(para(`${id}.change`, ctx.t('sangong.change', {
    变化: change('total'),
    原因: reasonPhrase(ctx, 'reason', reasonKey.sangong('total')),
    列表: joinTraced(items, '；'),
  })));
  return blocks;
}
