/**
 * Batch benchmark (a county's disclosures at once): 1,000 generated unit documents of mixed size (10–300 rows per
 * coded table) checked by `batch` with the default jobs (goal ≤ 60 s on 2 cores, peak memory reported); the same
 * 1,000 as .xlsx (goal ≤ 180 s); the summary workbook for 1,000 units (goal ≤ 5 s); merging 100 units is
 * bench/merge.bench.ts. The units are a county's (bench/support.ts countyUnits: complete, consistent documents, one
 * in twenty faulty). Also reported, apart: 1,000 incomplete units (表3 and 表5 only, some 300 findings each), whose
 * 300,000-row findings sheet measures the report writer. Runs the command in this process so the resident memory
 * sampled here includes its worker threads. Run: npx tsx bench/batch.bench.ts (BATCH_INCOMPLETE=0 skips the
 * incomplete units).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBuiltinTemplateSet } from '../core/template/registry';
import { serializeDocument } from '../core/file/serialize';
import { exportXlsx } from '../core/xlsx/export-xlsx';
import type { BudgetDocument } from '../core/document/document';
import { batchReportWorkbook, type BatchRow } from '../cli/batch/report-workbook';
import { run } from '../cli/main';
import { bigDocument, countyUnits, seededRandom } from './support';

const UNITS = Number(process.env.BATCH_UNITS ?? 1000);
const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
const quietIo = (cwd: string) => ({ cwd, out: () => undefined, err: (t: string) => process.stderr.write(`${t}\n`) });
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** The units measured before countyUnits: 表3 and 表5 only, so every other table's checks fail on each. */
function incompleteUnits(): BudgetDocument[] {
  const rand = seededRandom(7);
  const docs = [];
  for (let i = 0; i < UNITS; i++) {
    // 10–300 rows: lei × (1 + kuan × (1 + xiang)) with small random shapes.
    let shape: { lei: number; kuan: number; xiang: number };
    do shape = { lei: 1 + rand(5), kuan: 1 + rand(5), xiang: 1 + rand(14) };
    while (shape.lei * (1 + shape.kuan * (1 + shape.xiang)) > 300 || shape.lei * (1 + shape.kuan * (1 + shape.xiang)) < 10);
    const doc = bigDocument(template, { ...shape, seed: i + 1, tables: ['t3', 't5'] });
    doc.meta.unitName = `单位${String(i).padStart(4, '0')}`;
    docs.push(doc);
  }
  return docs;
}

/** One `batch` run over a folder: wall time, peak resident memory, exit code and the rows of its findings sheet. */
async function timedBatch(dir: string, folder: string): Promise<{ ms: number; peakRssMb: number; exit: number; findingRows: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const out: string[] = [];
  const t0 = performance.now();
  const exit = await run(['batch', folder, '--report', `${folder}-汇总.xlsx`, '--all', '--json'], { ...quietIo(dir), out: (t: string) => out.push(t) });
  const ms = Math.round(performance.now() - t0);
  clearInterval(timer);
  const files = (JSON.parse(out.join('\n')) as { files: { errors?: number; warnings?: number }[] }).files;
  const findingRows = files.reduce((s, f) => s + (f.errors ?? 0) + (f.warnings ?? 0), 0);
  return { ms, peakRssMb: Math.round(peak / 1024 / 1024), exit, findingRows };
}

const dir = mkdtempSync(join(tmpdir(), 'bd-batch-bench-'));
try {
  const { docs, faulty, meanRows } = countyUnits(UNITS, 7);
  const ysgkDir = join(dir, 'ysgk');
  const xlsxDir = join(dir, 'xlsx');
  mkdirSync(ysgkDir);
  mkdirSync(xlsxDir);
  for (const [i, d] of docs.entries()) writeFileSync(join(ysgkDir, `u${i}.ysgk`), serializeDocument(d));
  for (const [i, d] of docs.entries()) writeFileSync(join(xlsxDir, `u${i}.xlsx`), await exportXlsx(d, template));

  const loadBefore = load();
  const ysgk = await timedBatch(dir, 'ysgk');
  const xlsx = await timedBatch(dir, 'xlsx');
  const loadAfter = load();

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

  let incomplete: Record<string, number> | undefined;
  if (process.env.BATCH_INCOMPLETE !== '0') {
    const incompleteDir = join(dir, 'incomplete');
    mkdirSync(incompleteDir);
    for (const [i, d] of incompleteUnits().entries()) writeFileSync(join(incompleteDir, `u${i}.ysgk`), serializeDocument(d));
    const r = await timedBatch(dir, 'incomplete');
    incomplete = { ysgkBatchMs: r.ms, peakRssMb: r.peakRssMb, findingRows: r.findingRows };
  }

  console.log(JSON.stringify({
    units: UNITS,
    meanRowsPerCodedTable: meanRows,
    faultyUnits: faulty,
    jobs: availableParallelism(),
    ysgkBatchMs: ysgk.ms, ysgkGoalMs: 60_000, ysgkPeakRssMb: ysgk.peakRssMb, ysgkFindingRows: ysgk.findingRows,
    xlsxBatchMs: xlsx.ms, xlsxGoalMs: 180_000, xlsxPeakRssMb: xlsx.peakRssMb,
    summaryWorkbook1000Ms: reportMs, summaryWorkbookGoalMs: 5_000,
    ...(incomplete ? { incompleteUnits: incomplete } : {}),
    loadAverage: { beforeBatches: loadBefore, afterBatches: loadAfter, end: load() },
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
