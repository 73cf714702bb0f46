import { describe, expect, it } from 'vitest';
import { createDispatcher, UNEXPECTED_MESSAGE, type HandlerRegistry } from './dispatcher';
import { coreHandlers } from './core-handlers';
import type { WorkerMessage } from './protocol';
import { lyingZipBomb } from '../xlsx/zip/hostile-zips';
import { expenditureTable2024, workbookBytes } from '../xlsx/testing/workbook-builders';

function harness(handlers: HandlerRegistry) {
  const sent: WorkerMessage[] = [];
  const d = createDispatcher(handlers, (m) => sent.push(m));
  return { sent, handle: d.handle };
}

describe('worker dispatcher', () => {
  it('routes a request to its handler and posts progress, then the result', async () => {
    const { sent, handle } = harness({
      async exportDocx(_payload, ctx) {
        ctx.progress(1, 2, '表1');
        return new Uint8Array([1, 2, 3]);
      },
    });
    await handle({ type: 'request', id: 7, kind: 'exportDocx', payload: {} });
    expect(sent).toEqual([
      { type: 'progress', id: 7, done: 1, total: 2, stage: '表1' },
      { type: 'result', id: 7, ok: true, value: new Uint8Array([1, 2, 3]) },
    ]);
  });

  it('a thrown English error becomes a Chinese message; a Chinese one is kept; an unknown kind is answered', async () => {
    const { sent, handle } = harness({
      async exportXlsx() {
        throw new RangeError('Maximum call stack size exceeded');
      },
      async exportDocx() {
        throw new Error('模板中缺少表3');
      },
    });
    await handle({ type: 'request', id: 1, kind: 'exportXlsx', payload: {} });
    await handle({ type: 'request', id: 2, kind: 'exportDocx', payload: {} });
    await handle({ type: 'request', id: 3, kind: 'nothing', payload: {} });
    await handle('garbage');
    expect(sent).toEqual([
      { type: 'result', id: 1, ok: false, message: UNEXPECTED_MESSAGE },
      { type: 'result', id: 2, ok: false, message: '模板中缺少表3' },
      { type: 'result', id: 3, ok: false, message: expect.stringContaining('不存在') },
    ]);
  });

  it('a cancel is visible to the running handler', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { sent, handle } = harness({
      async exportDocx(_p, ctx) {
        await gate;
        if (ctx.cancelled()) throw new Error('已取消');
        return new Uint8Array();
      },
    });
    const running = handle({ type: 'request', id: 4, kind: 'exportDocx', payload: {} });
    await handle({ type: 'cancel', id: 4 });
    release();
    await running;
    expect(sent).toEqual([{ type: 'result', id: 4, ok: false, message: '已取消' }]);
  });

  it('core handlers: importXlsx reports progress and a lying zip bomb ends in the Chinese message', async () => {
    const { sent, handle } = harness(coreHandlers);
    const ok = await workbookBytes([expenditureTable2024([['208', null, null, '社会保障和就业支出', 10, 6, 4]])]);
    await handle({ type: 'request', id: 1, kind: 'importXlsx', payload: { bytes: ok, options: { meta: { year: 2024 } } } });
    await handle({ type: 'request', id: 2, kind: 'importXlsx', payload: { bytes: lyingZipBomb(), options: {} } });
    expect(sent.some((m) => m.type === 'progress' && m.id === 1)).toBe(true);
    const results = sent.filter((m) => m.type === 'result');
    expect(results[0]).toMatchObject({ id: 1, ok: true, value: { ok: true } });
    expect(results[1]).toMatchObject({ id: 2, ok: true, value: { ok: false, message: expect.stringContaining('工作簿解压后超过') } });
  });
});
