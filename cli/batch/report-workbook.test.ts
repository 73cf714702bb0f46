import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { batchReportWorkbook, type BatchRow } from './report-workbook';

const unit = (i: number, findings: number): BatchRow => ({
  file: `报送/乡镇/单位${i}.ysgk`, ok: true,
  summary: {
    unit: `某县第${i}卫生院`, year: 2024, templateId: 'xj-dept-2024-11', total: 82_450 + i, fiscal: 80_000, sangong: 150, amountUnit: '万元',
    errors: findings ? 1 : 0, warnings: Math.max(0, findings - 1), importIssues: 0, firstError: findings ? '表3 合计 ≠ 基本支出 + 项目支出' : '',
    findings: Array.from({ length: findings }, (_, k) => ({
      severity: k === 0 ? 'error' as const : 'warning' as const, rule: 't3-row', table: '表3', row: '2101501', column: '合计', message: `表3 2101501 行政单位医疗：第${k + 1}处不符`,
    })),
  },
});

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe('the batch report workbook', () => {
  it('reads back with its three sheets, Chinese text, frozen headers, filters over every row and amounts as numbers', async () => {
    const rows: BatchRow[] = [unit(1, 3), { file: '报送/损坏.xlsx', ok: false, reason: '文件内容异常，无法读取（可能已损坏）' }, unit(2, 0)];
    const wb = await read(await batchReportWorkbook(rows));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '审核结果', '无法读取']);

    const summary = wb.getWorksheet('汇总')!;
    expect(values(summary, 1)).toEqual(['文件', '单位', '年度', '模板', '收支总计', '财政拨款', '“三公”经费', '金额单位', '错误', '提示', '导入问题', '第一个错误', '导出']);
    expect(summary.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(values(summary, 2).slice(0, 9)).toEqual(['报送/乡镇/单位1.ysgk', '某县第1卫生院', 2024, 'xj-dept-2024-11', 824.51, 800, 1.5, '万元', 1]);
    expect(summary.getRow(2).getCell(5).numFmt).toBe('0.00');
    expect(values(summary, 3)[11]).toBe('无法读取：文件内容异常，无法读取（可能已损坏）');
    expect(summary.rowCount).toBe(4);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const findings = wb.getWorksheet('审核结果')!;
    expect(findings.rowCount).toBe(4);
    expect(values(findings, 2)).toEqual(['报送/乡镇/单位1.ysgk', '某县第1卫生院', '错误', 't3-row', '表3', '2101501', '合计', '表3 2101501 行政单位医疗：第1处不符']);
    expect(values(findings, 4)[2]).toBe('提示');

    expect(values(wb.getWorksheet('无法读取')!, 2)).toEqual(['报送/损坏.xlsx', '文件内容异常，无法读取（可能已损坏）']);
    const filters = wb.worksheets.map((w) => w.autoFilter);
    expect(filters).toEqual(['A1:M4', 'A1:H4', 'A1:B2']);
  });

  it('writes a county’s worth of findings in one pass, each unit’s rows in order', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => unit(i, 50));
    const wb = await read(await batchReportWorkbook(rows));
    const findings = wb.getWorksheet('审核结果')!;
    expect(findings.rowCount).toBe(1 + 200 * 50);
    expect(values(findings, 1 + 200 * 50)[7]).toBe('表3 2101501 行政单位医疗：第50处不符');
    expect(findings.autoFilter).toBe(`A1:H${1 + 200 * 50}`);
  });
});
