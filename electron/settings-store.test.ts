import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecentFiles } from './recent-files';
import { KnownPaths } from './known-paths';
import { RecoveryStore } from '../node/recovery';
import { createBackupStore } from '../node/backup-store';
import { diskChange, readWithStamp, stampAfterWrite } from '../node/file-stamp';
import { acquireLock, readLock } from '../node/lock-file';
import { HostService } from './host-service';
import { registerHostHandlers } from './ipc-handlers';
import { isJsonValue } from './ipc-schemas';
import { SettingsStore } from './settings-store';

vi.mock('electron', () => ({}));

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-settings-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const onDisk = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const map = { template: 'xj-dept-2024-11', columns: { t3: { '人员及公用支出': 'basic', '备注': null } } };

describe('SettingsStore', () => {
  it('gets, sets and deletes, and a new store (next start) reads what was written', async () => {
    const store = new SettingsStore(file);
    expect(await store.get('importMap:xj-dept-2024-11')).toBeNull();
    await store.set('importMap:xj-dept-2024-11', map);
    await store.set('columnWidths:t3', { name: 240 });
    expect(await store.get('importMap:xj-dept-2024-11')).toEqual(map);
    expect(onDisk()).toEqual({ 'importMap:xj-dept-2024-11': map, 'columnWidths:t3': { name: 240 } });

    await store.set('columnWidths:t3', null);
    expect(await store.get('columnWidths:t3')).toBeNull();
    expect(Object.keys(onDisk())).toEqual(['importMap:xj-dept-2024-11']);
    expect(await new SettingsStore(file).get('importMap:xj-dept-2024-11')).toEqual(map);
  });

  it('hands out copies: changing a returned value does not change the stored one', async () => {
    const store = new SettingsStore(file);
    await store.set('k', { a: [1, 2] });
    const got = (await store.get('k')) as { a: number[] };
    got.a.push(3);
    expect(await store.get('k')).toEqual({ a: [1, 2] });
  });

  it('reads the file once and then answers from memory', async () => {
    writeFileSync(file, JSON.stringify({ k: 1 }));
    const store = new SettingsStore(file);
    expect(await store.get('k')).toBe(1);
    writeFileSync(file, JSON.stringify({ k: 2 }));
    expect(await store.get('k')).toBe(1);
  });

  it.each([['not JSON', '{"k": 1'], ['an array', '[1, 2]'], ['a number', '42'], ['empty', '']])(
    'treats a damaged file (%s) as empty and keeps it aside as settings.json.bad',
    async (_what, text) => {
      writeFileSync(file, text);
      const log = vi.fn();
      const store = new SettingsStore(file, log);
      expect(await store.get('k')).toBeNull();
      expect(readFileSync(`${file}.bad`, 'utf8')).toBe(text);
      expect(existsSync(file)).toBe(false);
      expect(log.mock.calls[0]![0]).toMatch(/已损坏/);
      await store.set('k', true);
      expect(onDisk()).toEqual({ k: true });
    },
  );

  it('keeps both keys when two settings are stored at the same time', async () => {
    const store = new SettingsStore(file);
    await Promise.all([store.set('a', 1), store.set('b', 2), store.set('c', { x: 'y' })]);
    expect(onDisk()).toEqual({ a: 1, b: 2, c: { x: 'y' } });
    expect(await new SettingsStore(file).get('b')).toBe(2);
  });

  it('reports a failed write, and later writes still go through', async () => {
    const store = new SettingsStore(join(dir, 'file-not-folder', 'settings.json'));
    writeFileSync(join(dir, 'file-not-folder'), 'x');
    await expect(store.set('a', 1)).rejects.toThrow();
    const ok = new SettingsStore(file);
    await ok.set('a', 1);
    expect(onDisk()).toEqual({ a: 1 });
  });
});

describe('settings through the host contract', () => {
  async function setup() {
    const recent = new RecentFiles(join(dir, 'recent.json'), false);
    const service = new HostService({
      showOpenDialog: async () => null,
      showSaveDialog: async () => null,
      showMessageBox: async () => 1,
      readFile: async () => new Uint8Array(),
      writeFile: async () => undefined,
      recent,
      known: new KnownPaths(false),
      recovery: new RecoveryStore(join(dir, 'recovery')),
      settings: new SettingsStore(file),
      onDocumentState: () => undefined,
      onRecentChanged: () => undefined,
      onSaveAbandoned: () => undefined,
      defaultFolder: dir,
      startupPath: null,
      disk: { readWithStamp, diskChange, stampAfterWrite, acquireLock: (p) => acquireLock(p), readLock: (p) => readLock(p) },
      backups: createBackupStore(join(dir, 'backups')),
      setAsideRecovery: async () => null,
    });
    type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
    const handlers = new Map<string, Handler>();
    registerHostHandlers({ handle: (channel: string, h: Handler) => void handlers.set(channel, h) } as never, service);
    const call = (method: string, arg: unknown) => handlers.get(`host:${method}`)!({ senderFrame: { url: 'app://bundle/index.html', parent: null } }, arg);
    return { service, call };
  }

  it('stores and reads a setting over IPC; null deletes it', async () => {
    const { call } = await setup();
    await call('setSetting', { key: 'importMap:xj-dept-2024-11', value: map });
    await expect(call('getSetting', 'importMap:xj-dept-2024-11')).resolves.toEqual(map);
    await call('setSetting', { key: 'importMap:xj-dept-2024-11', value: null });
    await expect(call('getSetting', 'importMap:xj-dept-2024-11')).resolves.toBeNull();
  });

  it.each<[string, unknown]>([
    ['a Date', new Date()],
    ['a Map', new Map([['a', 1]])],
    ['bytes', new Uint8Array([1])],
    ['NaN inside', { widths: [Number.NaN] }],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['undefined', undefined],
    ['a sparse array', Object.assign(new Array<number>(3), { 0: 1, 2: 3 })],
    ['too large', { text: 'x'.repeat(1024 * 1024) }],
  ])('refuses a value that is not JSON (%s) before touching the file', async (_what, value) => {
    const { call } = await setup();
    await expect(call('setSetting', { key: 'k', value })).rejects.toThrow(/参数/);
    expect(existsSync(file)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['an empty key', { key: '', value: 1 }],
    ['a key with a line break', { key: 'a\nb', value: 1 }],
    ['a very long key', { key: 'k'.repeat(201), value: 1 }],
    ['an extra field', { key: 'k', value: 1, extra: true }],
    ['no value', { key: 'k' }],
  ])('refuses %s', async (_what, entry) => {
    const { call } = await setup();
    await expect(call('setSetting', entry)).rejects.toThrow(/参数/);
    await expect(call('getSetting', 42)).rejects.toThrow(/参数/);
  });

  it('refuses values nested deeper than a JSON settings value needs', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(isJsonValue(deep)).toBe(false);
    expect(isJsonValue({ a: [1, 'x', true, null, { b: 2.5 }] })).toBe(true);
    expect(isJsonValue(Object.create(null))).toBe(true);
  });
});
