import { CANCELLED_MESSAGE, isWorkerMessage, type PayloadOf, type RunOutcome, type ValueOf, type WorkerKind, type WorkerRequest } from '../../core/worker/protocol';

/** What the client needs of a Worker (a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

export type ProgressListener = (done: number, total: number, stage: string) => void;

interface Pending {
  resolve(outcome: RunOutcome<unknown>): void;
  onProgress?: ProgressListener;
}

const CRASHED = '后台处理意外中止（可能是文件过大或内容异常），操作未完成，当前文档未受影响。请确认文件完好后重试。';

/**
 * The page's side of the worker protocol. `run` sends one job and resolves with its outcome (never rejects);
 * `cancel` terminates the worker — the only way to stop exceljs mid-parse — resolves every pending job as cancelled,
 * and the next `run` starts a fresh worker. A worker that dies resolves its jobs with a Chinese message.
 */
export class CoreWorkerClient {
  private worker: WorkerLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `testHoldable`: whether the browser-test seam below may hold this client's requests (import and export only). */
  constructor(
    private readonly create: () => WorkerLike,
    private readonly testHoldable = false,
  ) {}

  run<K extends WorkerKind>(kind: K, payload: PayloadOf<K>, onProgress?: ProgressListener): Promise<RunOutcome<ValueOf<K>>> {
    const id = this.nextId++;
    return new Promise<RunOutcome<ValueOf<K>>>((resolve) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], ...(onProgress ? { onProgress } : {}) });
      let worker: WorkerLike;
      try {
        worker = this.ensure();
      } catch {
        this.settleAll({ ok: false, message: CRASHED });
        return;
      }
      const request: WorkerRequest<K> = { type: 'request', id, kind, payload };
      const hold = this.testHoldable ? testHold() : undefined;
      if (hold) void hold.then(() => this.pending.has(id) && this.worker === worker && worker.postMessage(request));
      else worker.postMessage(request);
    });
  }

  /** Stops whatever runs; pending jobs resolve as cancelled. */
  cancel(): void {
    this.discard();
    this.settleAll({ ok: false, cancelled: true, message: CANCELLED_MESSAGE });
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.create();
    worker.onmessage = (event) => {
      const message = event.data;
      if (!isWorkerMessage(message)) return;
      const job = this.pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') job.onProgress?.(message.done, message.total, message.stage);
      else {
        this.pending.delete(message.id);
        job.resolve(message.ok ? { ok: true, value: message.value } : { ok: false, message: message.message });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.discard();
      this.settleAll({ ok: false, message: CRASHED });
    };
    this.worker = worker;
    return worker;
  }

  private discard(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
  }

  private settleAll(outcome: RunOutcome<unknown>): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.resolve(outcome);
  }
}

/**
 * Browser-test seam: while the page holds `__bdWorkerHold` (a promise), import and export requests wait for it before
 * they reach the worker, so a test sees the progress dialog and presses 取消 without racing a fast import. The
 * checkers' requests are not held: an export first waits for the checks to settle, and holding them too made the
 * export wait for ever whenever the checks had not answered before the test set the hold. Never set by the app.
 */
function testHold(): Promise<unknown> | undefined {
  const hold = (globalThis as { __bdWorkerHold?: unknown }).__bdWorkerHold;
  return hold instanceof Promise ? hold : undefined;
}

let shared: CoreWorkerClient | undefined;
const checking = new Map<string, CoreWorkerClient>();

/** The page's worker client for import, export and saving (Vite bundles core.worker.ts as a module worker). */
export function coreWorker(): CoreWorkerClient {
  shared ??= new CoreWorkerClient(() => new Worker(new URL('./core.worker.ts', import.meta.url), { type: 'module', name: 'core' }) as unknown as WorkerLike, true);
  return shared;
}

/**
 * Further workers of the same script, one per checking replica of the open document ('rules', 'text'): 取消 of an
 * export terminates the first one and must not take the document's findings with it, and the rules must not wait
 * behind a long text check.
 */
export function checkingWorker(part: string): CoreWorkerClient {
  let client = checking.get(part);
  if (!client) {
    client = new CoreWorkerClient(() => new Worker(new URL('./core.worker.ts', import.meta.url), { type: 'module', name: `checks-${part}` }) as unknown as WorkerLike);
    checking.set(part, client);
  }
  return client;
}
