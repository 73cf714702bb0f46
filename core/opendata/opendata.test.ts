import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { printedRows } from '../layout/printed-layout';
import { setFor } from '../testing/builders';
import { BUILTIN_SETS, randomDocument } from '../text/random-doc.testutil';
import { sampleDoc, sampleSet } from '../text/sample-doc.testutil';
import { csvFileName, documentCsvFiles, tableCsv } from './csv';
import { openData } from './open-data';
import { tableData } from './table-data';

/** RFC 4180 reader, enough to read back what we write. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  return rows;
}

const schema = JSON.parse(readFileSync(new URL('../../docs/open-data.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);

describe('tables as CSV', () => {
  const doc = sampleDoc();
  const set = sampleSet();

  it('one file per table, named by number and title, with the printed column names and plain numbers', () => {
    const files = documentCsvFiles(doc, set);
    expect(files.map((f) => f.name)).toHaveLength(11);
    expect(files[4]!.name).toBe('表5 一般公共预算支出情况表.csv');
    const rows = parseCsv(files[4]!.text);
    expect(rows[0]).toEqual(['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出']);
    const line = rows.find((r) => r[0] === '2101101')!;
    expect(line.slice(1)).toEqual(['行政单位医疗', '7.55', '7.55', '0.00']);
    const total = rows.find((r) => /合\s*计/.test(r[1]!))!;
    expect(total[0]).toBe('');
  });

  it('a side-by-side table names its repeated columns with their group', () => {
    const rows = parseCsv(documentCsvFiles(doc, set)[0]!.text);
    expect(new Set(rows[0]).size).toBe(rows[0]!.length);
  });

  it('quotes commas, quotes and line breaks; names lose characters Windows refuses', () => {
    const data = tableData(doc, set, set.tables[4]!);
    data.rows[1]!.values[1] = '名称,含"引号"\n换行';
    expect(parseCsv(tableCsv(data))[2]![1]).toBe('名称,含"引号"\n换行');
    expect(csvFileName({ no: '表1', title: '收支/总体:情况?' })).toBe('表1 收支_总体_情况_.csv');
  });

  it.each(BUILTIN_SETS)('reads back as the printed tables of random %s documents', (setId) => {
    const template = setFor(setId);
    for (let seed = 1; seed <= 15; seed++) {
      const d = randomDocument(setId, seed);
      for (const [i, file] of documentCsvFiles(d, template).entries()) {
        const table = template.tables[i]!;
        const data = parseCsv(file.text).slice(1);
        const printed = printedRows(d, table);
        expect(data).toHaveLength(printed.length);
        const amountAt = tableData(d, template, table).columns.flatMap((c, k) => (c.kind === 'amount' ? [k] : []));
        // The printed cells of the amount columns (a side-by-side line may have no row on one side: empty).
        const amountCols = table.columns.flatMap((c, k) => (c.kind === 'amount' ? [k] : []));
        const amounts = printed.map((r) => amountCols.map((k) => { const c = r.cells[k]!; return c.kind === 'amount' ? c.value : null; }));
        const read = data.map((r) => amountAt.map((k) => (r[k] === '' ? null : Math.round(Number(r[k]) * 100) + 0)));
        expect(JSON.stringify(read), `${setId} ${seed} ${table.no}`).toBe(JSON.stringify(amounts));
      }
    }
  });
});

describe('the whole disclosure as JSON', () => {
  it.each(BUILTIN_SETS)('matches the documented schema for random %s documents', (setId) => {
    for (let seed = 1; seed <= 5; seed++) {
      const data = openData(randomDocument(setId, seed), setFor(setId));
      expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('holds the sample’s tables, its open findings and its text', () => {
    const data = openData(sampleDoc(), sampleSet());
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(data.unit).toMatchObject({ year: 2024, kind: '部门', amountUnit: '万元' });
    expect(data.tables).toHaveLength(11);
    // Amounts are plain numbers in 万元 in JSON.
    expect(data.tables[4]!.rows.find((r) => r.values[0] === '2101101')?.values.slice(1)).toEqual(['行政单位医疗', 7.55, 7.55, 0]);
    expect(data.findings.some((f) => f.severity === 'warning' && f.cells.some((c) => c.table === '表6'))).toBe(true);
    const flat = JSON.stringify(data.text);
    expect(flat).toContain('主要职能');
    expect(flat).toContain('824.5万元');
  });
});

describe('the CSVs as one zip (the app’s 导出 menu)', () => {
  it('holds every table’s CSV under its Chinese name, byte for byte', async () => {
    const { unzipSync, strToU8 } = await import('fflate');
    const { documentCsvZip } = await import('./csv');
    const files = unzipSync(documentCsvZip(sampleDoc(), sampleSet()));
    const expected = documentCsvFiles(sampleDoc(), sampleSet());
    expect(Object.keys(files).sort()).toEqual(expected.map((f) => f.name).sort());
    expect(files[expected[4]!.name]).toEqual(strToU8(expected[4]!.text));
  });
});
