import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackupStore, documentKey } from './backup-store';

let dir: string;
let root: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-bk-'));
  root = join(dir, 'backups');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

/** A clock that moves one second per call, so every version has its own time. */
function clock(start = Date.parse('2026-12-04T08:00:00.000Z')) {
  let t = start;
  return () => new Date((t += 1000));
}

describe('backup store', () => {
  it('keeps the last 10 versions per document, newest first, with timestamped names', async () => {
    const store = createBackupStore(root, 10, clock());
    const doc = join(dir, '预算.ysgk');
    for (let i = 1; i <= 12; i += 1) await store.add(doc, bytes(`v${i}`));
    const list = await store.list(doc);
    expect(list).toHaveLength(10);
    expect(list[0]).toMatchObject({ documentPath: doc, savedAt: '2026-12-04T08:00:12.000Z', size: 3 });
    expect(text(await store.read(list[0]!.id))).toBe('v12');
    expect(text(await store.read(list[9]!.id))).toBe('v3');
    const [folder] = readdirSync(root);
    expect(folder).toBe(`预算-${documentKey(doc)}`);
    expect(readdirSync(join(root, folder!))).toContain('20261204T080012000Z.ysgk');
  });

  it('two documents with one name in different folders keep separate histories; list() shows all', async () => {
    const store = createBackupStore(root, 10, clock());
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    await store.add(join(dir, 'a', '预算.ysgk'), bytes('A'));
    await store.add(join(dir, 'b', '预算.ysgk'), bytes('B'));
    expect((await store.list(join(dir, 'a', '预算.ysgk'))).map((e) => e.documentPath)).toEqual([join(dir, 'a', '预算.ysgk')]);
    const all = await store.list();
    expect(all.map((e) => e.documentPath)).toEqual([join(dir, 'b', '预算.ysgk'), join(dir, 'a', '预算.ysgk')]);
    expect(await store.list(join(dir, 'c.ysgk'))).toEqual([]);
  });

  it('a symlink and its target share one history', async () => {
    const store = createBackupStore(root, 10, clock());
    const real = join(dir, 'real.ysgk');
    writeFileSync(real, 'x');
    symlinkSync(real, join(dir, 'link.ysgk'));
    await store.add(join(dir, 'link.ysgk'), bytes('1'));
    await store.add(real, bytes('2'));
    expect(await store.list(real)).toHaveLength(2);
  });

  it('two saves in one millisecond are both kept and ordered', async () => {
    const store = createBackupStore(root, 10, () => new Date('2026-12-04T08:00:00.000Z'));
    const doc = join(dir, 'x.ysgk');
    await store.add(doc, bytes('first'));
    await store.add(doc, bytes('second'));
    const list = await store.list(doc);
    expect(list.map((e) => e.id.split('/')[1])).toEqual(['20261204T080000000Z-1.ysgk', '20261204T080000000Z.ysgk']);
    expect(text(await store.read(list[0]!.id))).toBe('second');
  });

  it('read() refuses ids that could reach outside the store', async () => {
    const store = createBackupStore(root, 10, clock());
    const entry = await store.add(join(dir, 'x.ysgk'), bytes('ok'));
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    const key = entry.id.split('/')[0]!;
    for (const bad of [
      '../secret.txt',
      `${key}/../../secret.txt`,
      `${key}/..%2Fsecret.txt`,
      `${key}\\..\\secret.txt`,
      `${key}/20261204T080000000Z.ysgk/x`,
      '/etc/passwd',
      `${key}/document.json`,
      '',
    ]) {
      await expect(store.read(bad), bad).rejects.toMatchObject({ code: 'ENOENT' });
    }
    expect(text(await store.read(entry.id))).toBe('ok');
  });
});
