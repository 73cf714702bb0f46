import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { UnitSummary } from '../../core/batch/unit-check';

/** One row of the batch report: a unit that was read, or a file that could not be. */
export type BatchRow =
  | { file: string; ok: true; summary: UnitSummary; exportNote?: string }
  | { file: string; ok: false; reason: string };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };

interface Column {
  header: string;
  width: number;
  amount?: boolean;
}

type Cell = string | number | null;

/**
 * One sheet written row by row and committed: the streaming writer keeps no cell model, so a county whose units
 * carry hundreds of thousands of findings is written in one pass instead of building (and styling) every cell first.
 * Only the header row and the amount columns carry a style; the filter covers every row written.
 */
function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly Column[], rows: Iterable<Cell[]>): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.columns = columns.map((c) => ({ width: c.width, ...(c.amount ? { style: { numFmt: '0.00' } } : {}) }));
  const head = ws.addRow(columns.map((c) => c.header));
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  head.commit();
  let count = 1;
  for (const values of rows) {
    ws.addRow(values).commit();
    count += 1;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: count, column: columns.length } };
  ws.commit();
}

const SUMMARY: Column[] = [
  { header: '文件', width: 36 }, { header: '单位', width: 28 }, { header: '年度', width: 7 }, { header: '模板', width: 18 },
  { header: '收支总计', width: 12, amount: true }, { header: '财政拨款', width: 12, amount: true }, { header: '“三公”经费', width: 12, amount: true },
  { header: '金额单位', width: 8 }, { header: '错误', width: 6 }, { header: '提示', width: 6 }, { header: '导入问题', width: 8 },
  { header: '第一个错误', width: 60 }, { header: '导出', width: 24 },
];
const FINDINGS: Column[] = [
  { header: '文件', width: 36 }, { header: '单位', width: 24 }, { header: '类别', width: 6 }, { header: '规则', width: 22 },
  { header: '表', width: 10 }, { header: '行', width: 14 }, { header: '列', width: 14 }, { header: '说明', width: 80 },
];
const UNREADABLE: Column[] = [{ header: '文件', width: 40 }, { header: '原因', width: 80 }];

function* summaryRows(rows: readonly BatchRow[]): Iterable<Cell[]> {
  for (const r of rows) {
    if (!r.ok) {
      yield [r.file, '', '', '', null, null, null, '', '', '', '', `无法读取：${r.reason}`, ''];
      continue;
    }
    const s = r.summary;
    yield [r.file, s.unit, s.year, s.templateId, s.total / 100, s.fiscal / 100, s.sangong / 100, s.amountUnit, s.errors, s.warnings, s.importIssues, s.firstError, r.exportNote ?? ''];
  }
}

function* findingRows(rows: readonly BatchRow[]): Iterable<Cell[]> {
  for (const r of rows) {
    if (!r.ok) continue;
    for (const f of r.summary.findings) yield [r.file, r.summary.unit, f.severity === 'error' ? '错误' : '提示', f.rule, f.table, f.row, f.column, f.message];
  }
}

function* unreadableRows(rows: readonly BatchRow[]): Iterable<Cell[]> {
  for (const r of rows) if (!r.ok) yield [r.file, r.reason];
}

/**
 * The summary workbook a finance bureau reads: 汇总 (one row per file), 审核结果 (every finding, with filters) and
 * 无法读取 (files that could not be read, and why). Amounts are numbers in the units' amount unit.
 */
export async function batchReportWorkbook(rows: readonly BatchRow[]): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  // Shared strings: file and unit names repeat on every finding of a unit, and rule names across units.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  writeSheet(wb, '汇总', SUMMARY, summaryRows(rows));
  writeSheet(wb, '审核结果', FINDINGS, findingRows(rows));
  writeSheet(wb, '无法读取', UNREADABLE, unreadableRows(rows));
  await wb.commit();
  await ended;
  const out = Buffer.concat(chunks);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
