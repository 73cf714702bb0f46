import { describe, expect, it } from 'vitest';
import type { TableData } from '../../document/document';
import type { TableDef, TemplateSet } from '../../template/template.schema';
import { allocate1D, allocate2D } from './largest-remainder';
import { balanceToWan } from './rounding-balance';

const yuan = (n: number) => Math.round(n * 100); // 元 → 分 (test data only)

function expenditureTable(id: string, role: TableDef['role'] = 'expenditure'): TableDef {
  return {
    id,
    no: '表3',
    title: '{主体}支出总体情况表',
    role,
    columns: [
      { id: 'code', header: ['科目编码'], kind: 'code', codePart: 'full' },
      { id: 'name', header: ['科目名称'], kind: 'name' },
      { id: 'total', header: ['合计'], kind: 'amount', formula: 'basic + project' },
      { id: 'basic', header: ['基本支出'], kind: 'amount' },
      { id: 'project', header: ['项目支出'], kind: 'amount' },
    ],
    rows: { kind: 'coded', classification: 'functional', levels: [3, 5, 7], subtotals: true, total: { label: '合计', position: 'bottom' } },
  };
}

function set(tables: TableDef[]): TemplateSet {
  return {
    id: 'test-set',
    name: '测试',
    entityKind: '部门',
    amountUnit: '万元',
    display: { blankZero: true, columnNumberRow: false, compilerPrefix: '编制部门：' },
    tables,
    rules: [],
    outline: [],
  };
}

type Row = [id: string, total: number, basic: number, project: number];
function table(rows: Row[]): TableData {
  return {
    rows: rows.map(([id, total, basic, project]) => {
      const values: Record<string, number> = {};
      if (total) values.total = yuan(total);
      if (basic) values.basic = yuan(basic);
      if (project) values.project = yuan(project);
      return id === 'total' ? { id, name: '合计', values } : { id, code: id, name: id, values };
    }),
  };
}

const valuesOf = (t: TableData, row: string) => t.rows.find((r) => r.id === row)?.values ?? {};

describe('largest remainder', () => {
  it('adds 0.01 to the largest remainder when the items miss the total by 0.01', () => {
    // 1.0040 + 1.0045 + 1.0030 万元 = 3.0115 → 3.01; ordinary rounding gives 1.00 × 3 = 3.00.
    expect(allocate1D([10040_00, 10045_00, 10030_00], 301, () => undefined)).toEqual([100, 101, 100]);
  });
  it('adds 0.02 to the two largest remainders when the items miss by 0.02', () => {
    expect(allocate1D([10040_00, 10041_00, 10042_00, 10043_00, 10044_00], 502, () => undefined)).toEqual([100, 100, 100, 101, 101]);
  });
  it('takes 0.01 away when ordinary rounding overshoots', () => {
    // 0.0050 × 3 = 0.0150 → 0.02; ordinary rounding gives 0.01 × 3 = 0.03.
    expect(allocate1D([50_00, 50_00, 50_00], 2, () => undefined)).toEqual([1, 1, 0]);
  });
  it('refuses a target no floor/ceiling choice reaches', () => {
    expect(allocate1D([10000_00, 20000_00], 400, () => undefined)).toBeUndefined();
  });
  it('rounds a matrix with both margins fixed', () => {
    const m = allocate2D([[50_00, 50_00], [50_00, 50_00]], [1, 1], [1, 1], () => undefined);
    expect(m).toBeDefined();
    expect(m?.map((r) => r[0] + r[1])).toEqual([1, 1]);
    expect([m![0][0] + m![1][0], m![0][1] + m![1][1]]).toEqual([1, 1]);
  });
  it('honours the preference for a figure rounded before', () => {
    expect(allocate1D([50_00, 50_00], 1, (v) => (v === 50_00 ? undefined : undefined))).toEqual([1, 0]);
    expect(allocate1D([40_00, 60_00], 1, (v) => (v === 40_00 ? 'up' : undefined))).toEqual([1, 0]);
  });
});

