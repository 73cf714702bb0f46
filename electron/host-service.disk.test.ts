import { describe, it, expect, vi, beforeAll, beforeEach, afterEach } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../node/atomic-write';
import { createBackupStore } from '../node/backup-store';
import { diskChange, readWithStamp, stampAfterWrite } from '../node/file-stamp';
import { acquireLock, lockPathFor, readLock } from '../node/lock-file';
import { RecoveryStore } from '../node/recovery';
import { bundleChild, startChild } from '../node/testing/child-process';
import { HostService, type HostServiceDeps } from './host-service';
import { KnownPaths } from './known-paths';
import { RecentFiles } from './recent-files';

vi.mock('electron', () => ({}));

/**
 * Two windows (two HostService instances, as two PCs on a shared folder would have) on one real file in a temp
 * folder, with the real node/ stamp, lock and backup functions: nobody's work is overwritten without being asked.
 */
let dir: string;
let shared: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-disk-'));
  shared = join(dir, '共享', '预算.ysgk');
  mkdirSync(join(dir, '共享'));
  writeFileSync(shared, 'v1');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** One app instance with its own per-user folder; its open dialog answers with the shared file. */
async function instance(user: string, overrides: Partial<HostServiceDeps> = {}) {
  const userData = join(dir, user);
  const recent = new RecentFiles(join(userData, 'recent.json'), false);
  await recent.load();
  const showSaveDialog = vi.fn(async (_o: { defaultPath: string }) => null as string | null);
  const onSaveAbandoned = vi.fn();
  const service = new HostService({
    showOpenDialog: async () => shared,
    showSaveDialog,
    showMessageBox: async () => 0,
    readFile: async (p) => new Uint8Array(await readFile(p)),
    writeFile: (p, b, o) => writeFileAtomic(p, b, o),
    recent,
    known: new KnownPaths(false),
    recovery: new RecoveryStore(join(userData, 'recovery')),
    settings: { get: async () => null, set: async () => undefined },
    onDocumentState: () => undefined,
    onRecentChanged: () => undefined,
    onSaveAbandoned,
    defaultFolder: dir,
    startupPath: null,
    disk: { readWithStamp, diskChange, stampAfterWrite, acquireLock: (p) => acquireLock(p, { holder: user }), readLock: (p) => readLock(p) },
    backups: createBackupStore(join(userData, 'backups')),
    setAsideRecovery: async () => null,
    ...overrides,
  });
  return { service, showSaveDialog, onSaveAbandoned };
}

const save = (service: HostService, text: string, extra: { basedOn?: import('../core/ipc/contract').FileStamp; overwrite?: boolean; path?: string } = {}) =>
  service.saveFile({ path: extra.path ?? shared, suggestedName: '预算.ysgk', bytes: enc(text), kind: 'document', ...extra });

