import { describe, expect, it } from 'vitest';
import { amount } from '../amount/amount';
import type { RowData } from '../document/document';
import { deriveTable } from './derive';
import { getBuiltinTemplateSet } from './registry';

const unit2021 = getBuiltinTemplateSet('xj-unit-2021-9')!;
const def = (id: string) => unit2021.tables.find((t) => t.id === id)!;
const row = (id: string, values: Record<string, string>, code?: string): RowData => {
  const v: Record<string, number> = {};
  for (const [k, s] of Object.entries(values)) v[k] = amount(s);
  return code ? { id, code, values: v } : { id, values: v };
};

describe('deriveTable', () => {
  it('coded rows: 项 → 款 → 类 → 合计 (合计 on top in 2021), column formulas, zeros dropped', () => {
    const rows = deriveTable(def('t3'), [
      row('total', {}), row('208', {}, '208'), row('20805', {}, '20805'), row('2080505', { basic: '2.70' }, '2080505'),
      row('20899', {}, '20899'), row('2089999', { project: '71.15' }, '2089999'), row('210', { basic: '5', project: '-5' }, '210'),
    ]);
    const v = (id: string) => rows.find((r) => r.id === id)!.values;
    expect(v('20805')).toEqual({ total: 270, basic: 270 });
    expect(v('208')).toEqual({ total: 7385, basic: 270, project: 7115 });
    expect(v('210')).toEqual({ basic: 500, project: -500 });
    expect(v('total')).toEqual({ total: 7385, basic: 770, project: 6615 });
    expect(rows.map((r) => r.id)[0]).toBe('total');
  });

  it('one-row 三公 (2021 表八): column formulas chain (vehicle before total)', () => {
    const [r] = deriveTable(def('t8'), [row('total', { vehicleOperation: '3.45', reception: '1.00' })]);
    expect(r.values).toEqual({ total: 445, vehicle: 345, vehicleOperation: 345, reception: 100 });
  });

  it('project tables: group rows sum their projects, 合计 sums the top', () => {
    const t7 = def('t7');
    const rows = deriveTable(t7, [
      row('total', {}), row('210', {}, '210'), { id: 'p1', code: '2101301', name: '甲', values: { total: 50 } },
      { id: 'p2', code: '2101502', name: '乙', values: { total: 149 } }, { id: 'p3', code: '2089999', name: '丙', values: { total: 7115 } },
    ]);
    expect(rows.find((r) => r.id === '210')!.values).toEqual({ total: 199 });
    expect(rows.find((r) => r.id === 'total')!.values).toEqual({ total: 7314 });
  });
});
