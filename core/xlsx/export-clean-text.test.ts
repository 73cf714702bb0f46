import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { createSampleDocument } from '../sample/sample-inputs';
import { getBuiltinTemplateSet } from '../template/registry';
import { exportXlsx } from './export-xlsx';
import { importXlsx } from './import-xlsx';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;

async function xmlErrors(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const parser = new SaxesParser();
    parser.on('error', (e) => out.push(`${name}: ${e.message}`));
    parser.write(await zip.file(name)!.async('string')).close();
  }
  return out;
}

/** Every string cell value of every sheet (a merged cell's copies included). */
async function strings(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
    if (typeof c.value === 'string') out.push(c.value);
  })));
  return out;
}

describe('xlsx: texts XML cannot carry', () => {
  it('U+FFFE/U+FFFF and control characters in names: the workbook is well-formed and opens', async () => {
    const doc = createSampleDocument();
    doc.meta.unitName = '若羌县\ufffe医疗保障局\uffff';
    doc.meta.compiler = '医保局\u0001';
    doc.tables.t7.rows.find((r) => r.id === 'p1')!.name = '城乡居民\u000b基本医疗保险\u0000';
    doc.tables.t3.note = '注：\u000c本表';
    const bytes = await exportXlsx(doc, template);
    expect(await xmlErrors(bytes)).toEqual([]);
    const texts = await strings(bytes);
    expect(texts).toContain('城乡居民\n基本医疗保险');
    expect(texts.some((t) => t.includes('医保局\u0001'))).toBe(false);
    expect(doc.meta.unitName).toBe('若羌县\ufffe医疗保障局\uffff'); // the caller's document is not touched
  });

  it('a VT typed in Word and pasted into Excel (written as _x000B_) imports as a line break', async () => {
    const doc = createSampleDocument();
    doc.tables.t7.rows.find((r) => r.id === 'p1')!.name = '城乡居民\n基本医疗保险';
    // What Excel writes for a VT: the escape _x000B_ in the shared string (exceljs decodes it to U+000B).
    const zip = await JSZip.loadAsync(await exportXlsx(doc, template));
    const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(shared).toContain('城乡居民\n基本医疗保险');
    zip.file('xl/sharedStrings.xml', shared.replace('城乡居民\n基本医疗保险', '城乡居民_x000B_基本医疗保险'));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const result = await importXlsx(bytes);
    if (!result.ok) throw new Error(result.message);
    expect(result.document.tables.t7.rows.find((r) => r.id === 'p1')!.name).toBe('城乡居民\n基本医疗保险');
  });

  it('a note over 32,767 characters refuses the export, naming the table', async () => {
    const doc = createSampleDocument();
    doc.tables.t3.note = '注'.repeat(40_000);
    await expect(exportXlsx(doc, template)).rejects.toThrow(/^无法导出：表3 表注（40000 个字符）/);
  });
});
