import { describe, expect, it } from 'vitest';
import { formatAmount } from '../amount/amount';
import type { TableData } from '../document/document';
import { getBuiltinTemplateSet } from '../template/registry';
import { deriveTable } from '../template/derive';
import { createSampleMeta, createSampleTables } from './sample-tables';

const tables = createSampleTables();
const printed = (table: TableData, rowId: string, col: string) => formatAmount(table.rows.find((r) => r.id === rowId)?.values[col] ?? 0);

describe('sample tables (若羌县医疗保障局 2024)', () => {
  it('meta names the unit, year, set and unit type', () => {
    expect(createSampleMeta()).toMatchObject({ unitName: '若羌县医疗保障局', year: 2024, templateId: 'xj-dept-2024-11', entityKind: '部门', unitType: '行政' });
  });

  it('has every table of the set', () => {
    const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
    expect(Object.keys(tables)).toEqual(set.tables.map((t) => t.id));
  });

  it('reproduces the printed totals', () => {
    expect(printed(tables.t1, 'inTotal', 'inAmount')).toBe('824.50');
    expect(printed(tables.t1, 'outTotal', 'outAmount')).toBe('824.50');
    expect(printed(tables.t1, 'gpb', 'inAmount')).toBe('824.50');
    expect(printed(tables.t1, 'gpbOwn', 'inAmount')).toBe('799.50');
    expect(printed(tables.t1, 'c210', 'outAmount')).toBe('734.69');
    expect(printed(tables.t2, 'total', 'total')).toBe('824.50');
    expect(printed(tables.t2, 'total', 'fiscalSubtotal')).toBe('824.50');
    expect(printed(tables.t2, '210', 'gpb')).toBe('709.69');
    expect(printed(tables.t2, '210', 'gpbTransfer')).toBe('25.00');
    for (const t of [tables.t3, tables.t5]) {
      expect([printed(t, 'total', 'total'), printed(t, 'total', 'basic'), printed(t, 'total', 'project')]).toEqual(['824.50', '405.80', '418.70']);
      expect([printed(t, '21015', 'total'), printed(t, '21015', 'basic'), printed(t, '21015', 'project')]).toEqual(['297.83', '294.83', '3.00']);
    }
    expect(printed(tables.t4, 'inTotal', 'inAmount')).toBe('824.50');
    expect(printed(tables.t4, 'outTotal', 'total')).toBe('824.50');
    expect(printed(tables.t4, 'c208', 'gpb')).toBe('59.57');
    expect([printed(tables.t6, 'total', 'total'), printed(tables.t6, 'total', 'personnel'), printed(tables.t6, 'total', 'public')]).toEqual(['405.80', '391.48', '14.32']);
    expect(printed(tables.t6, '301', 'total')).toBe('389.81');
    expect(printed(tables.t6, '303', 'personnel')).toBe('1.67');
    expect(printed(tables.t7, 'total', 'total')).toBe('418.70');
    expect(printed(tables.t10, 'total', 'total')).toBe('0.93');
    expect(printed(tables.t10, 'vehicle', 'gpb')).toBe('0.84');
  });

  it('prints rows in the release order with the printed names', () => {
    expect(tables.t3.rows.map((r) => r.id)).toEqual([
      '208', '20805', '2080501', '2080505', '2080506', '210', '21011', '2101101', '2101102', '2101103', '21012', '2101202',
      '21013', '2101399', '21015', '2101501', '2101506', '2101550', '221', '22102', '2210201', 'total',
    ]);
    expect(tables.t3.rows[2].name).toBe('行政单位离退休');
    expect(tables.t6.rows.find((r) => r.id === '30231')?.name).toBe('公务用车运行维护费');
    expect(tables.t7.rows.map((r) => [r.id, r.code])).toEqual([['p1', '2101202'], ['p2', '2101399'], ['p3', '2101399'], ['p4', '2101506'], ['total', undefined]]);
  });

  it('表7 per functional code equals 表5 项目支出', () => {
    const byCode = new Map<string, number>();
    for (const r of tables.t7.rows) if (r.code) byCode.set(r.code, (byCode.get(r.code) ?? 0) + (r.values.total ?? 0));
    for (const [code, sum] of byCode) expect(tables.t5.rows.find((r) => r.id === code)?.values.project).toBe(sum);
  });

  it('表8, 表9, 表11 are empty; everything is already derived and canonical', () => {
    for (const id of ['t8', 't9', 't11']) expect(tables[id].rows).toEqual([{ id: 'total', values: {} }]);
    const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
    for (const def of set.tables) {
      expect(deriveTable(def, tables[def.id].rows)).toEqual(tables[def.id].rows);
      for (const row of tables[def.id].rows) for (const v of Object.values(row.values)) expect(v).not.toBe(0);
    }
  });
});
