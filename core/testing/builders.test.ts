import { describe, expect, it } from 'vitest';
import { codedTable, docFor, fixedTable, projectTable, testSet, withDerived, withProjects, withRows } from './builders';

describe('test builders', () => {
  it('docFor gives every table of a built-in set, fixed rows present, coded tables with their 合计 row', () => {
    const doc = docFor('xj-dept-2024-11');
    expect(Object.keys(doc.tables)).toHaveLength(11);
    expect(doc.tables.t1.rows.map((r) => r.id).slice(0, 2)).toEqual(['inCurrent', 'gpb']);
    expect(doc.tables.t1.rows.map((r) => r.id).slice(-2)).toEqual(['inTotal', 'outTotal']);
    expect(doc.tables.t1.rows.find((r) => r.id === 'c210')?.code).toBe('210');
    expect(doc.tables.t3.rows).toEqual([{ id: 'total', values: {} }]);
    expect(doc.meta.templateId).toBe('xj-dept-2024-11');
  });

  it('withRows inserts coded rows in code order with known names; withDerived fills sums', () => {
    const doc = docFor('xj-dept-2024-11');
    withRows(doc, 't3', [['2101501', { basic: '138.64' }], ['208', {}], ['20805', {}], ['2080505', { basic: '39.14' }], ['210', {}], ['21015', {}]]);
    withRows(doc, 't3', [['2101506', { project: '3' }]]);
    withDerived(doc);
    const rows = doc.tables.t3.rows;
    expect(rows.map((r) => r.id)).toEqual(['208', '20805', '2080505', '210', '21015', '2101501', '2101506', 'total']);
    expect(rows[5].name).toBe('行政运行');
    expect(rows.find((r) => r.id === '21015')?.values).toEqual({ total: 14164, basic: 13864, project: 300 });
    expect(rows.find((r) => r.id === 'total')?.values).toEqual({ total: 18078, basic: 17778, project: 300 });
  });

  it('withRows merges into fixed rows and withDerived applies row formulas per side', () => {
    const doc = docFor('xj-dept-2024-11');
    withRows(doc, 't10', [['reception', { gpb: '0.09' }], ['vehicleOperation', { gpb: '0.84' }]]);
    withRows(doc, 't4', [['gpb', { inAmount: '10' }], ['c210', { gpb: '10' }]]);
    withDerived(doc);
    expect(doc.tables.t10.rows.find((r) => r.id === 'total')?.values).toEqual({ total: 93, gpb: 93 });
    expect(doc.tables.t10.rows.find((r) => r.id === 'vehicle')?.values).toEqual({ total: 84, gpb: 84 });
    const t4 = (id: string) => doc.tables.t4.rows.find((r) => r.id === id)?.values;
    expect(t4('inTotal')).toEqual({ inAmount: 1000 });
    expect(t4('outTotal')).toEqual({ total: 1000, gpb: 1000 });
    expect(t4('c210')).toEqual({ total: 1000, gpb: 1000 });
  });

  it('project rows are numbered and summed into 合计', () => {
    const doc = docFor('xj-dept-2024-11');
    withProjects(doc, 't7', [['2101202', '甲', { total: '1.5' }], ['2101399', '乙', { total: '2' }]]);
    withDerived(doc);
    expect(doc.tables.t7.rows.map((r) => [r.id, r.values.total])).toEqual([['p1', 150], ['p2', 200], ['total', 350]]);
  });

  it('tiny custom sets for engine tests', () => {
    const set = testSet([
      codedTable('a', ['total = basic + project', 'basic', 'project'], { no: '表A' }),
      fixedTable('b', ['sum = x + y', 'x', 'y'], ['v']),
      projectTable('c'),
    ], { id: 'tiny' });
    expect(set.tables.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    const doc = withDerived(withRows(withRows(docFor('tiny'), 'a', [['201', {}], ['20101', { basic: '1', project: '2' }]]), 'b', [['x', { v: '1' }], ['y', { v: '2.5' }]]));
    expect(doc.tables.a.rows.map((r) => [r.id, r.values.total])).toEqual([['201', 300], ['20101', 300], ['total', 300]]);
    expect(doc.tables.b.rows[0].values).toEqual({ v: 350 });
    expect(() => testSet([fixedTable('b', ['sum = x + z', 'x'], ['v'])])).toThrow('引用的行“z”不存在');
  });
});