describe('two instances on one shared file', () => {
  it('the second opens read-only, naming who holds the file; the first saves normally', async () => {
    const a = await instance('张三');
    const b = await instance('李四');
    const first = await a.service.openFile('document');
    expect(first).toMatchObject({ path: shared, stamp: { size: 2 } });
    expect(first!.lockedBy).toBeUndefined();
    expect(existsSync(lockPathFor(shared))).toBe(true);

    const second = await b.service.openFile('document');
    expect(dec(second!.bytes)).toBe('v1');
    expect(second!.lockedBy).toMatchObject({ holder: '张三', machine: expect.any(String) });
    expect(Number.isNaN(Date.parse(second!.lockedBy!.since))).toBe(false);

    const saved = await save(a.service, 'v2 by 张三', { basedOn: first!.stamp });
    expect(saved?.conflict).toBeUndefined();
    expect(readFileSync(shared, 'utf8')).toBe('v2 by 张三');
    expect(saved!.stamp!.size).toBe('v2 by 张三'.length + 4); // "张三" is 6 bytes in UTF-8
  });

  it('a save after the other instance changed the file is a conflict, not an overwrite; 覆盖 then writes', async () => {
    const a = await instance('张三');
    const b = await instance('李四');
    const mine = await a.service.openFile('document');
    const theirs = await b.service.openFile('document');
    // 李四 had the file first in his window; 张三 releases (opens something else), 李四 takes over and saves.
    await a.service.releaseDocument();
    const reopened = await b.service.reopenFile(shared);
    expect(reopened!.lockedBy).toBeUndefined();
    expect((await save(b.service, '李四的修改', { basedOn: theirs!.stamp }))?.conflict).toBeUndefined();

    const refused = await save(a.service, '张三的修改', { basedOn: mine!.stamp });
    expect(refused!.conflict).toMatchObject({
      missing: false,
      expected: mine!.stamp,
      now: { size: enc('李四的修改').length },
      lockedBy: { holder: '李四' },
    });
    expect(readFileSync(shared, 'utf8')).toBe('李四的修改');
    expect(a.onSaveAbandoned).toHaveBeenCalled(); // a close waiting on this save stays open

    const forced = await save(a.service, '张三的修改', { overwrite: true });
    expect(forced!.conflict).toBeUndefined();
    expect(readFileSync(shared, 'utf8')).toBe('张三的修改');
    expect(readFileSync(`${shared}.bak`, 'utf8')).toBe('李四的修改'); // the replaced version is still there
    // The lock stays 李四's: 张三's window remains read-only after 覆盖.
    expect(forced!.lockedBy).toMatchObject({ holder: '李四' });
  });

  it('an outside write (another program) is a conflict; a touch with the same bytes is not', async () => {
    const a = await instance('张三');
    const opened = await a.service.openFile('document');
    const later = (Date.now() + 60_000) / 1000;
    utimesSync(shared, later, later);
    const touched = await save(a.service, 'v2', { basedOn: opened!.stamp });
    expect(touched!.conflict).toBeUndefined();

    await writeFileAtomic(shared, enc('written by the CLI'), { backup: false });
    const refused = await save(a.service, 'v3', { basedOn: touched!.stamp });
    expect(refused!.conflict).toMatchObject({ missing: false, lockedBy: null, now: { size: 18 } });
    expect(readFileSync(shared, 'utf8')).toBe('written by the CLI');
  });

  it('a deleted file is a conflict saying so', async () => {
    const a = await instance('张三');
    const opened = await a.service.openFile('document');
    rmSync(shared);
    const refused = await save(a.service, 'v2', { basedOn: opened!.stamp });
    expect(refused!.conflict).toMatchObject({ missing: true, now: null });
    expect(existsSync(shared)).toBe(false);
  });

  it('另存为 onto a file another instance holds asks first', async () => {
    const a = await instance('张三');
    const b = await instance('李四');
    await a.service.openFile('document');
    b.showSaveDialog.mockResolvedValueOnce(shared);
    const refused = await b.service.saveFile({ suggestedName: '新.ysgk', bytes: enc('李四'), kind: 'document' });
    expect(refused!.conflict).toMatchObject({ lockedBy: { holder: '张三' }, expected: null });
    expect(readFileSync(shared, 'utf8')).toBe('v1');
  });

  it('a file handed over by a second launch is not locked until the page reopens it', async () => {
    const other = join(dir, '共享', '另一个.ysgk');
    writeFileSync(other, 'other');
    const a = await instance('张三');
    await a.service.openFile('document');
    const handed = await a.service.openDocumentAt(other, { lock: false });
    expect(handed.stamp).toBeUndefined();
    // The page may still answer 取消: 张三 keeps the lock of the document he has open, the other file stays free.
    expect(existsSync(lockPathFor(shared))).toBe(true);
    expect(existsSync(lockPathFor(other))).toBe(false);
    expect((await a.service.reopenFile(other))!.stamp).toBeDefined();
    expect(existsSync(lockPathFor(shared))).toBe(false);
    expect(existsSync(lockPathFor(other))).toBe(true);
  });

  it('新建 (releaseDocument) lets the other instance take the lock', async () => {
    const a = await instance('张三');
    const b = await instance('李四');
    await a.service.openFile('document');
    expect((await b.service.openFile('document'))!.lockedBy).toBeDefined();
    await a.service.releaseDocument();
    expect(existsSync(lockPathFor(shared))).toBe(false);
    expect((await b.service.openFile('document'))!.lockedBy).toBeUndefined();
  });
});

