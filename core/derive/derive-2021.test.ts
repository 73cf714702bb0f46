import { describe, expect, it } from 'vitest';
import { getBuiltinTemplateSet } from '../template/registry';
import { createDocument } from '../document/create';
import type { BudgetDocument } from '../document/document';
import { insertRow } from '../commands/rows.command';
import { setCells } from '../commands/set-cells.command';
import { generateOverview, generateFiscalOverview, generateGpbFromExpenditure } from './generate';

const template = getBuiltinTemplateSet('xj-unit-2021-9')!;
const ctx = { template };
const v = (doc: BudgetDocument, t: string, id: string) => doc.tables[t].rows.find((r) => r.id === id)?.values;

describe('2021 9-table set (合计 on top, 表八 one row with column formulas)', () => {
  it('inserts below the top 合计 in code order and sums into it', () => {
    const doc = createDocument(template);
    for (const code of ['210', '208', '2101101', '20805', '2080505', '21011']) insertRow({ table: 't3', code, name: code }).apply(doc, ctx);
    expect(doc.tables.t3.rows.map((r) => r.id)).toEqual(['total', '208', '20805', '2080505', '210', '21011', '2101101']);
    setCells([{ table: 't3', row: '2080505', col: 'basic', value: 100 }, { table: 't3', row: '2101101', col: 'project', value: 50 }]).apply(doc, ctx);
    expect(v(doc, 't3', 'total')).toEqual({ basic: 100, project: 50, total: 150 });
  });
  it('表八 column formulas', () => {
    const doc = createDocument(template);
    setCells([{ table: 't8', row: 'total', col: 'vehicleOperation', value: 84 }, { table: 't8', row: 'total', col: 'reception', value: 16 }]).apply(doc, ctx);
    expect(v(doc, 't8', 'total')).toEqual({ vehicleOperation: 84, vehicle: 84, reception: 16, total: 100 });
  });
  it('generates 表一, 表四 and 表五 by role and ids', () => {
    const doc = createDocument(template);
    for (const t of ['t2', 't3']) for (const code of ['208', '20805', '2080505']) insertRow({ table: t, code, name: code }).apply(doc, ctx);
    setCells([
      { table: 't3', row: '2080505', col: 'basic', value: 3914 },
      { table: 't2', row: '2080505', col: 'gpb', value: 3914 },
    ]).apply(doc, ctx);
    for (const g of [generateGpbFromExpenditure, generateOverview, generateFiscalOverview]) {
      const r = g(doc, template);
      expect(r.ok).toBe(true);
      if (r.ok) r.command.apply(doc, ctx);
    }
    expect(v(doc, 't1', 'gpb')).toEqual({ inAmount: 3914 });
    expect(v(doc, 't1', 'inTotal')).toEqual({ inAmount: 3914 });
    expect(v(doc, 't1', 'c208')).toEqual({ outAmount: 3914 });
    expect(v(doc, 't4', 'inTotal')).toEqual({ inAmount: 3914 });
    expect(v(doc, 't4', 'c208')).toEqual({ gpb: 3914, total: 3914 });
    expect(v(doc, 't5', 'total')).toEqual({ basic: 3914, total: 3914 });
  });
});
