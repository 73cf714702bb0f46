/**
 * Batch benchmark (a county's disclosures at once): 1,000 generated unit documents of mixed size (10–300 rows per
 * coded table) checked by `batch` with the default jobs (goal ≤ 60 s on 2 cores, peak memory reported); the same
 * 1,000 as .xlsx (goal ≤ 180 s); the summary workbook for 1,000 units (goal ≤ 5 s); merging 100 units is
 * bench/merge.bench.ts. Runs the command in this process so the resident memory sampled here includes its worker
 * threads. Run: npx tsx bench/batch.bench.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBuiltinTemplateSet } from '../core/template/registry';
import { serializeDocument } from '../core/file/serialize';
import { exportXlsx } from '../core/xlsx/export-xlsx';
import { batchReportWorkbook, type BatchRow } from '../cli/batch/report-workbook';
import { run } from '../cli/main';
import { bigDocument, seededRandom } from './support';

const UNITS = Number(process.env.BATCH_UNITS ?? 1000);
const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
const quietIo = (cwd: string) => ({ cwd, out: () => undefined, err: (t: string) => process.stderr.write(`${t}\n`) });

function unitDocuments() {
  const rand = seededRandom(7);
  const docs = [];
  let rows = 0;
  for (let i = 0; i < UNITS; i++) {
    // 10–300 rows: lei × (1 + kuan × (1 + xiang)) with small random shapes.
    let shape: { lei: number; kuan: number; xiang: number };
    do shape = { lei: 1 + rand(5), kuan: 1 + rand(5), xiang: 1 + rand(14) };
    while (shape.lei * (1 + shape.kuan * (1 + shape.xiang)) > 300 || shape.lei * (1 + shape.kuan * (1 + shape.xiang)) < 10);
    const doc = bigDocument(template, { ...shape, seed: i + 1, tables: ['t3', 't5'] });
    doc.meta.unitName = `单位${String(i).padStart(4, '0')}`;
    rows += doc.tables.t3!.rows.length;
    docs.push(doc);
  }
  return { docs, meanRows: Math.round(rows / UNITS) };
}

async function timedBatch(dir: string, folder: string): Promise<{ ms: number; peakRssMb: number; exit: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const t0 = performance.now();
  const exit = await run(['batch', folder, '--report', `${folder}-汇总.xlsx`, '--all'], quietIo(dir));
  const ms = Math.round(performance.now() - t0);
  clearInterval(timer);
  return { ms, peakRssMb: Math.round(peak / 1024 / 1024), exit };
}

const dir = mkdtempSync(join(tmpdir(), 'bd-batch-bench-'));
try {
  const { docs, meanRows } = unitDocuments();
  const ysgkDir = join(dir, 'ysgk');
  const xlsxDir = join(dir, 'xlsx');
  (await import('node:fs')).mkdirSync(ysgkDir);
  (await import('node:fs')).mkdirSync(xlsxDir);
  for (const [i, d] of docs.entries()) writeFileSync(join(ysgkDir, `u${i}.ysgk`), serializeDocument(d));
  for (const [i, d] of docs.entries()) writeFileSync(join(xlsxDir, `u${i}.xlsx`), await exportXlsx(d, template));

  const ysgk = await timedBatch(dir, 'ysgk');
  const xlsx = await timedBatch(dir, 'xlsx');

  const rows: BatchRow[] = Array.from({ length: 1000 }, (_, i) => ({
    file: `u${i}.ysgk`, ok: true,
    summary: {
      unit: `单位${i}`, year: 2024, templateId: template.id, total: 1_000_000 + i, fiscal: 900_000, sangong: 1_000, amountUnit: '万元',
      errors: 2, warnings: 3, importIssues: 0, firstError: '表3 合计 ≠ 基本支出 + 项目支出',
      findings: Array.from({ length: 5 }, (_, k) => ({ severity: k < 2 ? 'error' as const : 'warning' as const, rule: 'r', table: '表3', row: '2010101', column: '合计', message: '示例' })),
    },
  }));
  const t0 = performance.now();
  await batchReportWorkbook(rows);
  const reportMs = Math.round(performance.now() - t0);

  console.log(JSON.stringify({
    units: UNITS,
    meanRowsPerCodedTable: meanRows,
    jobs: availableParallelism(),
    ysgkBatchMs: ysgk.ms, ysgkGoalMs: 60_000, ysgkPeakRssMb: ysgk.peakRssMb,
    xlsxBatchMs: xlsx.ms, xlsxGoalMs: 180_000, xlsxPeakRssMb: xlsx.peakRssMb,
    summaryWorkbook1000Ms: reportMs, summaryWorkbookGoalMs: 5_000,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