describe('a disk that cannot be checked', () => {
  it('says in Chinese which file could not be saved, naming no temporary file', async () => {
    const refuse = async () => Promise.reject(Object.assign(new Error("EACCES: permission denied, stat '/x/.预算.ysgk.tmp'"), { code: 'EACCES' }));
    const a = await instance('张三');
    const opened = await a.service.openFile('document');
    const b = await instance('张三', { disk: { readWithStamp, diskChange: refuse, stampAfterWrite, acquireLock: (p) => acquireLock(p), readLock: (p) => readLock(p) } });
    await b.service.openFile('document');
    await expect(save(b.service, 'v2', { basedOn: opened!.stamp })).rejects.toThrow(/^无法保存“.*预算\.ysgk”：没有权限/);
    expect(readFileSync(shared, 'utf8')).toBe('v1');
  });
});

describe('another process on the same file', () => {
  let child: string;
  beforeAll(async () => {
    child = await bundleChild('disk-child', mkdtempSync(join(tmpdir(), 'ysgk-child-')));
  }, 60_000);

  it('is seen as the holder while alive; after it is killed its lock is stale and the file opens for writing', async () => {
    const other = startChild(child, ['lock', shared]);
    try {
      expect(await other.first).toMatchObject({ ok: true });
      const a = await instance('张三');
      const opened = await a.service.openFile('document');
      expect(opened!.lockedBy).toBeDefined();
      const refused = await save(a.service, 'mine', { basedOn: opened!.stamp });
      expect(refused!.conflict?.lockedBy).toBeTruthy();
      expect(readFileSync(shared, 'utf8')).toBe('v1');
    } finally {
      other.child.kill('SIGKILL');
      await other.exited;
    }
    const a = await instance('张三');
    const opened = await a.service.openFile('document');
    expect(opened!.lockedBy).toBeUndefined();
    expect((await save(a.service, 'mine', { basedOn: opened!.stamp }))!.conflict).toBeUndefined();
  });
});

describe('history (per-user backups)', () => {
  it('every save adds a version; the last 10 are listed newest first and open as unsaved copies', async () => {
    let clock = Date.parse('2026-12-04T13:00:00Z');
    const userData = join(dir, 'backups-of-张三');
    const { service } = await instance('张三', { backups: createBackupStore(userData, 10, () => new Date((clock += 60_000))) });
    let stamp = (await service.openFile('document'))!.stamp;
    for (let i = 1; i <= 12; i++) stamp = (await save(service, `version ${i}`, { basedOn: stamp }))!.stamp;

    const history = await service.listHistory(shared);
    expect(history).toHaveLength(10);
    expect(history.map((h) => h.savedAt)).toEqual([...history.map((h) => h.savedAt)].sort().reverse());
    const oldest = history.at(-1)!;
    const copy = await service.openHistory(oldest.id);
    expect(dec(copy!.bytes)).toBe('version 3');
    expect(copy!.path).toBe(''); // saved through 另存为, never over the current file
    expect(copy!.name).toMatch(/^预算（\d{4}-\d{2}-\d{2} \d{2}-\d{2} 的版本）\.ysgk$/);
    expect(copy!.stamp).toBeUndefined();
  });

  it('lists nothing for a path the host never handed out, and opens no unknown version', async () => {
    const { service } = await instance('张三');
    expect(await service.listHistory(shared)).toEqual([]);
    expect(await service.openHistory('0123456789abcdef/20261204T130000000Z.ysgk')).toBeNull();
  });

  it('a backup that cannot be written does not fail the save', async () => {
    const warn = vi.fn();
    const backups = { add: async () => Promise.reject(new Error('disk full')), list: async () => [], read: async () => new Uint8Array() };
    const { service } = await instance('张三', { backups, warn });
    const opened = await service.openFile('document');
    expect((await save(service, 'v2', { basedOn: opened!.stamp }))!.conflict).toBeUndefined();
    expect(readFileSync(shared, 'utf8')).toBe('v2');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('历史版本未能保存'));
  });
});
