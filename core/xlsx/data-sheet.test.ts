import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createSampleDocument } from '../sample/sample-inputs';
import { getBuiltinTemplateSet } from '../template/registry';
import { parseDocument, serializeDocument } from '../file';
import { DATA_SHEET_IGNORED, DATA_SHEET_NAME, readDataSheetChecked } from './data-sheet';
import { exportXlsx } from './export-xlsx';
import { importXlsx } from './import-xlsx';
import { checkDocument } from '../checks/check-document';

const set2024 = () => getBuiltinTemplateSet('xj-dept-2024-11')!;

/** Our own export of the sample, with its data sheet payload replaced by what `edit` makes of it. */
async function tamperedExport(edit: (payload: Record<string, unknown>) => unknown): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportXlsx(createSampleDocument(), set2024())) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(DATA_SHEET_NAME)!;
  let json = '';
  for (let r = 2; r <= ws.rowCount; r++) json += String(ws.getCell(`A${r}`).value ?? '');
  const replaced = edit(JSON.parse(json) as Record<string, unknown>);
  const text = typeof replaced === 'string' ? replaced : JSON.stringify(replaced);
  for (let r = 2; r <= ws.rowCount; r++) ws.getCell(`A${r}`).value = null;
  for (let i = 0, r = 2; i < text.length; i += 30_000, r++) ws.getCell(`A${r}`).value = text.slice(i, i + 30_000);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function importedAndReopened(bytes: Uint8Array) {
  const result = await importXlsx(bytes);
  if (!result.ok) throw new Error(result.message);
  const reopened = parseDocument(serializeDocument(result.document));
  return { result, reopened };
}

describe('the hidden data sheet is validated through the document schema', () => {
  it('ignores a data sheet whose meta.unitName is a number, says so, and the document saves and opens again', async () => {
    const bytes = await tamperedExport((p) => ({ ...p, meta: { ...(p.meta as object), unitName: 5 } }));
    const { result, reopened } = await importedAndReopened(bytes);
    expect(result.report.ownExport).toBe(false);
    expect(result.report.issues.map((i) => i.message)).toContain(DATA_SHEET_IGNORED);
    expect(reopened.ok).toBe(true);
    // The visible tables still came in.
    expect(result.document.tables.t1.rows.length).toBeGreaterThan(0);
  });

  it('ignores unknown fields, a wrong amount and a row without an id', async () => {
    for (const edit of [
      (p: Record<string, unknown>) => ({ ...p, extra: 1 }),
      (p: Record<string, unknown>) => ({ ...p, priorYear: { 'income.gpb': 1.5 } }),
      (p: Record<string, unknown>) => ({ ...p, rows: { t7: [{ code: '2080505' }] } }),
      () => '{"format":"budget-disclosure-xlsx"',
    ]) {
      const { result, reopened } = await importedAndReopened(await tamperedExport(edit));
      expect(result.report.issues.map((i) => i.message)).toContain(DATA_SHEET_IGNORED);
      expect(reopened.ok).toBe(true);
    }
  });

  it('ignores 100,000 nested arrays inside inputs without overflowing the stack', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const bytes = await tamperedExport((p) => JSON.stringify(p).replace('"inputs":{', `"inputs":{"deep":${deep},`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(readDataSheetChecked(wb).kind).toBe('invalid');
    const { result, reopened } = await importedAndReopened(bytes);
    expect(result.report.issues.map((i) => i.message)).toContain(DATA_SHEET_IGNORED);
    expect(reopened.ok).toBe(true);
  });

  it('keeps restoring a valid data sheet (our own export) and cleans the texts it brings back', async () => {
    // JSON escapes: the data sheet's cell itself stays valid XML, the decoded text carries the characters.
    const named = (p: Record<string, unknown>) => JSON.stringify({ ...p, meta: { ...(p.meta as object), unitName: '乌尔禾区\u000b医保局\uffff' } }).replace('\uffff', '\\uffff');
    const bytes = await tamperedExport(named);
    const result = await importXlsx(bytes);
    if (!result.ok) throw new Error(result.message);
    expect(result.report.ownExport).toBe(true);
    expect(result.document.meta.unitName).toBe('乌尔禾区\n医保局');
    expect(result.report.issues.map((i) => i.message)).not.toContain(DATA_SHEET_IGNORED);
  });

  it('a unit name over 32,767 characters in the data sheet is imported as it is, reported, and flagged as a 错误', async () => {
    const bytes = await tamperedExport((p) => ({ ...p, meta: { ...(p.meta as object), unitName: '若'.repeat(40_000) } }));
    const result = await importXlsx(bytes);
    if (!result.ok) throw new Error(result.message);
    expect(result.document.meta.unitName).toHaveLength(40_000);
    expect(result.report.issues.some((i) => i.message.startsWith('单位名称有 40000 个字符'))).toBe(true);
    const found = checkDocument(result.document, set2024()).filter((f) => f.rule === 'text.too-long');
    expect(found.map((f) => f.severity)).toEqual(['error']);
    expect(found[0].message).toMatch(/^单位名称有 40000 个字符，超过了 Excel 单元格最多 32767 个字符的限制/);
    await expect(exportXlsx(result.document, set2024())).rejects.toThrow(/^无法导出：单位名称/);
  });
});
