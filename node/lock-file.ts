import { link, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { sweepStaleTemps, tempPrefix } from './atomic-write';

/**
 * "<dir>/~$<name>.lock" beside a document says who has it open (like Office's owner files), so a second instance —
 * on this PC or another one on a shared folder, or the CLI — opens it read-only instead of overwriting its work.
 * The lock is advisory: it only protects against programs that read it (the app and the CLI).
 *
 * Stale (ignored and taken over) when: written on this machine by a process that is no longer alive (a crash), or its
 * heartbeat is older than 10 minutes (a crash on another machine, whose pid we cannot check). The holder refreshes the
 * heartbeat while the document stays open.
 */
export interface LockInfo {
  holder: string;
  machine: string;
  pid: number;
  since: string;
}

interface LockFileContent extends LockInfo {
  heartbeat: string;
}

export interface HeldLock {
  path: string;
  info: LockInfo;
  /** Rewrite the heartbeat; throws (code ELOCKLOST) when another process has taken the lock over meanwhile. */
  refresh(): Promise<void>;
  /** Remove the lock file if it is still ours. */
  release(): Promise<void>;
}

export const STALE_AFTER_MS = 10 * 60 * 1000;

/** Test seams: the clock and the liveness check (real defaults). */
export interface LockEnv {
  now?: () => number;
  isAlive?: (pid: number) => boolean;
}

/**
 * The lock path of a document. A symlinked document shares the lock of the file it points to, so the link and the
 * real path cannot be opened for writing at the same time.
 */
export function lockPathFor(documentPath: string): string {
  let real = documentPath;
  try {
    real = realpathSync.native(documentPath);
  } catch {
    /* not there yet (a new file): its lock sits beside the path given */
  }
  return join(dirname(real), `~$${basename(real)}.lock`);
}

export function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? '';
  }
}

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseLock(text: string): LockFileContent | null {
  try {
    const v = JSON.parse(text) as Partial<LockFileContent>;
    if (typeof v !== 'object' || v === null) return null;
    if (typeof v.holder !== 'string' || typeof v.machine !== 'string' || typeof v.since !== 'string') return null;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid)) return null;
    const heartbeat = typeof v.heartbeat === 'string' ? v.heartbeat : v.since;
    return { holder: v.holder.slice(0, 200), machine: v.machine.slice(0, 200), pid: v.pid, since: v.since.slice(0, 40), heartbeat };
  } catch {
    return null;
  }
}

function isStale(lock: LockFileContent, env: LockEnv): boolean {
  const now = (env.now ?? Date.now)();
  const beat = Date.parse(lock.heartbeat);
  if (!Number.isFinite(beat) || now - beat > STALE_AFTER_MS) return true;
  if (lock.machine === hostname()) return !(env.isAlive ?? processAlive)(lock.pid);
  return false;
}

function infoOf(lock: LockFileContent): LockInfo {
  return { holder: lock.holder, machine: lock.machine, pid: lock.pid, since: lock.since };
}

async function readRaw(path: string): Promise<LockFileContent | 'damaged' | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
  return parseLock(text) ?? 'damaged';
}

/**
 * Work files of the lock live beside it, hidden (".~$name.lock.<id>.tmp"), and are swept by the next acquire once a
 * minute old: a process killed mid-heartbeat must not litter a shared folder with visible files.
 */
function hiddenTemp(lockPath: string, id: string): string {
  return join(dirname(lockPath), `${tempPrefix(lockPath)}${id}.tmp`);
}

/** The live lock of a document: null when there is none, it is stale, or it is damaged (nobody can own it). */
export async function readLock(documentPath: string, env: LockEnv = {}): Promise<LockInfo | null> {
  const raw = await readRaw(lockPathFor(documentPath));
  if (raw === null || raw === 'damaged' || isStale(raw, env)) return null;
  return infoOf(raw);
}

/**
 * Creates the lock file with its full content in one step: written to a temp file, then hard-linked to the lock
 * name (link fails with EEXIST if a lock exists, atomically, and a reader never sees a half-written lock). Where the
 * file system has no hard links (FAT, some shares) we fall back to an exclusive create.
 */
async function createExclusive(path: string, text: string): Promise<boolean> {
  const temp = hiddenTemp(path, `${process.pid}.${randomBytes(4).toString('hex')}`);
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function sameLock(a: LockFileContent, b: LockInfo): boolean {
  return a.pid === b.pid && a.machine === b.machine && a.since === b.since && a.holder === b.holder;
}

/**
 * Moves a stale lock aside so a new one can be created. Two processes may both judge it stale: rename lets only one
 * move a given file, and the mover checks that what it moved is the stale lock it judged (not a fresh lock the other
 * process created in between); a fresh one is linked back.
 */
async function removeStale(path: string, judged: LockFileContent | 'damaged'): Promise<void> {
  const aside = hiddenTemp(path, `stale.${randomBytes(4).toString('hex')}`);
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readRaw(aside).catch(() => null);
  const isJudged = judged === 'damaged' ? moved === 'damaged' : moved !== null && moved !== 'damaged' && sameLock(moved, judged);
  if (!isJudged && moved !== null && moved !== 'damaged') await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

export async function acquireLock(
  documentPath: string,
  me: Partial<LockInfo> = {},
  env: LockEnv = {},
): Promise<{ ok: true; lock: HeldLock } | { ok: false; heldBy: LockInfo }> {
  const path = lockPathFor(documentPath);
  const now = (env.now ?? Date.now)();
  const info: LockInfo = {
    holder: me.holder ?? currentUser(),
    machine: me.machine ?? hostname(),
    pid: me.pid ?? process.pid,
    since: me.since ?? new Date(now).toISOString(),
  };
  const content = (beat: number): string => JSON.stringify({ ...info, heartbeat: new Date(beat).toISOString() } satisfies LockFileContent);
  await sweepStaleTemps(path).catch(() => undefined);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await createExclusive(path, content(now))) return { ok: true, lock: heldLock(path, info, content, env) };
    const existing = await readRaw(path);
    if (existing === null) continue; // released meanwhile: try again
    if (existing !== 'damaged' && !isStale(existing, env)) return { ok: false, heldBy: infoOf(existing) };
    await removeStale(path, existing);
  }
  const last = await readRaw(path);
  if (last && last !== 'damaged') return { ok: false, heldBy: infoOf(last) };
  throw Object.assign(new Error('lock contention'), { code: 'EBUSY', path: documentPath });
}

function heldLock(path: string, info: LockInfo, content: (beat: number) => string, env: LockEnv): HeldLock {
  const stillOurs = async (): Promise<boolean> => {
    const raw = await readRaw(path);
    return raw !== null && raw !== 'damaged' && sameLock(raw, info);
  };
  return {
    path,
    info,
    async refresh() {
      if (!(await stillOurs())) throw Object.assign(new Error('lock taken over'), { code: 'ELOCKLOST', path });
      // Replace by rename so a reader never sees a half-written heartbeat.
      const temp = hiddenTemp(path, randomBytes(4).toString('hex'));
      await writeFile(temp, content((env.now ?? Date.now)()), { flag: 'wx' });
      try {
        await rename(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },
    async release() {
      if (await stillOurs()) await unlink(path).catch(() => undefined);
    },
  };
}
