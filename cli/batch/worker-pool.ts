import { Worker } from 'node:worker_threads';
import { isWorkerMessage, type PayloadOf, type RunOutcome, type ValueOf, type WorkerKind, type WorkerRequest } from '../../core/worker/protocol';
import { DEFAULT_WORKER_HEAP_MB, workerFailure } from '../worker/run-in-worker';

/**
 * A fixed number of long-lived worker threads for a batch: starting a thread (and its TypeScript loader) costs
 * far more than checking a small unit, so each thread takes job after job. A thread that dies (a hostile file
 * exhausting its heap) fails only its own job and is replaced.
 */
export class WorkerPool {
  private idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private waiting: ((w: Worker) => void)[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size: number, private readonly entry = new URL('../worker/core-thread.mjs', import.meta.url), private readonly heapMb = DEFAULT_WORKER_HEAP_MB) {}

  private spawn(): Worker {
    const w = new Worker(this.entry, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb, stackSizeMb: 8 } });
    this.all.add(w);
    return w;
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    if (this.all.size < this.size) return Promise.resolve(this.spawn());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: Worker, healthy: boolean): void {
    if (!healthy) {
      this.all.delete(w);
      void w.terminate();
      if (this.closed) return;
      const next = this.waiting.shift();
      if (next) next(this.spawn());
      return;
    }
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  async run<K extends WorkerKind>(kind: K, payload: PayloadOf<K>): Promise<RunOutcome<ValueOf<K>>> {
    const worker = await this.acquire();
    const id = this.nextId++;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: RunOutcome<ValueOf<K>>, healthy: boolean) => {
        if (settled) return;
        settled = true;
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        this.release(worker, healthy);
        resolve(outcome);
      };
      const onMessage = (message: unknown) => {
        if (!isWorkerMessage(message) || message.id !== id || message.type !== 'result') return;
        finish(message.ok ? { ok: true, value: message.value as ValueOf<K> } : { ok: false, message: message.message }, true);
      };
      const onError = (error: Error & { code?: string }) => finish({ ok: false, message: workerFailure(error, this.heapMb) }, false);
      const onExit = () => finish({ ok: false, message: '后台处理意外中止' }, false);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const request: WorkerRequest<K> = { type: 'request', id, kind, payload };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.all];
    this.all.clear();
    this.idle = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
