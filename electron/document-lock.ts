import type { LockHolder } from '../core/ipc/contract';
import { holderOf, type AcquireResult, type HeldLockLike } from './disk-deps';

export interface DocumentLockDeps {
  acquireLock(path: string): Promise<AcquireResult>;
  /** Same file? (case-insensitive on Windows/macOS, as KnownPaths decides). */
  samePath(a: string, b: string): boolean;
  /** How often the heartbeat is written while the lock is held; 0 = never (tests). */
  heartbeatMs: number;
  warn(message: string): void;
}

/**
 * The lock of the one document open in this window. Opening a document takes its lock (or learns who holds it, and
 * the document opens read-only); opening another, 新建 or quitting releases it. While held, the heartbeat is
 * refreshed so other instances never take a live lock for a stale one.
 */
export class DocumentLock {
  private held: { path: string; lock: HeldLockLike } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: DocumentLockDeps) {}

  /** Path whose lock this window holds, or null. */
  get path(): string | null {
    return this.held?.path ?? null;
  }

  holds(path: string): boolean {
    return this.held !== null && this.deps.samePath(this.held.path, path);
  }

  /** Take the lock of path (releasing the previous document's). Resolves to the other holder, or null when ours. */
  async take(path: string): Promise<LockHolder | null> {
    if (this.holds(path)) return null;
    await this.release();
    let result: AcquireResult;
    try {
      result = await this.deps.acquireLock(path);
    } catch (error) {
      // A folder we may read but not write (a CD, a read-only share): open without a lock; save will say why not.
      this.deps.warn(`无法创建锁文件：${String(error)}`);
      return null;
    }
    if (!result.ok) return holderOf(result.heldBy);
    this.held = { path, lock: result.lock };
    if (this.deps.heartbeatMs > 0) {
      const lock = result.lock;
      this.timer = setInterval(() => void lock.refresh().catch((e: unknown) => this.onRefreshFailed(lock, e)), this.deps.heartbeatMs);
      this.timer.unref?.();
    }
    return null;
  }

  /**
   * Another instance took the lock over (it judged ours stale, e.g. after this PC slept): it is no longer ours, so
   * the next save checks the lock file again and names the new holder instead of writing over their work.
   */
  private onRefreshFailed(lock: HeldLockLike, error: unknown): void {
    this.deps.warn(`锁文件未能刷新：${String(error)}`);
    if ((error as { code?: unknown } | null)?.code !== 'ELOCKLOST' || this.held?.lock !== lock) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.held = null;
  }

  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const held = this.held;
    this.held = null;
    if (held) await held.lock.release().catch((e: unknown) => this.deps.warn(`锁文件未能删除：${String(e)}`));
  }
}
