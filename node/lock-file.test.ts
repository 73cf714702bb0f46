import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, lockPathFor, readLock, STALE_AFTER_MS } from './lock-file';
import { bundleChild, startChild, type RunningChild } from './testing/child-process';

// Two processes on one document: the lock a live child holds is seen by the parent with the child's pid and machine;
// after SIGKILL of the child the lock is stale and the parent takes it over.
let dir: string;
let script: string;
const children: RunningChild[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-lock-'));
  script = await bundleChild('disk-child', dir);
});
afterEach(() => {
  for (const c of children.splice(0)) c.child.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lockInChild(doc: string): RunningChild {
  const c = startChild(script, ['lock', doc]);
  children.push(c);
  return c;
}

describe('lock file, two processes', () => {
  it('the parent sees the child as holder; after SIGKILL the lock is stale and the parent acquires it', { timeout: 60_000 }, async () => {
    const doc = join(dir, '预算.ysgk');
    writeFileSync(doc, '{}');
    const holder = lockInChild(doc);
    const answer = (await holder.first) as { ok: boolean; pid: number };
    expect(answer.ok).toBe(true);
    expect(existsSync(join(dir, '~$预算.ysgk.lock'))).toBe(true);

    const seen = await readLock(doc);
    expect(seen).toMatchObject({ pid: holder.child.pid, machine: hostname() });
    const refused = await acquireLock(doc);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.heldBy).toMatchObject({ pid: holder.child.pid, machine: hostname() });

    holder.child.kill('SIGKILL');
    expect((await holder.exited).signal).toBe('SIGKILL');
    expect(await readLock(doc)).toBeNull();
    const taken = await acquireLock(doc);
    expect(taken.ok).toBe(true);
    if (!taken.ok) return;
    expect(await readLock(doc)).toMatchObject({ pid: process.pid });
    await taken.lock.release();
    expect(existsSync(lockPathFor(doc))).toBe(false);
    // No stale or temp leftovers beside the document.
    expect(readdirSync(dir).filter((n) => n !== 'disk-child.mjs')).toEqual(['预算.ysgk']);
  });

  it('of several processes racing for one lock, exactly one gets it', { timeout: 60_000 }, async () => {
    const doc = join(dir, '并发.ysgk');
    const racers = [0, 1, 2, 3].map(() => lockInChild(doc));
    const answers = (await Promise.all(racers.map((r) => r.first))) as { ok: boolean; pid?: number; heldBy?: { pid: number } }[];
    const winners = answers.filter((a) => a.ok);
    expect(winners).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) expect(a.heldBy?.pid).toBe(winners[0]!.pid);
  });

  it('a symlink to the document shares its lock', { timeout: 60_000 }, async () => {
    const doc = join(dir, '共享.ysgk');
    writeFileSync(doc, '{}');
    symlinkSync(doc, join(dir, '链接.ysgk'));
    const holder = lockInChild(doc);
    await holder.first;
    expect(await readLock(join(dir, '链接.ysgk'))).toMatchObject({ pid: holder.child.pid });
  });
});

describe('lock file stale rules', () => {
  function writeLock(doc: string, fields: Record<string, unknown>): void {
    writeFileSync(lockPathFor(doc), JSON.stringify(fields));
  }

  it('another machine: live until its heartbeat is older than 10 minutes', async () => {
    const doc = join(dir, '他机.ysgk');
    const beat = Date.parse('2026-12-04T10:00:00Z');
    writeLock(doc, { holder: '张会计', machine: 'other-pc', pid: 4242, since: '2026-12-04T09:00:00.000Z', heartbeat: new Date(beat).toISOString() });
    const fresh = { now: () => beat + STALE_AFTER_MS - 1000 };
    expect(await readLock(doc, fresh)).toEqual({ holder: '张会计', machine: 'other-pc', pid: 4242, since: '2026-12-04T09:00:00.000Z' });
    const r = await acquireLock(doc, {}, fresh);
    expect(r.ok).toBe(false);
    const late = { now: () => beat + STALE_AFTER_MS + 1000 };
    expect(await readLock(doc, late)).toBeNull();
    const taken = await acquireLock(doc, {}, late);
    expect(taken.ok).toBe(true);
    if (taken.ok) await taken.lock.release();
  });

  it('this machine: stale when the pid is gone, even with a fresh heartbeat', async () => {
    const doc = join(dir, '本机.ysgk');
    writeLock(doc, { holder: 'x', machine: hostname(), pid: 777, since: new Date().toISOString(), heartbeat: new Date().toISOString() });
    expect(await readLock(doc, { isAlive: () => true })).not.toBeNull();
    expect(await readLock(doc, { isAlive: () => false })).toBeNull();
  });

  it('a damaged lock file is nobody\'s: readLock null, acquire replaces it', async () => {
    const doc = join(dir, '坏锁.ysgk');
    writeFileSync(lockPathFor(doc), '{"holder":');
    expect(await readLock(doc)).toBeNull();
    const taken = await acquireLock(doc);
    expect(taken.ok).toBe(true);
    if (taken.ok) await taken.lock.release();
  });

  it('refresh rewrites the heartbeat; a lock taken over meanwhile is not refreshed or released', async () => {
    const doc = join(dir, '心跳.ysgk');
    let now = Date.parse('2026-12-04T10:00:00Z');
    const env = { now: () => now };
    const mine = await acquireLock(doc, {}, env);
    expect(mine.ok).toBe(true);
    if (!mine.ok) return;
    now += 5 * 60_000;
    await mine.lock.refresh();
    expect(JSON.parse(readFileSync(lockPathFor(doc), 'utf8')).heartbeat).toBe(new Date(now).toISOString());
    writeLock(doc, { holder: 'other', machine: 'other-pc', pid: 1, since: 'x', heartbeat: new Date(now).toISOString() });
    await expect(mine.lock.refresh()).rejects.toMatchObject({ code: 'ELOCKLOST' });
    await mine.lock.release();
    expect(JSON.parse(readFileSync(lockPathFor(doc), 'utf8')).holder).toBe('other');
  });
});
