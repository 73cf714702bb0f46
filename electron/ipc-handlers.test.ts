import { describe, it, expect, vi } from 'vitest';
import { HOST_API_METHODS, IPC_PREFIX, type HostApi } from '../core/ipc/contract';
import { registerHostHandlers } from './ipc-handlers';
import { HOST_ARG_SCHEMAS } from './ipc-schemas';

vi.mock('electron', () => ({}));

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, h: Handler) => void handlers.set(channel, h) };
  const service = Object.fromEntries(HOST_API_METHODS.map((m) => [m, vi.fn(async (arg?: unknown) => ({ called: m, arg }))])) as unknown as HostApi;
  const log = vi.fn();
  registerHostHandlers(ipcMain as never, service, log);
  const call = (method: string, url: string, ...args: unknown[]) =>
    handlers.get(`${IPC_PREFIX}${method}`)!({ senderFrame: { url, parent: null } }, ...args);
  return { handlers, service, log, call };
}
const APP = 'app://bundle/index.html';
const bytes = new Uint8Array([1, 2, 3]);

describe('registerHostHandlers', () => {
  it('registers one channel per HostApi member, each with a schema', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(HOST_API_METHODS.map((m) => `${IPC_PREFIX}${m}`).sort());
    expect(Object.keys(HOST_ARG_SCHEMAS).sort()).toEqual([...HOST_API_METHODS].sort());
  });

  it('refuses every call from a frame that is not our bundle', async () => {
    const { call, service, log } = setup();
    for (const method of HOST_API_METHODS) {
      await expect(call(method, 'https://evil.example/')).rejects.toThrow('拒绝访问');
    }
    expect(service.saveFile).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(HOST_API_METHODS.length);
  });

  it('refuses calls from subframes and from a missing frame', async () => {
    const { handlers } = setup();
    const h = handlers.get(`${IPC_PREFIX}kind`)!;
    await expect(h({ senderFrame: { url: APP, parent: { url: APP } } })).rejects.toThrow('拒绝访问');
    await expect(h({ senderFrame: null })).rejects.toThrow('拒绝访问');
  });

  it('forwards valid calls', async () => {
    const { call } = setup();
    await expect(call('kind', APP)).resolves.toEqual({ called: 'kind', arg: undefined });
    await expect(call('openFile', APP, 'xlsx')).resolves.toEqual({ called: 'openFile', arg: 'xlsx' });
    const request = { suggestedName: '预算.ysgk', bytes, kind: 'document' };
    await expect(call('saveFile', APP, request)).resolves.toMatchObject({ arg: request });
    await expect(call('setDocumentState', APP, { title: '预算.ysgk', dirty: true })).resolves.toBeTruthy();
    await expect(call('writeRecovery', APP, bytes)).resolves.toBeTruthy();
    await expect(call('confirm', APP, { title: '导出', message: '仍有错误', okLabel: '仍然导出' })).resolves.toBeTruthy();
    await expect(call('getSetting', APP, 'importMap:xj-dept-2024-11')).resolves.toEqual({ called: 'getSetting', arg: 'importMap:xj-dept-2024-11' });
    await expect(call('setSetting', APP, { key: 'columnWidths:t3', value: { name: 240 } })).resolves.toBeTruthy();
    await expect(call('setSetting', APP, { key: 'columnWidths:t3', value: null })).resolves.toBeTruthy();
    const stamp = { size: 2, mtimeMs: 1733300000000.5, sha256: 'a'.repeat(64) };
    await expect(call('saveFile', APP, { ...request, path: '/d/预算.ysgk', basedOn: stamp, overwrite: true })).resolves.toBeTruthy();
    await expect(call('reopenFile', APP, '/d/预算.ysgk')).resolves.toBeTruthy();
    await expect(call('releaseDocument', APP)).resolves.toBeTruthy();
    await expect(call('listHistory', APP, '/d/预算.ysgk')).resolves.toBeTruthy();
    await expect(call('openHistory', APP, '0123456789abcdef/20261204T211500123Z.ysgk')).resolves.toBeTruthy();
    await expect(call('setAsideRecovery', APP)).resolves.toBeTruthy();
  });

  it.each<[string, unknown[]]>([
    ['kind', ['extra']],
    ['openFile', ['exe']],
    ['openFile', [{ kind: 'document' }]],
    ['openRecent', ['']],
    ['openRecent', ['C:\\a\0b.ysgk']],
    ['openRecent', [42]],
    ['saveFile', [{ suggestedName: 'a', bytes: 'not bytes', kind: 'document' }]],
    ['saveFile', [{ suggestedName: 'a', bytes, kind: 'exe' }]],
    ['saveFile', [{ suggestedName: 'a', bytes, kind: 'document', extra: true }]],
    ['saveFile', [{ path: 7, suggestedName: 'a', bytes, kind: 'document' }]],
    ['setDocumentState', [{ title: 'x' }]],
    ['setDocumentState', [{ title: 'x'.repeat(501), dirty: false }]],
    ['writeRecovery', [[1, 2, 3]]],
    ['confirm', [{ title: 't', message: 'm' }]],
    ['saveFile', [null]],
    ['getSetting', [undefined]],
    ['setSetting', [{ key: 'k', value: new Date(0) }]],
    ['setSetting', [{ key: 'k', value: () => 1 }]],
    ['openFile', ['document', 'second argument']],
    ['saveFile', [{ suggestedName: 'a', bytes, kind: 'document', basedOn: { size: 1, mtimeMs: 1, sha256: 'zz' } }]],
    ['saveFile', [{ suggestedName: 'a', bytes, kind: 'document', basedOn: { size: -1, mtimeMs: 1, sha256: 'a'.repeat(64) } }]],
    ['saveFile', [{ suggestedName: 'a', bytes, kind: 'document', overwrite: 'yes' }]],
    ['reopenFile', ['']],
    ['listHistory', [{}]],
    ['openHistory', ['../../etc/passwd']],
    ['openHistory', ['0123456789abcdef/../x.ysgk']],
    ['openHistory', ['/abs/x.ysgk']],
    ['openHistory', ['a\\b']],
    ['releaseDocument', ['x']],
  ])('rejects %s with invalid arguments %j, in Chinese', async (method, args) => {
    const { call, service } = setup();
    await expect(call(method, APP, ...args)).rejects.toThrow(/参数/);
    expect(service[method as keyof HostApi]).not.toHaveBeenCalled();
  });
});
