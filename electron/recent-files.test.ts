import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_RECENT, RecentFiles } from './recent-files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-recent-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('RecentFiles', () => {
  it('keeps newest first, without duplicates, at most ten, across restarts', async () => {
    const file = join(dir, 'recent.json');
    const recent = new RecentFiles(file, false);
    await recent.load();
    for (let i = 0; i < 12; i += 1) await recent.add(`/d/${i}.ysgk`);
    await recent.add('/d/5.ysgk');
    const again = new RecentFiles(file, false);
    const list = await again.load();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toEqual({ path: resolve('/d/5.ysgk'), name: '5.ysgk' });
    expect(list.filter((e) => e.name === '5.ysgk')).toHaveLength(1);
  });

  it('treats paths case-insensitively on Windows', async () => {
    const recent = new RecentFiles(join(dir, 'r.json'), true);
    await recent.load();
    await recent.add('/D/A.ysgk');
    await recent.add('/d/a.ysgk');
    expect(recent.all()).toHaveLength(1);
    expect(recent.has('/D/a.YSGK')).toBe(true);
  });

  it('starts empty from a damaged or foreign file', async () => {
    const file = join(dir, 'r.json');
    writeFileSync(file, '{not json');
    expect(await new RecentFiles(file).load()).toEqual([]);
    writeFileSync(file, JSON.stringify([{ path: 1 }, { path: '/a.ysgk', name: 'a.ysgk' }]));
    expect(await new RecentFiles(file).load()).toEqual([{ path: '/a.ysgk', name: 'a.ysgk' }]);
  });

  it('removes and clears', async () => {
    const recent = new RecentFiles(join(dir, 'r.json'), false);
    await recent.load();
    await recent.add('/a.ysgk');
    await recent.add('/b.ysgk');
    await recent.remove('/a.ysgk');
    expect(recent.all().map((e) => e.name)).toEqual(['b.ysgk']);
    await recent.clear();
    expect(recent.all()).toEqual([]);
  });
});
