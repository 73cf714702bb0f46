import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createSampleDocument } from '../sample/sample-inputs';
import { getBuiltinTemplateSet } from '../template/registry';
import { docFor, withDerived, withProjects, withRows } from '../testing/builders';
import { exportXlsx } from './export-xlsx';
import { importXlsx } from './import-xlsx';

const set2024 = () => getBuiltinTemplateSet('xj-dept-2024-11')!;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function numberOf(value: ExcelJS.CellValue): number {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'result' in value) return Number(value.result ?? 0);
  return 0;
}

describe('export → import round trip', () => {
  it('gives back the identical sample document', async () => {
    const doc = createSampleDocument();
    const bytes = await exportXlsx(doc, set2024());
    const result = await importXlsx(bytes);
    if (!result.ok) throw new Error(result.message);
    expect(result.report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(result.document).toEqual(doc);
  });

  it('gives back the identical document with formulas on, reporting progress both ways', async () => {
    const doc = createSampleDocument();
    const steps: string[] = [];
    const bytes = await exportXlsx(doc, set2024(), { formulas: true, onProgress: (done, total, stage) => steps.push(`${done}/${total} ${stage}`) });
    expect(steps).toHaveLength(12);
    expect(steps[0]).toBe('1/12 表1 部门收支总体情况表');
    const seen: number[] = [];
    const result = await importXlsx(bytes, { onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(11);
    if (!result.ok) throw new Error(result.message);
    expect(result.document).toEqual(doc);
  });

  it('round-trips a 2021 document (合计 on top, column-number row, 0.00 printed, combined economic codes)', async () => {
    const doc = docFor('xj-unit-2021-9', { unitName: '乌尔禾区医保局', compiler: '乌尔禾区医保局', entityKind: '单位', year: 2021 });
    withRows(doc, 't3', [['2080505', { basic: '2.70' }], ['2101501', { basic: '46.45', project: '1.49' }]]);
    withRows(doc, 't6', [['30101', { personnel: '7.54' }], ['30201', { public: '8.42' }]]);
    withRows(doc, 't8', [['total', { abroad: '0', vehicleOperation: '3.45', reception: '1.00' }]]);
    withProjects(doc, 't7', [['2101501', '医保信息化项目', { total: '1.49' }]]);
    withDerived(doc);
    const set = getBuiltinTemplateSet('xj-unit-2021-9')!;
    const result = await importXlsx(await exportXlsx(doc, set));
    if (!result.ok) throw new Error(result.message);
    expect(result.document).toEqual(doc);
  });
});

describe('export layout', () => {
  it('writes one sheet per table with title, header merges, text codes, 0.00 numbers and print setup', async () => {
    const doc = createSampleDocument();
    const wb = await load(await exportXlsx(doc, set2024()));
    const visible = wb.worksheets.filter((w) => w.state === 'visible');
    expect(visible.map((w) => w.name)).toContain('表1 部门收支总体情况表');
    expect(visible).toHaveLength(11);
    for (const ws of visible) expect(ws.name.length).toBeLessThanOrEqual(31);
    const t3 = wb.getWorksheet('表3 部门支出总体情况表')!;
    expect(t3.getCell('A2').value).toBe('部门支出总体情况表');
    expect(t3.getCell('A3').value).toBe('编制部门：若羌县医疗保障局');
    expect(String(t3.getCell('G3').value)).toBe('单位：万元');
    expect(t3.getCell('A4').isMerged).toBe(true); // 科目 across the three code columns
    expect(t3.getCell('C4').master.address).toBe('A4');
    const kuan = t3.getCell('B8'); // 208 05 …
    expect(kuan.value).toBe('05');
    expect(kuan.numFmt).toBe('@');
    const amount = t3.getCell('E7');
    expect(typeof amount.value).toBe('number');
    expect(amount.numFmt).toBe('0.00');
    expect(t3.getCell('B4').border?.top?.style).toBe('thin'); // every cell of a merged range bordered
    expect(t3.pageSetup.paperSize).toBe(9);
    expect(t3.pageSetup.fitToWidth).toBe(1);
    expect(t3.pageSetup.fitToHeight).toBe(0);
    // The overviews print on one page, their totals with them.
    for (const ws of wb.worksheets.filter((w) => /^表[14] /.test(w.name))) expect(ws.pageSetup.fitToHeight, ws.name).toBe(1);
    expect(t3.pageSetup.printTitlesRow).toMatch(/^\$?4:\$?6$/);
    expect(t3.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(wb.getWorksheet('表2 部门收入总体情况表')!.pageSetup.orientation).toBe('landscape');
  });

  it('keeps the header and the 空表 note of an empty table', async () => {
    const doc = createSampleDocument();
    const wb = await load(await exportXlsx(doc, set2024()));
    const t8 = wb.getWorksheet('表8 政府性基金预算支出情况表')!;
    const texts: string[] = [];
    t8.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('政府性基金预算支出');
    expect(texts.some((t) => t.includes('为空表'))).toBe(true);
  });

  it('writes subtotals and 合计 as formulas whose cached results are the figures, on every sheet', async () => {
    const doc = createSampleDocument();
    const wb = await load(await exportXlsx(doc, set2024(), { formulas: true }));
    let formulas = 0;
    for (const ws of wb.worksheets.filter((w) => w.state === 'visible')) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as ExcelJS.CellFormulaValue;
          if (v && typeof v === 'object' && 'formula' in v) {
            formulas++;
            const refs = v.formula.split('+').map((ref) => numberOf(ws.getCell(ref).value));
            expect(Math.round(refs.reduce((a, b) => a + b, 0) * 100), `${ws.name}!${cell.address}`).toBe(Math.round(Number(v.result) * 100));
          }
        }),
      );
    }
    expect(formulas).toBeGreaterThan(50);
  });
});
