import { Worker } from 'node:worker_threads';
import type { BudgetDocument } from '../../core/document/document';
import type { TemplateSet } from '../../core/template/template.schema';
import type { ImportXlsxOptions, ImportXlsxResult } from '../../core/xlsx/import-xlsx';
import type { ExportXlsxOptions } from '../../core/xlsx/export-xlsx';
import { isWorkerMessage, type PayloadOf, type RunOutcome, type ValueOf, type WorkerKind, type WorkerRequest } from '../../core/worker/protocol';

/**
 * Runs one of core's import/export jobs in a worker thread with a heap limit, so a hostile file ends in a Chinese
 * message (and exit 2 in the command) instead of "JavaScript heap out of memory" killing the CLI with exit 134.
 * The byte budget of the import is the first protection; the heap limit catches whatever it does not.
 */
export interface WorkerRunOptions {
  onProgress?: (done: number, total: number, stage: string) => void;
  /** Heap limit of the worker thread (old generation). */
  maxOldGenerationSizeMb?: number;
  /** The worker script (a test seam); default: core's handlers behind the protocol. */
  entry?: URL;
}

export const DEFAULT_WORKER_HEAP_MB = 1024;
const ENTRY = new URL('./core-thread.mjs', import.meta.url);

export function runInWorker<K extends WorkerKind>(kind: K, payload: PayloadOf<K>, options: WorkerRunOptions = {}): Promise<RunOutcome<ValueOf<K>>> {
  const heapMb = options.maxOldGenerationSizeMb ?? DEFAULT_WORKER_HEAP_MB;
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(options.entry ?? ENTRY, { resourceLimits: { maxOldGenerationSizeMb: heapMb, stackSizeMb: 8 } });
    const finish = (outcome: RunOutcome<ValueOf<K>>) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
      void worker.terminate();
    };
    worker.on('message', (message: unknown) => {
      if (!isWorkerMessage(message) || message.id !== 1) return;
      if (message.type === 'progress') options.onProgress?.(message.done, message.total, message.stage);
      else finish(message.ok ? { ok: true, value: message.value as ValueOf<K> } : { ok: false, message: message.message });
    });
    worker.on('error', (error: Error & { code?: string }) => finish({ ok: false, message: workerFailure(error, heapMb) }));
    worker.on('exit', () => finish({ ok: false, message: '后台处理意外中止，操作未完成。请重试；若仍失败，请确认文件完好。' }));
    const request: WorkerRequest<K> = { type: 'request', id: 1, kind, payload };
    worker.postMessage(request);
  });
}

export function workerFailure(error: Error & { code?: string }, heapMb: number): string {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(error.message)) {
    return `处理该文件所需的内存超过上限（${heapMb} MB），已停止。文件可能异常（如“压缩炸弹”）或过大，请确认选择的是预算公开表工作簿，或在 Excel 或 WPS 中只保留预算公开表后另存再试。`;
  }
  if (error instanceof RangeError || /call stack/i.test(error.message)) return '文件内容嵌套过深，无法处理，已停止。请确认文件完好。';
  return '后台处理时发生意外错误，操作未完成。请重试；若仍失败，请确认文件完好。';
}

/** `importXlsx` in a worker: the same result type, a worker failure as `{ ok: false, message }`. */
export async function importXlsxInWorker(bytes: Uint8Array, options: Omit<ImportXlsxOptions, 'onProgress'> = {}, run: WorkerRunOptions = {}): Promise<ImportXlsxResult> {
  const outcome = await runInWorker('importXlsx', { bytes, options }, run);
  return outcome.ok ? outcome.value : { ok: false, message: outcome.message };
}

export type ExportOutcome = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** `exportXlsx` / `exportDocx` in a worker. */
export async function exportInWorker(kind: 'xlsx' | 'docx', doc: BudgetDocument, template: TemplateSet, options: Omit<ExportXlsxOptions, 'onProgress'> = {}, run: WorkerRunOptions = {}): Promise<ExportOutcome> {
  const outcome = kind === 'xlsx' ? await runInWorker('exportXlsx', { doc, template, options }, run) : await runInWorker('exportDocx', { doc, template }, run);
  return outcome.ok ? { ok: true, bytes: outcome.value } : { ok: false, message: outcome.message };
}
