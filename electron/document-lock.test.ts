import { describe, it, expect, vi, afterEach } from 'vitest';
import { DocumentLock, type DocumentLockDeps } from './document-lock';
import type { AcquireResult } from './disk-deps';

vi.mock('electron', () => ({}));
afterEach(() => vi.useRealTimers());

function fakeLocks() {
  const held = new Map<string, { refresh: ReturnType<typeof vi.fn>; release: ReturnType<typeof vi.fn> }>();
  const acquireLock = vi.fn(async (path: string): Promise<AcquireResult> => {
    if (path.includes('别人')) return { ok: false, heldBy: { holder: '李四', machine: 'PC-02', pid: 7, since: '2026-12-04T01:30:00.000Z' } };
    const lock = { refresh: vi.fn(async () => undefined), release: vi.fn(async () => undefined) };
    held.set(path, lock);
    return { ok: true, lock };
  });
  return { held, acquireLock };
}

function make(overrides: Partial<DocumentLockDeps> = {}) {
  const locks = fakeLocks();
  const warn = vi.fn();
  const lock = new DocumentLock({ acquireLock: locks.acquireLock, samePath: (a, b) => a === b, heartbeatMs: 60_000, warn, ...overrides });
  return { lock, locks, warn };
}

describe('the lock of the open document', () => {
  it('refreshes the heartbeat while held and stops once released', async () => {
    vi.useFakeTimers();
    const { lock, locks } = make();
    expect(await lock.take('/d/a.ysgk')).toBeNull();
    const held = locks.held.get('/d/a.ysgk')!;
    await vi.advanceTimersByTimeAsync(180_000);
    expect(held.refresh).toHaveBeenCalledTimes(3);
    await lock.release();
    expect(held.release).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(180_000);
    expect(held.refresh).toHaveBeenCalledTimes(3);
  });

  it('opening another document releases the previous lock; the same document keeps it', async () => {
    const { lock, locks } = make({ heartbeatMs: 0 });
    await lock.take('/d/a.ysgk');
    await lock.take('/d/a.ysgk');
    expect(locks.acquireLock).toHaveBeenCalledTimes(1);
    await lock.take('/d/b.ysgk');
    expect(locks.held.get('/d/a.ysgk')!.release).toHaveBeenCalled();
    expect(lock.path).toBe('/d/b.ysgk');
  });

  it('names the holder of a document open elsewhere, and holds nothing then', async () => {
    const { lock } = make({ heartbeatMs: 0 });
    expect(await lock.take('/d/别人的.ysgk')).toEqual({ holder: '李四', machine: 'PC-02', since: '2026-12-04T01:30:00.000Z' });
    expect(lock.path).toBeNull();
  });

  it('a folder where no lock can be written still opens the document (with a warning)', async () => {
    const { lock, warn } = make({ acquireLock: async () => Promise.reject(Object.assign(new Error('ro'), { code: 'EROFS' })) });
    expect(await lock.take('/cdrom/a.ysgk')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('无法创建锁文件'));
  });

  it('a heartbeat that fails (lock taken over) is reported, not thrown', async () => {
    vi.useFakeTimers();
    const { lock, locks, warn } = make();
    await lock.take('/d/a.ysgk');
    locks.held.get('/d/a.ysgk')!.refresh.mockRejectedValue(Object.assign(new Error('lost'), { code: 'ELOCKLOST' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('锁文件未能刷新'));
    // Taken over: no longer ours, so a save checks the lock file again; releasing must not delete theirs.
    expect(lock.holds('/d/a.ysgk')).toBe(false);
    await lock.release();
    expect(locks.held.get('/d/a.ysgk')!.release).not.toHaveBeenCalled();
  });

  it('a heartbeat that fails for another reason (a network hiccup) keeps the lock', async () => {
    vi.useFakeTimers();
    const { lock, locks } = make();
    await lock.take('/d/a.ysgk');
    locks.held.get('/d/a.ysgk')!.refresh.mockRejectedValueOnce(Object.assign(new Error('io'), { code: 'EIO' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(lock.holds('/d/a.ysgk')).toBe(true);
    await lock.release();
  });
});
