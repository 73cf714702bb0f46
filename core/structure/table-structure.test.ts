import { describe, expect, it } from 'vitest';
import type { RowData } from '../document/document';
import { codedTable, fixedTable, projectTable } from '../testing/builders';
import { deriveTable } from '../template/derive';
import { TableStructure } from './table-structure';

const coded = (id: string, extra: Partial<RowData> = {}): RowData => ({ id, code: id, values: {}, ...extra });
const ids = (s: TableStructure, rows: Iterable<number>) => [...rows].map((i) => s.rows[i].id);

describe('TableStructure', () => {
  it('builds the code tree: 合计 over 类, 类 over 款, a 项 under its nearest printed ancestor', () => {
    const rows = [coded('208'), coded('20805'), coded('2080505'), coded('2089901'), coded('210'), { id: 'total', values: {} }];
    const s = new TableStructure(codedTable('t3', ['total', 'basic', 'project']), rows);
    const at = (id: string) => s.pos.get(id)!;
    expect(ids(s, s.terms(at('total')))).toEqual(['208', '210']);
    // 20899 is not printed: its 项 sums into 208 directly.
    expect(ids(s, s.terms(at('208')))).toEqual(['20805', '2089901']);
    expect(ids(s, s.dependents(at('2080505')))).toEqual(['20805']);
    expect(s.computed[at('2080505')]).toBe(0);
    // Terms before the sums that read them.
    expect(ids(s, s.order)).toEqual(['20805', '208', 'total']);
    expect(s.level[at('20805')]).toBe(1);
  });

  it('makes 部门/单位 rows the subtotal of their members, outside 合计', () => {
    const rows: RowData[] = [
      { id: 'total', values: {} },
      { id: 'org1', org: 'department', values: {} },
      { id: 'org2', org: 'unit', unit: 'org1', values: {} },
      coded('210', { unit: 'org2' }),
      coded('21015', { unit: 'org2' }),
    ];
    const s = new TableStructure(codedTable('t3', ['total']), rows);
    expect(ids(s, s.terms(s.pos.get('org2')!))).toEqual(['210']);
    expect(ids(s, s.terms(s.pos.get('org1')!))).toEqual(['org2']);
    expect(ids(s, s.terms(s.pos.get('total')!))).toEqual(['210']);
    expect(ids(s, s.order).indexOf('org2')).toBeLessThan(ids(s, s.order).indexOf('org1'));
  });

  it('leaves organisation rows that name each other as inputs instead of looping', () => {
    const rows: RowData[] = [
      { id: 'org1', org: 'unit', unit: 'org2', values: {} },
      { id: 'org2', org: 'unit', unit: 'org1', values: {} },
    ];
    const s = new TableStructure(codedTable('t3', ['total']), rows);
    expect([...s.computed].filter((c) => c === 1).length).toBeLessThan(2);
  });

  it('reads fixed-row formulas as signed terms', () => {
    const def = fixedTable('t9', ['net = gross - refund', 'gross', 'refund'], ['amount']);
    const rows: RowData[] = ['net', 'gross', 'refund'].map((id) => ({ id, values: {} }));
    const s = new TableStructure(def, rows);
    expect(ids(s, s.terms(0))).toEqual(['gross', 'refund']);
    expect([...s.termSigns(0)]).toEqual([1, -1]);
    const derived = deriveTable(def, [{ id: 'net', values: {} }, { id: 'gross', values: { amount: 500 } }, { id: 'refund', values: { amount: 120 } }]);
    expect(derived[0].values.amount).toBe(380);
  });

  it('puts a project under its 项 and 项 rows under 合计 in a project table', () => {
    const rows: RowData[] = [
      { id: 'p1', code: '2080505', values: { total: 100 } },
      { id: 'p2', code: '2080505', values: { total: 50 } },
      coded('2080505'),
      { id: 'total', values: {} },
    ];
    const s = new TableStructure(projectTable('t7'), rows);
    expect(ids(s, s.terms(2))).toEqual(['p1', 'p2']);
    expect(ids(s, s.terms(3))).toEqual(['2080505']);
    expect(s.keys[0]).toBe('p1');
    expect(s.under('2080505')).toEqual([0, 1]);
  });

  it('mirrors amounts as exact slots and notices a row list changed behind its back', () => {
    const rows = [coded('208', { values: { basic: 300 } }), { id: 'total', values: { basic: 300 } }];
    const s = new TableStructure(codedTable('t3', ['total', 'basic']), rows);
    const slot = s.shape.stride * 0 + s.shape.colIndex.get('basic')!;
    expect(s.values[slot]).toBe(300);
    rows[0].values.basic = 7;
    expect(s.refresh('208', 'basic')).toBe(slot);
    expect(s.values[slot]).toBe(7);
    expect(s.matches(rows)).toBe(true);
    rows[0].code = '210';
    expect(s.matches(rows)).toBe(false);
  });
});
