import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { BudgetDocument } from '../document/document';
import { getBuiltinTemplateSet } from '../template/registry';
import { orgDocument2021 as orgDoc, ORG_DOC_NOTES } from '../testing/org-builders';
import { DATA_SHEET_NAME, readDataSheet } from './data-sheet';
import { exportXlsx } from './export-xlsx';
import { importXlsx } from './import-xlsx';

const set2021 = () => getBuiltinTemplateSet('xj-unit-2021-9')!;
async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every row of a sheet as printed strings (numbers with their 0.00 format, blank as ""). */
function printedRows(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : typeof v === 'number' ? v.toFixed(2) : String(v));
    }
    out.push(cells);
  });
  return out;
}

const sheet = (wb: ExcelJS.Workbook, prefix: string) => wb.worksheets.find((w) => w.name.startsWith(prefix))!;

const { t3: NOTE3, t9: NOTE9 } = ORG_DOC_NOTES;

describe('Excel export of organisation rows, table notes and the document blank-zero setting', () => {
  it('prints 合计 / 部门 / 单位 / codes in row order, names in the name column and code cells blank', async () => {
    const wb = await load(await exportXlsx(orgDoc(), set2021()));
    const rows = printedRows(sheet(wb, '表三'));
    const at = rows.findIndex((r) => r[3] === '合计');
    expect(rows.slice(at, at + 4).map((r) => r.slice(0, 5))).toEqual([
      ['', '', '', '合计', '50.64'],
      ['', '', '', '医保局', '50.64'],
      ['', '', '', '【040001】乌尔禾区医保局', '50.64'],
      ['208', '', '', '社会保障和就业支出', '2.70'],
    ]);
    // 表六 has one combined code column: the 单位 row's name sits in the name column, its code cell is blank.
    const six = printedRows(sheet(wb, '表六'));
    const unitRow = six.find((r) => r[1] === '[040001]乌尔禾区医保局');
    expect(unitRow?.slice(0, 3)).toEqual(['', '[040001]乌尔禾区医保局', '15.96']);
    // Bold like the 合计 line: they are subtotals.
    const ws = sheet(wb, '表三');
    expect(ws.getRow(at + 2).getCell(4).font?.bold).toBe(true);
  });

  it('prints a table note under the data, and a table\'s own note instead of the template\'s 空表 note', async () => {
    const wb = await load(await exportXlsx(orgDoc(), set2021()));
    const three = printedRows(sheet(wb, '表三'));
    const printed = three.map((r, i) => (r.some((c) => c !== '') ? i : -1));
    const last = Math.max(...printed);
    expect(three[last][0]).toBe(NOTE3);
    expect(three[last - 1][3]).not.toBe('');
    const nine = printedRows(sheet(wb, '表九')).flat();
    expect(nine).toContain(NOTE9);
    expect(nine.some((c) => c.includes('没有使用政府性基金预算拨款安排的支出'))).toBe(false);
    // Without its own note an empty table keeps the template's 空表 note.
    const seven = printedRows(sheet(wb, '表七')).flat();
    expect(seven.some((c) => c.includes('没有使用一般公共预算拨款安排的项目支出'))).toBe(true);
  });

  it('follows the document: 0.00 when blankZero is false, blank when true, the template default when absent', async () => {
    const zeroOf = async (doc: BudgetDocument) => {
      const ws = sheet(await load(await exportXlsx(doc, set2021())), '表三');
      const row = printedRows(ws).find((r) => r[3] === '机关事业单位基本养老保险缴费支出');
      return row?.[6]; // 项目支出 of 2080505 is zero
    };
    expect(await zeroOf(orgDoc(false))).toBe('0.00');
    expect(await zeroOf(orgDoc(true))).toBe('');
    expect(await zeroOf(orgDoc())).toBe('0.00'); // the 2021 set prints 0.00
    // The option still overrides the document.
    const ws = sheet(await load(await exportXlsx(orgDoc(false), set2021(), { blankZero: true })), '表三');
    expect(printedRows(ws).find((r) => r[3] === '机关事业单位基本养老保险缴费支出')?.[6]).toBe('');
  });

  it('keeps org and unit of every row in the hidden data sheet, and formulas leave organisation rows out', async () => {
    const doc = orgDoc(true);
    const wb = await load(await exportXlsx(doc, set2021(), { formulas: true }));
    const payload = readDataSheet(wb);
    expect(wb.getWorksheet(DATA_SHEET_NAME)?.state).toBe('veryHidden');
    expect(payload?.meta.blankZero).toBe(true);
    expect(payload?.rows.t3.slice(0, 4)).toEqual([
      { id: 'total' },
      { id: 'org1', name: '医保局', org: 'department' },
      { id: 'org2', name: '【040001】乌尔禾区医保局', org: 'unit', unit: 'org1' },
      { id: '208', code: '208', name: '社会保障和就业支出', unit: 'org2' },
    ]);
    // 合计 = Σ 类 rows (not the org rows, which would count every figure twice).
    const ws = sheet(wb, '表三');
    const rows = printedRows(ws);
    const total = ws.getRow(rows.findIndex((r) => r[3] === '合计') + 1).getCell(5).value as ExcelJS.CellFormulaValue;
    expect(total.formula.split('+')).toHaveLength(2);
    expect(total.result).toBeCloseTo(50.64);
  });

  it('imports back to the identical document (organisation rows, notes, blank-zero setting)', async () => {
    for (const blankZero of [undefined, true, false]) {
      const doc = orgDoc(blankZero);
      const result = await importXlsx(await exportXlsx(doc, set2021()));
      if (!result.ok) throw new Error(result.message);
      expect(result.document).toEqual(doc);
    }
  });
});
