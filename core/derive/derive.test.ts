import { describe, expect, it } from 'vitest';
import { getBuiltinTemplateSet } from '../template/registry';
import { createDocument } from '../document/create';
import { cloneDocument, type BudgetDocument } from '../document/document';
import { insertRow } from '../commands/rows.command';
import { setCells } from '../commands/set-cells.command';
import type { CommandContext } from '../commands/command';
import { DERIVATIONS, generateFiscalOverview, generateGpbFromExpenditure, generateOverview, computeSangongTotals } from './generate';
import { recomputeAll } from './recompute.command';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
const ctx: CommandContext = { template };
const v = (doc: BudgetDocument, t: string, id: string) => doc.tables[t].rows.find((r) => r.id === id)?.values;

function sample(): BudgetDocument {
  const doc = createDocument(template, { unitName: '测试局', year: 2024 });
  for (const t of ['t2', 't3']) for (const code of ['208', '20805', '2080505', '210', '21011', '2101101']) insertRow({ table: t, code, name: `科目${code}` }).apply(doc, ctx);
  setCells([
    { table: 't3', row: '2080505', col: 'basic', value: 3914 },
    { table: 't3', row: '2101101', col: 'basic', value: 1000 },
    { table: 't3', row: '2101101', col: 'project', value: 500 },
    { table: 't2', row: '2080505', col: 'gpb', value: 3914 },
    { table: 't2', row: '2101101', col: 'gpb', value: 1200 },
    { table: 't2', row: '2101101', col: 'gpbTransfer', value: 300 },
  ]).apply(doc, ctx);
  return doc;
}

describe('derivations', () => {
  it('表5 from 表3 when all money is 一般公共预算, undoable', () => {
    const doc = sample();
    const before = cloneDocument(doc);
    const r = generateGpbFromExpenditure(doc, template);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const res = r.command.apply(doc, ctx);
    expect(doc.tables.t5.rows).toEqual(doc.tables.t3.rows);
    expect(res.changes.tables).toEqual(['t5']);
    res.inverse.apply(doc, ctx);
    expect(doc).toEqual(before);
  });
  it('refuses 表5 from 表3 when 表2 has other money', () => {
    const doc = sample();
    setCells([{ table: 't2', row: '2080505', col: 'unitFunds', value: 100 }]).apply(doc, ctx);
    const r = generateGpbFromExpenditure(doc, template);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('一般公共预算以外的资金');
  });
  it('表1 收入 items from 表2 合计 and 支出 per 类 from 表3', () => {
    const doc = sample();
    const r = generateOverview(doc, template);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const before = cloneDocument(doc);
    const res = r.command.apply(doc, ctx);
    expect(v(doc, 't1', 'gpbOwn')).toEqual({ inAmount: 5114 });
    expect(v(doc, 't1', 'gpbTransfer')).toEqual({ inAmount: 300 });
    expect(v(doc, 't1', 'gpb')).toEqual({ inAmount: 5414 });
    expect(v(doc, 't1', 'inTotal')).toEqual({ inAmount: 5414 });
    expect(v(doc, 't1', 'c208')).toEqual({ outAmount: 3914 });
    expect(v(doc, 't1', 'c210')).toEqual({ outAmount: 1500 });
    expect(v(doc, 't1', 'outTotal')).toEqual({ outAmount: 5414 });
    res.inverse.apply(doc, ctx);
    expect(doc).toEqual(before);
  });
  it('表4 from 表2 and 表5/8/9', () => {
    const doc = sample();
    const g = generateGpbFromExpenditure(doc, template);
    if (g.ok) g.command.apply(doc, ctx);
    const r = generateFiscalOverview(doc, template);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    r.command.apply(doc, ctx);
    expect(v(doc, 't4', 'gpb')).toEqual({ inAmount: 5414 });
    expect(v(doc, 't4', 'fiscal')).toEqual({ inAmount: 5414 });
    expect(v(doc, 't4', 'c210')).toEqual({ gpb: 1500, total: 1500 });
    expect(v(doc, 't4', 'outTotal')).toEqual({ gpb: 5414, total: 5414 });
  });
  it('三公 totals and recompute-all fix typed sums of an imported document', () => {
    const doc = sample();
    const row = (id: string) => doc.tables.t10.rows.find((r) => r.id === id)!;
    row('vehiclePurchase').values.gpb = 500;
    row('abroad').values.gpb = 100;
    const r = computeSangongTotals(doc, template);
    if (r.ok) r.command.apply(doc, ctx);
    expect(row('vehicle').values).toEqual({ gpb: 500, total: 500 });
    expect(row('total').values).toEqual({ gpb: 600, total: 600 });
    doc.tables.t3.rows.find((x) => x.id === '208')!.values.basic = 1;
    const res = recomputeAll().apply(doc, ctx);
    expect(res.changes.cells).toEqual([{ table: 't3', row: '208', col: 'basic' }]);
    expect(DERIVATIONS.map((d) => d.id)).toContain('overview');
  });
});
