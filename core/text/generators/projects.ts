import type { RowData } from '../../document/document';
import { getProjectInput } from '../../inputs/accessors';
import { tableEmptyNote } from '../../template/header-layout';
import { para, type Block } from '../blocks';
import type { TextContext } from '../context';

/** The project rows of 表7 (ids p1, p2 …), in printed order. */
export function projectRows(ctx: TextContext): RowData[] {
  return ctx.rows('gpbProjects').filter((r) => /^p\d+$/.test(r.id));
}

/** 七、项目支出: per project its name, 政策依据, 规模 (from 表7), 承担单位, 分配, 执行时间 and the subsidy lines. */
export function projectsText(ctx: TextContext, id: string): Block[] {
  const rows = projectRows(ctx);
  if (rows.length === 0) {
    const t = ctx.table('gpbProjects');
    const note = t ? tableEmptyNote(t, ctx.doc.meta) : undefined;
    return [para(`${id}.none`, note ?? ctx.s('projects.none'))];
  }
  const blocks: Block[] = [];
  rows.forEach((row, i) => {
    const p = getProjectInput(ctx.doc, row.id, row.name);
    const pid = `${id}.${row.id}`;
    const line = (field: string, value: string | undefined) => {
      const v = (value ?? '').trim();
      if (v) blocks.push(para(`${pid}.${field}`, ctx.s(`project.${field}`, { 内容: v }), false));
    };
    blocks.push(para(`${pid}.name`, ctx.s('project.name', { 序号: i + 1, 名称: row.name ?? '' })));
    line('basis', p.basis);
    blocks.push(para(`${pid}.amount`, ctx.s('project.amount', { 金额: ctx.money(row.values.total ?? 0) })));
    line('undertaker', p.undertaker || ctx.doc.meta.unitName);
    line('allocation', p.allocation);
    line('period', p.period || ctx.s('project.period.default'));
    const sub = p.subsidy;
    if (sub) {
      line('subsidy.source', sub.source);
      line('subsidy.persons', sub.persons);
      line('subsidy.standard', sub.standard);
      line('subsidy.scope', sub.scope);
      line('subsidy.method', sub.method);
      line('subsidy.procedure', sub.procedure);
      line('subsidy.beneficiaries', sub.beneficiaries);
    }
  });
  return blocks;
}
