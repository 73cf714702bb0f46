import ExcelJS from 'exceljs';
import type { UnitSummary } from '../../core/batch/unit-check';

/** One row of the batch report: a unit that was read, or a file that could not be. */
export type BatchRow =
  | { file: string; ok: true; summary: UnitSummary; exportNote?: string }
  | { file: string; ok: false; reason: string };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number; amount?: boolean }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.amount ? { style: { numFmt: '0.00' } } : {}) }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.eachCell((cell) => { cell.fill = HEADER_FILL; cell.alignment = { vertical: 'middle', wrapText: true }; });
  return ws;
}

/**
 * The summary workbook a finance bureau reads: 汇总 (one row per file), 审核结果 (every finding, with filters) and
 * 无法读取 (files that could not be read, and why). Amounts are numbers in the units' amount unit.
 */
export async function batchReportWorkbook(rows: readonly BatchRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const summary = sheet(wb, '汇总', [
    { header: '文件', width: 36 }, { header: '单位', width: 28 }, { header: '年度', width: 7 }, { header: '模板', width: 18 },
    { header: '收支总计', width: 12, amount: true }, { header: '财政拨款', width: 12, amount: true }, { header: '“三公”经费', width: 12, amount: true },
    { header: '金额单位', width: 8 }, { header: '错误', width: 6 }, { header: '提示', width: 6 }, { header: '导入问题', width: 8 },
    { header: '第一个错误', width: 60 }, { header: '导出', width: 24 },
  ]);
  const findings = sheet(wb, '审核结果', [
    { header: '文件', width: 36 }, { header: '单位', width: 24 }, { header: '类别', width: 6 }, { header: '规则', width: 22 },
    { header: '表', width: 10 }, { header: '行', width: 14 }, { header: '列', width: 14 }, { header: '说明', width: 80 },
  ]);
  const unreadable = sheet(wb, '无法读取', [{ header: '文件', width: 40 }, { header: '原因', width: 80 }]);
  for (const r of rows) {
    if (!r.ok) {
      unreadable.addRow([r.file, r.reason]);
      summary.addRow([r.file, '', '', '', null, null, null, '', '', '', '', `无法读取：${r.reason}`, '']);
      continue;
    }
    const s = r.summary;
    summary.addRow([r.file, s.unit, s.year, s.templateId, s.total / 100, s.fiscal / 100, s.sangong / 100, s.amountUnit, s.errors, s.warnings, s.importIssues, s.firstError, r.exportNote ?? '']);
    for (const f of s.findings) findings.addRow([r.file, s.unit, f.severity === 'error' ? '错误' : '提示', f.rule, f.table, f.row, f.column, f.message]);
  }
  summary.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, summary.rowCount), column: 13 } };
  findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, findings.rowCount), column: 8 } };
  unreadable.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, unreadable.rowCount), column: 2 } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