describe('balanceToWan (舍位平衡)', () => {
  it('keeps 类 = Σ 款 = Σ 项 and 合计 = 基本 + 项目 when rounding misses by 0.01', () => {
    const t3 = table([
      ['208', 30115, 30115, 0],
      ['20805', 30115, 30115, 0],
      ['2080501', 10040, 10040, 0],
      ['2080505', 10045, 10045, 0],
      ['2080506', 10030, 10030, 0],
      ['total', 30115, 30115, 0],
    ]);
    const r = balanceToWan({ t3 }, set([expenditureTable('t3')]));
    const t = r.tables.t3;
    expect(valuesOf(t, 'total')).toEqual({ total: 301, basic: 301 });
    expect(valuesOf(t, '2080505')).toEqual({ total: 101, basic: 101 });
    expect(valuesOf(t, '2080501')).toEqual({ total: 100, basic: 100 });
    expect(r.adjustments).toEqual([
      { table: 't3', row: '2080505', col: 'total', fen: 1004500, rounded: 100, adjusted: 101 },
      { table: 't3', row: '2080505', col: 'basic', fen: 1004500, rounded: 100, adjusted: 101 },
    ]);
    expect(r.unbalanced).toEqual([]);
  });

  it('balances a group that misses by 0.02, in both directions of the grid', () => {
    const t3 = table([
      ['201', 50210, 25105, 25105],
      ['20101', 50210, 25105, 25105],
      ['2010101', 10042, 5021, 5021],
      ['2010102', 10042, 5021, 5021],
      ['2010103', 10042, 5021, 5021],
      ['2010104', 10042, 5021, 5021],
      ['2010105', 10042, 5021, 5021],
      ['total', 50210, 25105, 25105],
    ]);
    const r = balanceToWan({ t3 }, set([expenditureTable('t3')]));
    const t = r.tables.t3;
    const leaves = ['2010101', '2010102', '2010103', '2010104', '2010105'].map((id) => valuesOf(t, id));
    expect(valuesOf(t, 'total')).toEqual({ total: 502, basic: 251, project: 251 });
    expect(leaves.reduce((a, v) => a + v.total, 0)).toBe(502);
    expect(leaves.reduce((a, v) => a + (v.basic ?? 0), 0)).toBe(251);
    expect(leaves.reduce((a, v) => a + (v.project ?? 0), 0)).toBe(251);
    for (const v of leaves) expect(v.total).toBe((v.basic ?? 0) + (v.project ?? 0));
    expect(r.adjustments.length).toBeGreaterThan(0);
  });

  it('rounds the same figure the same way in two tables', () => {
    const rows: Row[] = [
      ['208', 30115, 30115, 0],
      ['20805', 30115, 30115, 0],
      ['2080501', 10040, 10040, 0],
      ['2080505', 10045, 10045, 0],
      ['2080506', 10030, 10030, 0],
      ['total', 30115, 30115, 0],
    ];
    const r = balanceToWan({ t3: table(rows), t5: table(rows) }, set([expenditureTable('t3'), expenditureTable('t5', 'gpbExpenditure')]));
    expect(r.tables.t5).toEqual(r.tables.t3);
  });

  it('reports a source group that does not add up instead of forcing it', () => {
    const t3 = table([
      ['208', 30000, 30000, 0],
      ['2080501', 10040, 10040, 0],
      ['total', 30000, 30000, 0],
    ]);
    const r = balanceToWan({ t3 }, set([expenditureTable('t3')]));
    expect(r.unbalanced.length).toBeGreaterThan(0);
    expect(r.unbalanced[0].description).toContain('不等于');
    expect(valuesOf(r.tables.t3, '2080501')).toEqual({ total: 100, basic: 100 });
  });
});

