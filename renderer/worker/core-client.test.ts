import { describe, expect, it } from 'vitest';
import { CoreWorkerClient, type WorkerLike } from './core-client';
import { createDispatcher, type HandlerRegistry } from '../../core/worker/dispatcher';

/** A Worker stand-in that runs the real dispatcher in-process; `gate` holds handlers until released. */
function fakeWorkers(handlers: HandlerRegistry) {
  const made: { terminated: boolean }[] = [];
  const create = (): WorkerLike => {
    const state = { terminated: false };
    made.push(state);
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message) {
        const d = createDispatcher(handlers, (m) => {
          if (!state.terminated) worker.onmessage?.({ data: m });
        });
        void d.handle(message);
      },
      terminate() {
        state.terminated = true;
      },
    };
    return worker;
  };
  return { create, made };
}

describe('CoreWorkerClient', () => {
  it('resolves a job with its value and passes progress on', async () => {
    const { create } = fakeWorkers({
      async exportDocx(_p, ctx) {
        ctx.progress(1, 3, '表1');
        return new Uint8Array([9]);
      },
    });
    const client = new CoreWorkerClient(create);
    const seen: string[] = [];
    const r = await client.run('exportDocx', {} as never, (d, t, s) => seen.push(`${d}/${t} ${s}`));
    expect(r).toEqual({ ok: true, value: new Uint8Array([9]) });
    expect(seen).toEqual(['1/3 表1']);
  });

  it('cancel terminates the worker, resolves the job as cancelled, and the next run gets a fresh worker', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { create, made } = fakeWorkers({
      async exportXlsx() {
        await gate;
        return new Uint8Array([1]);
      },
      async exportDocx() {
        return new Uint8Array([2]);
      },
    });
    const client = new CoreWorkerClient(create);
    const running = client.run('exportXlsx', {} as never);
    expect(client.busy).toBe(true);
    client.cancel();
    await expect(running).resolves.toMatchObject({ ok: false, cancelled: true });
    expect(made[0]?.terminated).toBe(true);
    release();
    await expect(client.run('exportDocx', {} as never)).resolves.toEqual({ ok: true, value: new Uint8Array([2]) });
    expect(made).toHaveLength(2);
  });

  it('a worker that dies resolves its jobs with a Chinese message', async () => {
    let worker: WorkerLike | undefined;
    const client = new CoreWorkerClient(() => {
      worker = { onmessage: null, onerror: null, postMessage() {}, terminate() {} };
      return worker;
    });
    const running = client.run('exportDocx', {} as never);
    worker?.onerror?.({ message: 'Uncaught RangeError' });
    const r = await running;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('后台处理意外中止');
  });
});
