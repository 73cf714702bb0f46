import { availableParallelism } from 'node:os';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { CliCommand } from '../registry';
import { CliFailure, sameFile, writeOutputs, type Output } from '../io';
import { parseImportMap, type ImportMap } from '../../core/xlsx/import-xlsx';
import { INPUT_LIMITS } from '../../core/xlsx/input-guard';
import { ioErrorMessage } from '../../node/io-errors';
import { sha256Hex } from '../../node/file-stamp';
import { collectInputs, type BatchInput } from '../../node/unit-files';
import { batchReportWorkbook, type BatchRow } from '../batch/report-workbook';
import { cachePathOf, readBatchCache, type BatchCache } from '../batch/batch-cache';
import { WorkerPool } from '../batch/worker-pool';
import { BatchProgress } from '../batch/progress';

/**
 * `batch <folders or files…> --report 汇总.xlsx [--export DIR] [--jobs N] [--template ID] [--year Y] [--map FILE]
 * [--json] [--force] [--all]`: a finance bureau checks a whole county's disclosures at once. Every unit is read
 * (workbooks imported on the fly), checked in worker threads and summarised in one workbook; with --export each
 * unit's Excel and Word are written too (units with 错误 only with --force). A re-run re-checks only files whose
 * content changed since the last report, unless --all. Ctrl+C stops after the units in progress and still writes
 * the report of what was done. Exit 2 if any file could not be read, else 1 if any unit has 错误, else 0.
 */
export const command: CliCommand = {
  name: 'batch',
  summary: '批量审核文件夹或多个文件（.ysgk/.xlsx），写出汇总工作簿（汇总、审核结果、无法读取），可同时导出各单位的 Excel 和 Word',
  usage: 'batch <文件夹或文件…> --report 汇总.xlsx [--export 文件夹] [--jobs N] [--template ID] [--year 2025] [--map 对应关系.json] [--json] [--force] [--all]',
  valueOptions: ['report', 'export', 'jobs', 'template', 'year', 'map'],
  flagOptions: ['json', 'force', 'all'],
  aliases: { o: 'report', j: 'jobs' },
  async run(args, io) {
    const { report, export: exportDir, jobs, template, year, map: mapFile, json, force, all } = args.options;
    if (args.positionals.length === 0) {
      io.err('请给出要审核的文件夹或文件，例如：batch 各单位报送 --report 汇总.xlsx');
      return 2;
    }
    if (typeof report !== 'string') {
      io.err('请用 --report 指定汇总工作簿，例如 --report 汇总.xlsx');
      return 2;
    }
    if (extname(report).toLowerCase() !== '.xlsx') {
      io.err(`汇总工作簿“${report}”应以 .xlsx 结尾`);
      return 2;
    }
    if (year !== undefined && (typeof year !== 'string' || !/^\d{4}$/.test(year))) {
      io.err(`年度“${String(year)}”无效，应为四位数字，如 2025`);
      return 2;
    }
    const jobCount = jobs === undefined ? availableParallelism() : Number(jobs);
    if (!Number.isInteger(jobCount) || jobCount < 1 || jobCount > 64) {
      io.err(`--jobs “${String(jobs)}”无效，应为 1 到 64 之间的整数`);
      return 2;
    }
    let map: ImportMap | undefined;
    if (typeof mapFile === 'string') {
      const text = await readFile(resolve(io.cwd, mapFile), 'utf8').catch((e: unknown) => { throw new CliFailure(ioErrorMessage('打开', mapFile, e)); });
      const parsed = parseImportMap(text);
      if (!parsed.ok) throw new CliFailure(`${mapFile}：${parsed.message}`);
      map = parsed.map;
    }

    const { inputs, missing } = await collectInputs(io.cwd, args.positionals);
    const reportFull = resolve(io.cwd, report);
    const units = inputs.filter((i) => !sameFile(io.cwd, i.full, reportFull));
    if (units.length === 0 && missing.length === 0) {
      io.err('所给的文件夹中没有 .ysgk 或 .xlsx 文件');
      return 2;
    }
    const settings = JSON.stringify({ template: template ?? null, year: year ?? null, map: map ?? null, export: typeof exportDir === 'string' ? resolve(io.cwd, exportDir) : null, force: force === true });
    const cache: BatchCache = all === true ? { version: 1, settings, files: {} } : await readBatchCache(cachePathOf(reportFull), settings);
    const next: BatchCache = { version: 1, settings, files: {} };

    const rows = new Map<string, BatchRow>();
    for (const name of missing) rows.set(name, { file: name, ok: false, reason: '文件或文件夹不存在' });
    const progress = new BatchProgress(units.length, io, json !== true);
    const pool = new WorkerPool(Math.min(jobCount, Math.max(1, units.length)));
    let stop = false;
    const onSigint = () => {
      if (stop) process.exit(130);
      stop = true;
      progress.note('正在停止：等待进行中的单位完成后写出报告（再按一次 Ctrl+C 立即退出）…');
    };
    process.on('SIGINT', onSigint);
    let skipped = 0;
    let exported = 0;
    // Units with the same file name in different folders get the folder path in their export names.
    const baseCount = new Map<string, number>();
    for (const u of units) baseCount.set(basename(u.full, extname(u.full)), (baseCount.get(basename(u.full, extname(u.full))) ?? 0) + 1);
    const exportBase = (u: BatchInput) => {
      const base = basename(u.full, extname(u.full));
      return (baseCount.get(base) ?? 0) > 1 ? u.shown.slice(0, -extname(u.shown).length).replace(/[\\/:]+/g, '_').replace(/^[._]+/, '') : base;
    };

    const one = async (input: BatchInput): Promise<void> => {
      const row = await checkOne(input, pool, cache, next, {
        options: { ...(typeof template === 'string' ? { templateId: template } : {}), ...(typeof year === 'string' ? { year: Number(year) } : {}), ...(map ? { map } : {}) },
        exports: typeof exportDir === 'string' ? { force: force === true } : undefined,
        onSkip: () => { skipped += 1; },
        // Written as each unit finishes (both files or neither), so an interrupted run keeps every finished export.
        writeExports: async (xlsx, docx) => {
          const dir = resolve(io.cwd, exportDir as string);
          await mkdir(dir, { recursive: true });
          const base = join(dir, exportBase(input));
          await writeOutputs(io.cwd, [{ path: `${base}.xlsx`, bytes: xlsx }, { path: `${base}.docx`, bytes: docx }], { overwrite: true, inputs: [input.full], action: '导出' });
          exported += 1;
        },
      });
      rows.set(input.full, row);
      progress.done(input.shown, row);
    };
    let index = 0;
    // One lane more than threads: while every thread checks, the next file is already read and hashed, so a thread
    // that finishes starts its next unit at once instead of waiting for the disk.
    const lanes = Array.from({ length: Math.min(jobCount + 1, units.length) }, async () => {
      while (!stop && index < units.length) await one(units[index++]!);
    });
    try {
      await Promise.all(lanes);
    } finally {
      process.off('SIGINT', onSigint);
      await pool.close();
      progress.finish();
    }

    const ordered = [...missing.map((m) => rows.get(m)!), ...units.map((u) => rows.get(u.full)).filter((r): r is BatchRow => r !== undefined)];
    const outputs: Output[] = [
      { path: report, bytes: await batchReportWorkbook(ordered) },
      { path: cachePathOf(report), bytes: new TextEncoder().encode(JSON.stringify(next)) },
    ];
    await writeOutputs(io.cwd, outputs, { overwrite: true, inputs: units.map((u) => u.full), action: '写入', ...(io.writeFiles ? { writeFiles: io.writeFiles } : {}) });

    const unreadable = ordered.filter((r) => !r.ok).length;
    const withErrors = ordered.filter((r) => r.ok && r.summary.errors > 0).length;
    const checked = ordered.length - missing.length;
    if (json === true) {
      io.out(JSON.stringify({
        report: reportFull, stopped: stop, files: ordered.map((r) => (r.ok
          ? { file: r.file, ok: true, unit: r.summary.unit, year: r.summary.year, template: r.summary.templateId, errors: r.summary.errors, warnings: r.summary.warnings, importIssues: r.summary.importIssues, ...(r.exportNote ? { exportNote: r.exportNote } : {}) }
          : { file: r.file, ok: false, reason: r.reason })),
      }, null, 2));
    } else {
      io.out(`${stop ? '已中断：' : ''}共 ${checked} 个文件${stop ? `（未完成 ${units.length - checked} 个）` : ''}：有错误 ${withErrors} 个，无法读取 ${unreadable} 个${skipped ? `，内容未变而沿用上次结果 ${skipped} 个` : ''}。`);
      io.out(`汇总已写入：${reportFull}`);
      if (exported) io.out(`已导出 ${exported} 个单位的 Excel 和 Word 到：${resolve(io.cwd, exportDir as string)}`);
    }
    if (stop) return 130;
    return unreadable > 0 ? 2 : withErrors > 0 ? 1 : 0;
  },
};

