import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createSampleDocument } from '../sample/sample-inputs';
import { getBuiltinTemplateSet } from '../template/registry';
import type { TemplateSet } from '../template/template.schema';
import { exportXlsx } from './export-xlsx';
import { importXlsx } from './import-xlsx';

/**
 * A table's display unit the other way round from the Shanghai set: a document in 万元 whose set prints its 三公
 * table in 元. Excel prints that table ×10,000; import reads it back to 万元 with 舍位平衡 and says so in the report.
 */
describe('a table printed in 元 within a document in 万元', () => {
  const base = getBuiltinTemplateSet('xj-dept-2024-11')!;
  const set: TemplateSet = {
    ...base,
    id: 'test-sangong-yuan',
    tables: base.tables.map((t) => (t.role === 'sangong' ? { ...t, amountUnit: '元' as const } : t)),
  };
  const sangong = set.tables.find((t) => t.role === 'sangong')!;

  it('prints that table in 元 and imports it back to the same 万元 figures, with a note in the report', async () => {
    const doc = createSampleDocument();
    doc.meta.templateId = set.id;
    const bytes = await exportXlsx(doc, set);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.worksheets.find((w) => w.getCell('A1').value === sangong.no)!;
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain('单位：元');
    const total = doc.tables[sangong.id].rows.find((r) => r.id === 'total')!.values.total!;
    expect(cells).toContain(total * 100); // hundredths of 万元 × 10,000 ÷ 100 = 元
    const back = await importXlsx(bytes, { templates: [set], templateId: set.id });
    if (!back.ok) throw new Error(back.message);
    for (const t of set.tables) {
      expect(back.document.tables[t.id].rows.map((r) => [r.id, r.values]), t.no).toEqual(doc.tables[t.id].rows.map((r) => [r.id, r.values]));
    }
    expect(back.report.issues.map((i) => i.message)).toContain(`${sangong.no}按模板以元列示，已读取并换算为万元（舍位平衡）`);
  });
});
