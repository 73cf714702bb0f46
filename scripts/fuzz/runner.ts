import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BYTE_MUTATIONS, GARBAGE } from './mutate-bytes';
import { mutateJsonText } from './mutate-json';
import { bombPart, lieAboutSizes, mutateDataSheet, mutateWorkbook } from './mutate-zip';
import { Random } from './random';
import { makeDataSheetSeed, makeSeeds } from './seeds';
import type { Outcome, TargetName } from './targets';

/**
 * Runs mutated and garbage inputs through every file entry point, each in a worker thread with a time limit, and
 * collects every input that crashed, hung, ran out of memory, or was refused without a clear Chinese message.
 */
export interface FuzzOptions {
  counts: Partial<Record<TargetName, number>>;
  seed: number;
  /** Per input. A hang is an input that takes longer (the worker is then terminated and replaced). */
  timeoutMs: number;
  workers: number;
  /** Where failing inputs are saved for replay. */
  saveDir?: string;
  /** Mutation names not to generate (known open issues, so a bounded run does not spend its time limit on them). */
  skipMutations?: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

export type FailureKind = 'crash' | 'hang' | 'out-of-memory' | 'unclear-message';

export interface FuzzFailure {
  target: TargetName;
  index: number;
  labels: string[];
  kind: FailureKind;
  detail: string;
  file?: string;
}

export interface FuzzReport {
  seed: number;
  runs: Record<string, { total: number; accepted: number; refused: number }>;
  failures: FuzzFailure[];
}

const CJK = /[\u4e00-\u9fff]/;
/** Raw engine or library wording leaking through instead of an explanation for the officer. */
const LEAK = /TypeError|RangeError|ReferenceError|SyntaxError|Cannot read propert|is not a function|is not iterable|undefined is not|\[object Object\]|Unexpected token|Maximum call stack|at \S+ \(/;

/**
 * A clear refusal says in Chinese what is wrong. Technical detail in full-width brackets after that explanation is
 * tolerated (it helps support staff); raw engine wording as the message itself is not.
 */
export function judgeMessage(message: string): string | null {
  if (!message || !message.trim()) return '拒绝了输入但没有给出说明';
  const explanation = message.replace(/（[^（）]*(（[^（）]*）[^（）]*)*）/g, '');
  if (!CJK.test(explanation)) return `说明不是中文：${message.slice(0, 200)}`;
  if (LEAK.test(explanation)) return `说明中夹带程序内部错误：${message.slice(0, 200)}`;
  return null;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function bundleWorker(): Promise<string> {
  // Inside the repo so `exceljs` etc. resolve from its node_modules (packages stay external).
  const dir = join(repoRoot, 'test-output', 'fuzz');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `worker-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [join(repoRoot, 'scripts', 'fuzz', 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: out,
    logLevel: 'silent',
  });
  return out;
}

type DataSheetSeed = Awaited<ReturnType<typeof makeDataSheetSeed>>;

async function makeInput(target: TargetName, seeds: Uint8Array[], rnd: Random, skip: readonly string[], dataSheet: DataSheetSeed): Promise<{ bytes: Uint8Array; labels: string[] }> {
  const seed = rnd.pick(seeds);
  const roll = rnd.next();
  const xlsx = target === 'workbook' || target === 'codesXlsx';
  // Workbooks built to hurt the importer: sizes that lie, a zip-bomb part, a hostile hidden data sheet.
  if (xlsx && roll >= 0.7 && roll < 0.76 && !skip.includes('lieAboutSizes')) {
    const damaged = await mutateWorkbook(seed, rnd, skip);
    const lying = lieAboutSizes(damaged.bytes, rnd);
    return { bytes: lying.bytes, labels: [...damaged.labels, ...lying.labels] };
  }
  if (xlsx && roll >= 0.76 && roll < 0.79 && !skip.includes('bombPart')) return bombPart(seed, rnd);
  if (target === 'workbook' && roll >= 0.79 && roll < 0.9 && !skip.includes('dataSheet')) return mutateDataSheet(dataSheet.template, dataSheet.payloadJson, rnd);
  if (roll < 0.1) {
    const name = rnd.pick(Object.keys(GARBAGE));
    return { bytes: GARBAGE[name]!(rnd), labels: [`garbage:${name}`] };
  }
  const byteMutation = (bytes: Uint8Array, labels: string[]) => {
    const name = rnd.pick(Object.keys(BYTE_MUTATIONS));
    return { bytes: BYTE_MUTATIONS[name]!(bytes, rnd), labels: [...labels, `bytes:${name}`] };
  };
  if (target === 'document' && roll < 0.75) {
    const { text, labels } = mutateJsonText(new TextDecoder().decode(seed), rnd, 1 + rnd.int(3));
    const bytes = new TextEncoder().encode(text);
    return rnd.next() < 0.2 ? byteMutation(bytes, labels) : { bytes, labels };
  }
  if ((target === 'workbook' || target === 'codesXlsx') && roll < 0.7) {
    const mutated = await mutateWorkbook(seed, rnd, skip);
    return rnd.next() < 0.1 ? byteMutation(mutated.bytes, mutated.labels) : mutated;
  }
  return byteMutation(seed, []);
}

class Runner {
  private worker!: Worker;
  private nextId = 0;

  constructor(private readonly file: string) {
    this.spawn();
  }

  private ready!: Promise<void>;

  private spawn(): void {
    const worker = new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: 1536 } });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise((resolveReady, rejectReady) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        worker.off('message', onMessage);
        worker.off('error', rejectReady);
        resolveReady();
      };
      worker.on('message', onMessage);
      worker.once('error', rejectReady);
    });
  }

  async run(target: TargetName, bytes: Uint8Array, timeoutMs: number): Promise<{ outcome?: Outcome; crash?: string; hang?: true; oom?: string }> {
    const id = (this.nextId += 1);
    try {
      await this.ready;
    } catch (error) {
      this.spawn();
      return { crash: `工作线程无法启动：${String(error)}` };
    }
    return new Promise((done) => {
      const worker = this.worker;
      const finish = (result: { outcome?: Outcome; crash?: string; hang?: true; oom?: string }, restart: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (restart) {
          void worker.terminate();
          this.spawn();
        }
        done(result);
      };
      const onMessage = (m: { id: number; outcome?: Outcome; crash?: string }) => {
        if (m.id === id) finish(m, false);
      };
      const onError = (error: Error & { code?: string }) =>
        finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { oom: error.message } : { crash: `${error.name}: ${error.message}` }, true);
      const onExit = (code: number) => finish({ crash: `工作线程意外退出（代码 ${code}）` }, true);
      const timer = setTimeout(() => finish({ hang: true }, true), timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, target, bytes });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const seeds = await makeSeeds();
  const dataSheet = await makeDataSheetSeed();
  const workerFile = await bundleWorker();
  const rnd = new Random(options.seed);
  const jobs: { target: TargetName; index: number }[] = [];
  for (const [target, count] of Object.entries(options.counts) as [TargetName, number][]) {
    for (let index = 0; index < count; index += 1) jobs.push({ target, index });
  }
  const report: FuzzReport = { seed: options.seed, runs: {}, failures: [] };
  const runners = Array.from({ length: Math.max(1, options.workers) }, () => new Runner(workerFile));
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      runners.map(async (runner) => {
        while (next < jobs.length) {
          const job = jobs[next]!;
          next += 1;
          const input = await makeInput(job.target, seeds[job.target], rnd, options.skipMutations ?? [], dataSheet);
          const result = await runner.run(job.target, input.bytes, options.timeoutMs);
          const stats = (report.runs[job.target] ??= { total: 0, accepted: 0, refused: 0 });
          stats.total += 1;
          let failure: { kind: FailureKind; detail: string } | null = null;
          if (result.hang) failure = { kind: 'hang', detail: `超过 ${options.timeoutMs} 毫秒仍未结束` };
          else if (result.oom) failure = { kind: 'out-of-memory', detail: result.oom };
          else if (result.crash) failure = { kind: 'crash', detail: result.crash };
          else if (result.outcome && !result.outcome.ok) {
            stats.refused += 1;
            const problem = judgeMessage(result.outcome.message);
            if (problem) failure = { kind: 'unclear-message', detail: problem };
          } else stats.accepted += 1;
          if (failure) {
            const entry: FuzzFailure = { target: job.target, index: job.index, labels: input.labels, ...failure };
            if (options.saveDir) {
              mkdirSync(options.saveDir, { recursive: true });
              entry.file = join(options.saveDir, `${job.target}-${options.seed}-${job.index}.bin`);
              writeFileSync(entry.file, input.bytes);
            }
            report.failures.push(entry);
          }
          done += 1;
          options.onProgress?.(done, jobs.length);
        }
      }),
    );
  } finally {
    await Promise.all(runners.map((r) => r.close()));
    rmSync(workerFile, { force: true });
  }
  return report;
}
