import type { RowData } from '../../document/document';
import { getProjectInputs, projectInputOf } from '../../inputs/accessors';
import { tableEmptyNote } from '../../template/header-layout';
import { para, type Block } from '../blocks';
import type { TextContext } from '../context';
import { plain, type Fig } from '../trace';
import { emptyTableClaims } from './funds';

/** The project rows of 表7 (ids p1, p2 …), in printed order. */
export function projectRows(ctx: TextContext): RowData[] {
  return ctx.rows('gpbProjects').filter((r) => /^p\d+$/.test(r.id));
}

/**
 * A project's amount: its 合计 cell, or — when the 合计 column is left blank (a table by economic 类 imported
 * without its computed column) — the sum of the row's other amount columns, where the money is.
 */
export function projectAmountFig(ctx: TextContext, row: RowData): Fig {
  const t = ctx.table('gpbProjects');
  if (!t) return { value: row.values.total ?? 0, cells: [] };
  const total = row.values.total ?? 0;
  if (total !== 0) return { value: total, cells: [{ table: t.id, row: row.id, col: 'total' }] };
  const parts = t.columns.filter((c) => c.kind === 'amount' && c.id !== 'total' && (row.values[c.id] ?? 0) !== 0);
  return {
    value: parts.reduce((s, c) => s + (row.values[c.id] ?? 0), 0),
    cells: parts.length ? parts.map((c) => ({ table: t.id, row: row.id, col: c.id })) : [{ table: t.id, row: row.id, col: 'total' }],
  };
}

export function projectAmount(ctx: TextContext, row: RowData): number {
  return projectAmountFig(ctx, row).value;
}

/** 七、项目支出: per project its name, 政策依据, 规模 (from 表7), 承担单位, 分配, 执行时间 and the subsidy lines. */
export function projectsText(ctx: TextContext, id: string): Block[] {
  const rows = projectRows(ctx);
  if (rows.length === 0) {
    const t = ctx.table('gpbProjects');
    const note = t ? tableEmptyNote(t, ctx.doc.meta) : undefined;
    return [para(`${id}.none`, emptyTableClaims(plain(note ?? ctx.s('projects.none')), ctx.fig('gpbProjects', 'total', 'total')))];
  }
  const blocks: Block[] = [];
  const inputs = getProjectInputs(ctx.doc);
  rows.forEach((row, i) => {
    const p = projectInputOf(inputs, row.id, row.name);
    const pid = `${id}.${row.id}`;
    const line = (field: string, value: string | undefined) => {
      const v = (value ?? '').trim();
      if (v) blocks.push(para(`${pid}.${field}`, ctx.s(`project.${field}`, { 内容: v }), false));
    };
    blocks.push(para(`${pid}.name`, ctx.s('project.name', { 序号: i + 1, 名称: row.name ?? '' })));
    line('basis', p.basis);
    blocks.push(para(`${pid}.amount`, ctx.t('project.amount', { 金额: ctx.amount(projectAmountFig(ctx, row)) })));
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
