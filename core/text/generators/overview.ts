import { INPUT } from '../../inputs/keys';
import { getList, getStaff } from '../../inputs/accessors';
import { para, type Block } from '../blocks';
import type { TextContext } from '../context';
import { claim, enumerate } from '../context';
import { plain, withClaim, type Traced } from '../trace';
import { chineseNumeral, trimEndPunct } from '../pattern';

/** 第一部分 一、主要职能: the officer's numbered duties, printed "（一）…". */
export function dutiesText(ctx: TextContext, id: string): Block[] {
  const duties = getList(ctx.doc, INPUT.duties);
  if (duties.length === 0) return [para(`${id}.none`, ctx.s('overview.duties.none'))];
  return duties.map((d, i) => para(`${id}.${i + 1}`, ctx.s('overview.duty', { 序号: chineseNumeral(i + 1), 编号: i + 1, 内容: d }), false));
}

function people(ctx: TextContext, change: number | undefined, field: string): Traced {
  const n = change ?? 0;
  if (n > 0) return ctx.t('people.increase', { 人数: n });
  if (n < 0) return ctx.t('people.decrease', { 人数: -n });
  return withClaim(ctx.t('people.flat'), claim('持平', { value: 0, cells: [], inputs: [`${INPUT.staff}#${field}`] }));
}

/** 第一部分 二、机构设置及人员情况. */
export function organizationText(ctx: TextContext, id: string): Block[] {
  const subUnits = getList(ctx.doc, INPUT.subUnits);
  const departments = getList(ctx.doc, INPUT.departments).map(trimEndPunct);
  const sub = subUnits.length === 0
    ? withClaim(ctx.t('overview.subUnits.none'), claim('无', { value: 0, cells: [], inputs: [INPUT.subUnits] }))
    : plain(ctx.s('overview.subUnits', { 数量: subUnits.length, 列表: enumerate(subUnits) }));
  const dept = departments.length === 0
    ? ctx.s('overview.departments.none')
    : ctx.s('overview.departments', { 数量: departments.length, 列表: enumerate(departments) });
  const blocks: Block[] = [para(`${id}.units`, ctx.t('overview.units', { 下属单位: sub, 内设机构: dept }))];
  const staff = getStaff(ctx.doc);
  if (staff) {
    blocks.push(para(`${id}.staff`, ctx.t('overview.staff', {
      编制数: staff.authorized ?? 0,
      实有人数: staff.actual ?? 0,
      在职: staff.active ?? 0,
      在职变化: people(ctx, staff.activeChange, 'activeChange'),
      退休: staff.retired ?? 0,
      退休变化: people(ctx, staff.retiredChange, 'retiredChange'),
      离休: staff.veteran ?? 0,
      离休变化: people(ctx, staff.veteranChange, 'veteranChange'),
    })));
  }
  return blocks;
}
