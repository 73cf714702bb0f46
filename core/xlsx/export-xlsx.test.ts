import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { docFor, fixedTable, testSet, withRows } from '../testing/builders';
import { exportXlsx } from './export-xlsx';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The body of the first sheet: row label → the cell of column B (value or formula with its result). */
function body(ws: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue> {
  const out = new Map<string, ExcelJS.CellValue>();
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string') out.set(label, row.getCell(2).value);
  });
  return out;
}

describe('Excel export with formulas', () => {
  it('subtracts a row the set subtracts, and writes a plain figure where the formula would not give it', async () => {
    const set = testSet([fixedTable('t1', ['gross', 'refund', 'net = gross - refund', 'odd = gross + refund'], ['amount'])], { id: 'minus-set' });
    const doc = docFor('minus-set');
    withRows(doc, 't1', [['gross', { amount: '10.00' }], ['refund', { amount: '2.50' }], ['net', { amount: '7.50' }], ['odd', { amount: '99.00' }]]);
    const cells = body((await load(await exportXlsx(doc, set, { formulas: true }))).worksheets[0]);
    const net = cells.get('net') as ExcelJS.CellFormulaValue;
    expect(net.formula).toMatch(/^B\d+-B\d+$/);
    expect(net.result).toBe(7.5);
    // 99.00 is not 10.00 + 2.50: written as the officer's figure, never as a formula with a wrong result.
    expect(cells.get('odd')).toBe(99);
  });
});
