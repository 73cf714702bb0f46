import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, utimesSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rename } from 'node:fs/promises';
import { writeFileAtomic, sweepStaleTemps, tempPrefix } from './atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-aw-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (s: string) => new TextEncoder().encode(s);
const noSleep = async () => undefined;

describe('writeFileAtomic', () => {
  it('creates a new file without a backup', async () => {
    const target = join(dir, '新文档.ysgk');
    await writeFileAtomic(target, bytes('一'));
    expect(readFileSync(target, 'utf8')).toBe('一');
    expect(readdirSync(dir)).toEqual(['新文档.ysgk']);
  });

  it('keeps the previous version as .bak and leaves no temp files', async () => {
    const target = join(dir, 'a.ysgk');
    await writeFileAtomic(target, bytes('v1'));
    await writeFileAtomic(target, bytes('v2'));
    await writeFileAtomic(target, bytes('v3'));
    expect(readFileSync(target, 'utf8')).toBe('v3');
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe('v2');
    expect(readdirSync(dir).sort()).toEqual(['a.ysgk', 'a.ysgk.bak']);
  });

  it('skips the backup when asked', async () => {
    const target = join(dir, 'a.ysgk');
    await writeFileAtomic(target, bytes('v1'));
    await writeFileAtomic(target, bytes('v2'), { backup: false });
    expect(existsSync(`${target}.bak`)).toBe(false);
  });

  it('retries a rename refused by a Windows file lock, then succeeds', async () => {
    const target = join(dir, 'a.ysgk');
    let refusals = 0;
    const flaky = async (from: string, to: string) => {
      if (to === target && refusals < 3) {
        refusals += 1;
        throw Object.assign(new Error('locked'), { code: 'EPERM' });
      }
      await rename(from, to);
    };
    await writeFileAtomic(target, bytes('new'), { renameImpl: flaky, sleep: noSleep });
    expect(refusals).toBe(3);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('gives up after the retries, keeps the old file and removes its temp', async () => {
    const target = join(dir, 'a.ysgk');
    writeFileSync(target, 'old');
    const locked = async (from: string, to: string) => {
      if (to === target) throw Object.assign(new Error('locked'), { code: 'EBUSY' });
      await rename(from, to);
    };
    await expect(writeFileAtomic(target, bytes('new'), { renameImpl: locked, sleep: noSleep, retries: 2 })).rejects.toThrow('locked');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['a.ysgk', 'a.ysgk.bak']);
  });

  it('does not retry errors that are not locks', async () => {
    let calls = 0;
    const broken = async () => {
      calls += 1;
      throw Object.assign(new Error('gone'), { code: 'ENOENT' });
    };
    await expect(writeFileAtomic(join(dir, 'a.ysgk'), bytes('x'), { renameImpl: broken, sleep: noSleep })).rejects.toThrow('gone');
    expect(calls).toBe(1);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'a.ysgk'), bytes('x'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('sweepStaleTemps', () => {
  it('removes old temps of a killed writer but not young ones or other files', async () => {
    const target = join(dir, 'a.ysgk');
    const old = join(dir, `${tempPrefix(target)}123.abcd.tmp`);
    const young = join(dir, `${tempPrefix(target)}124.abce.tmp`);
    const other = join(dir, '.b.ysgk.1.x.tmp');
    for (const f of [old, young, other]) writeFileSync(f, 'x');
    const past = new Date(Date.now() - 10 * 60_000);
    utimesSync(old, past, past);
    utimesSync(other, past, past);
    expect(await sweepStaleTemps(target)).toEqual([old]);
    expect(existsSync(young) && existsSync(other)).toBe(true);
  });
});