interface CheckOneContext {
  options: { templateId?: string; year?: number; map?: ImportMap };
  exports: { force: boolean } | undefined;
  onSkip: () => void;
  writeExports: (xlsx: Uint8Array, docx: Uint8Array) => Promise<void>;
}

async function checkOne(input: BatchInput, pool: WorkerPool, cache: BatchCache, next: BatchCache, ctx: CheckOneContext): Promise<BatchRow> {
  let bytes: Uint8Array;
  try {
    const info = await stat(input.full);
    if (info.size > INPUT_LIMITS.maxFileBytes) return { file: input.shown, ok: false, reason: `文件过大（${Math.round(info.size / 1024 / 1024)} MB），超过上限 ${INPUT_LIMITS.maxFileBytes / 1024 / 1024} MB` };
    bytes = await readFile(input.full);
  } catch (error) {
    return { file: input.shown, ok: false, reason: ioErrorMessage('打开', input.shown, error) };
  }
  const sha256 = sha256Hex(bytes);
  const before = cache.files[input.full];
  if (before && before.sha256 === sha256) {
    next.files[input.full] = before;
    ctx.onSkip();
    return { ...before.row, file: input.shown };
  }
  const outcome = await pool.run('checkUnit', { name: input.full, bytes, options: ctx.options, ...(ctx.exports ? { exports: ctx.exports } : {}) });
  let row: BatchRow;
  if (!outcome.ok) row = { file: input.shown, ok: false, reason: outcome.message };
  else {
    const { result, xlsx, docx, exportNote } = outcome.value;
    row = result.ok ? { file: input.shown, ok: true, summary: result.summary, ...(exportNote ? { exportNote } : {}) } : { file: input.shown, ok: false, reason: result.reason };
    if (xlsx && docx && row.ok) {
      try {
        await ctx.writeExports(xlsx, docx);
        row.exportNote = '已导出';
      } catch (error) {
        row.exportNote = error instanceof CliFailure ? error.message : '导出时出错，未导出';
      }
    }
  }
  next.files[input.full] = { sha256, row };
  return row;
}
