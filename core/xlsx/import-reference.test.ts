import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuleEngine } from '../rules/engine';
import { getBuiltinTemplateSet } from '../template/registry';
import { importXlsx as importWorkbook } from './import-xlsx';
import type { ImportXlsxOptions } from './import-xlsx';
import { workbookBytes, type TestTable } from './testing/workbook-builders';

/** Workbooks here print no year; the file name carries it, as officers' files usually do. */
const importXlsx = (bytes: Uint8Array, options: ImportXlsxOptions = {}) => importWorkbook(bytes, { fileName: '预算公开2024年.xlsx', ...options });

/**
 * The two published releases transcribed in testdata/reference, retyped into
 * workbooks exactly as printed — number, title, 编制部门 line, header labels without merges, body strings — the way
 * an officer copies a published table into Excel. The importer must find every printed table, detect the set and
 * read every figure without an error.
 */
const referenceDir = join(import.meta.dirname, '../../testdata/reference');
const available = existsSync(referenceDir);

interface RefTable { no: string; title: string; compiler: string; currency_unit: string; header: string[][]; rows: { cells: string[] }[] }
const load = (name: string): RefTable[] => (JSON.parse(readFileSync(join(referenceDir, name), 'utf8')) as { tables: RefTable[] }).tables;

function asTestTable(t: RefTable, sheet?: string): TestTable {
  const width = t.header[0].length;
  const unitLine: (string | null)[] = Array.from({ length: width }, () => null);
  unitLine[0] = t.compiler;
  unitLine[width - 1] = `单位：${t.currency_unit}`;
  return {
    ...(sheet ? { sheet } : {}),
    top: [[t.no], [t.title], unitLine],
    header: t.header.map((r) => r.map((c) => c || null)),
    body: t.rows.map((r) => r.cells.map((c) => c || null)),
  };
}

describe.skipIf(!available)('import of the reference releases retyped as printed', () => {
  it('2024 部门预算: every printed table, one sheet each', async () => {
    const tables = load('2024-ruoqiang-medical-security-dept-budget.tables.json');
    const r = await importXlsx(await workbookBytes(tables.map((t) => asTestTable(t))));
    if (!r.ok) throw new Error(r.message);
    expect(r.report.templateId).toBe('xj-dept-2024-11');
    expect(r.report.tables.map((t) => t.table)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't10']);
    expect(r.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const get = (table: string, row: string) => r.document.tables[table].rows.find((x) => x.id === row)?.values;
    expect(get('t1', 'c210')).toEqual({ outAmount: 73469 });
    expect(get('t1', 'inTotal')).toEqual({ inAmount: 82450 });
    expect(get('t3', '2101202')).toEqual({ total: 38370, project: 38370 });
    expect(get('t6', '30113')).toEqual({ total: 3024, personnel: 3024 });
    expect(get('t10', 'vehicleOperation')).toEqual({ total: 84, gpb: 84 });
    const t3 = tables.find((t) => t.no === '表3')!;
    expect(r.document.tables.t3.rows).toHaveLength(t3.rows.length);
    expect(r.document.meta.compiler).toBe('若羌县医疗保障局');
  });

  it('2021 单位预算: all tables on one sheet, 表一 numbering, 合计/部门/单位 rows, combined economic codes', async () => {
    const tables = load('2021-urho-medical-security-unit-budget.tables.json');
    const r = await importXlsx(await workbookBytes(tables.map((t) => asTestTable(t, '预算公开表'))), { fileName: '乌尔禾区医保局2021年单位预算公开.xlsx' });
    if (!r.ok) throw new Error(r.message);
    expect(r.report.templateId).toMatch(/^xj-unit-2021-9/);
    expect(r.report.tables.map((t) => t.table)).toEqual(['t1', 't3', 't4', 't5', 't6', 't8', 't9']);
    expect(r.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.document.meta.entityKind).toBe('单位');
    const get = (table: string, row: string) => r.document.tables[table].rows.find((x) => x.id === row)?.values;
    expect(get('t3', 'total')).toEqual({ total: 12229, basic: 4915, project: 7314 });
    expect(get('t3', '2089999')).toEqual({ total: 7115, project: 7115 });
    expect(get('t6', '30101')).toEqual({ total: 754, personnel: 754 });
    expect(get('t1', 'inTotal')).toEqual({ inAmount: 12229 });
    expect(get('t8', 'total')).toEqual({ total: 445, vehicle: 345, vehicleOperation: 345, reception: 100 });
    expect(r.document.tables.t9.rows).toEqual([{ id: 'total', values: {} }]);
    // 合计 / 部门 / 单位 rows are kept as printed and find nothing: the release's own faults are the same as when
    // its figures are typed in cell by cell (reference-printed.test.ts).
    expect(r.document.tables.t3.rows.slice(0, 3).map((x) => [x.id, x.name, x.org])).toEqual([
      ['total', undefined, undefined], ['org1', '医保局', 'department'], ['org2', '乌尔禾区医保局', 'unit'],
    ]);
    expect(r.document.tables.t6.rows[1]).toMatchObject({ id: 'org1', name: '[040001]乌尔禾区医保局', org: 'unit', values: { total: 4915 } });
    expect(r.document.meta.year).toBe(2021);
    expect(r.document.meta.blankZero).toBe(false);
    const findings = createRuleEngine(getBuiltinTemplateSet(r.report.templateId)!, r.document).findings();
    const rules = (severity: string) => [...new Set(findings.filter((f) => f.severity === severity).map((f) => f.rule))].sort();
    expect(rules('error')).toEqual(['x-t1-t2-gpb', 'x-t1-t2-total', 'x-t2-t3-row', 'x-t5-t7', 'x-t5-t7-code']);
    expect(rules('warning')).toEqual(['econ-func-30110', 'econ-func-30111', 'econ-func-30113', 'x-t5-t2-gpb']);
  });
});
