import { describe, expect, it } from 'vitest';
import { importCodeListXlsx } from './import-code-list';
import { workbookBytes } from './testing/workbook-builders';

const opts = { classification: 'functional' as const, year: 2025 };

describe('classification list from Excel', () => {
  it('reads code and name columns found by their headers, codes as numbers or text', async () => {
    const bytes = await workbookBytes([
      {
        top: [['2025年政府收支分类科目（支出功能分类）']],
        header: [['序号', '科目编码', '科目名称']],
        body: [
          [1, 208, '社会保障和就业支出'],
          [2, '20805', '行政事业单位养老支出'],
          [3, 2080505, '机关事业单位基本养老保险缴费支出'],
        ],
      },
    ]);
    const r = await importCodeListXlsx(bytes, opts);
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([
      { code: '208', name: '社会保障和就业支出', years: [2025] },
      { code: '20805', name: '行政事业单位养老支出', years: [2025] },
      { code: '2080505', name: '机关事业单位基本养老保险缴费支出', years: [2025] },
    ]);
  });

  it('reads "[2080505]名称" in one column without a header', async () => {
    const bytes = await workbookBytes([{ top: [], header: [], body: [['[208]社会保障和就业支出'], ['[20805]行政事业单位养老支出']] }]);
    const r = await importCodeListXlsx(bytes, opts);
    expect(r.entries.map((e) => e.code)).toEqual(['208', '20805']);
  });

  it('reports bad rows with the sheet row number, using the CSV import validation', async () => {
    const bytes = await workbookBytes([
      {
        sheet: '科目',
        top: [],
        header: [['编码', '名称']],
        body: [
          ['208', '社会保障和就业支出'],
          ['2080', '长度不对'],
          ['20805', null],
        ],
      },
    ]);
    const r = await importCodeListXlsx(bytes, opts);
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatch(/^工作表“科目”第3行：.*“\d+”是4位，不是有效的科目编码/);
    expect(r.errors[1]).toMatch(/^工作表“科目”第4行：.*缺少名称/);
    expect(r.entries.map((e) => e.code)).toEqual(['208']);
  });

  it('refuses a file that is not a workbook', async () => {
    const r = await importCodeListXlsx(new TextEncoder().encode('208,社会保障和就业支出'), opts);
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toContain('不是 Excel 工作簿');
  });
});