describe('balanceToWan with a formula that subtracts', () => {
  // Before one parser read every formula, a minus made the rounding see no group at all: 净额 printed 1.00 while
  // 2.01 - 1.00 = 1.01.
  const netTable: TableDef = {
    id: 't9',
    no: '表9',
    title: '净额表',
    role: 'other',
    columns: [
      { id: 'item', header: ['项目'], kind: 'name' },
      { id: 'amount', header: ['金额'], kind: 'amount' },
    ],
    rows: {
      kind: 'fixed',
      rows: [
        { id: 'net', label: '净额', formula: 'gross - refund' },
        { id: 'gross', label: '收入' },
        { id: 'refund', label: '退付' },
      ],
    },
  };

  it('keeps a row formula with a minus true after rounding', () => {
    const data: TableData = {
      rows: [
        { id: 'net', values: { amount: yuan(10010) } },
        { id: 'gross', values: { amount: yuan(20050) } },
        { id: 'refund', values: { amount: yuan(10040) } },
      ],
    };
    const r = balanceToWan({ t9: data }, set([netTable]));
    const v = (id: string) => valuesOf(r.tables.t9, id).amount ?? 0;
    expect(v('net')).toBe(100);
    expect(v('gross') - v('refund')).toBe(v('net'));
    expect(r.unbalanced).toEqual([]);
  });

  it('keeps a column formula with a minus true after rounding', () => {
    const t = expenditureTable('t3');
    const def: TableDef = {
      ...t,
      columns: t.columns.map((c) => (c.id === 'basic' ? { ...c, formula: 'total - project' } : c.id === 'total' ? { ...c, formula: undefined } : c)),
    };
    const rows = table([
      ['2080501', 20050, 10010, 10040],
      ['total', 20050, 10010, 10040],
    ]);
    const r = balanceToWan({ t3: rows }, set([def]));
    for (const row of r.tables.t3.rows) expect((row.values.total ?? 0) - (row.values.project ?? 0)).toBe(row.values.basic ?? 0);
    expect(r.unbalanced).toEqual([]);
  });
});

describe('balanceToWan across the tables of the 2024 set', () => {
  it('gives 表1 支出 per 类, 表3 and 表5 the same rounded figures', async () => {
    const { docFor, withRows, withDerived } = await import('../../testing/builders');
    const { getBuiltinTemplateSet } = await import('../../template/registry');
    const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
    const doc = docFor(set.id);
    // Figures in 元 (stored as 分): three 项 whose rounded values miss their 款 by 0.01 万元.
    const leaves: [string, Record<string, string>][] = [
      ['2080501', { basic: '10040.00' }],
      ['2080505', { basic: '10045.00', project: '3333.33' }],
      ['2080506', { basic: '10030.00', project: '6666.67' }],
      ['2101501', { basic: '50055.55' }],
    ];
    const withParents: [string, Record<string, string>][] = [['208', {}], ['20805', {}], ['210', {}], ['21015', {}], ...leaves];
    withRows(doc, 't3', withParents);
    withRows(doc, 't5', withParents);
    withDerived(doc);
    const t3 = (id: string) => doc.tables.t3.rows.find((r) => r.id === id)!.values;
    const t1Row = (id: string) => doc.tables.t1.rows.find((r) => r.id === id)!;
    t1Row('c208').values = { outAmount: t3('208').total };
    t1Row('c210').values = { outAmount: t3('210').total };
    t1Row('outTotal').values = { outAmount: t3('total').total };
    const r = balanceToWan(doc.tables, set);
    const out3 = (id: string) => r.tables.t3.rows.find((x) => x.id === id)!.values;
    const out1 = (id: string) => r.tables.t1.rows.find((x) => x.id === id)!.values;
    expect(r.tables.t5).toEqual(r.tables.t3);
    expect(out1('c208').outAmount).toBe(out3('208').total);
    expect(out1('c210').outAmount).toBe(out3('210').total);
    expect(out1('outTotal').outAmount).toBe(out3('total').total);
    // Every sum still holds after rounding.
    for (const row of r.tables.t3.rows) expect(row.values.total ?? 0).toBe((row.values.basic ?? 0) + (row.values.project ?? 0));
    const leafSum = (col: string) => leaves.reduce((a, [id]) => a + (out3(id)[col] ?? 0), 0);
    expect(leafSum('total')).toBe(out3('total').total);
    expect(leafSum('basic')).toBe(out3('total').basic);
    expect(r.unbalanced).toEqual([]);
  });
});
