import { open, rename, copyFile, unlink, readdir, stat, lstat, readlink, realpath, type FileHandle } from 'node:fs/promises';
import { constants as fsConstants, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Atomic save: write a temporary file in the same folder (same volume, so the rename is atomic), flush it to disk,
 * rename it over the target. A crash at any moment leaves either the complete old or the complete new file.
 * The previous version is kept as "<name>.bak" beside it, itself replaced atomically (copy to a temp, rename), so a
 * crash while making the backup never leaves a half backup either. Used by the Electron main process and the CLI.
 *
 * The save keeps what the file is: through a symlink the file it points to is replaced (the link stays a link), the
 * permission bits stay, and a read-only file is refused (code EREADONLY) instead of silently replaced.
 */
export interface AtomicWriteOptions {
  /** Keep the previous version as "<target>.bak" (default true). */
  backup?: boolean;
  /**
   * Windows: antivirus scanners, indexers and sync clients briefly open freshly written files without
   * FILE_SHARE_DELETE, and rename-over then fails with EPERM/EACCES/EBUSY. Retry this many times with a growing
   * pause (default 8 tries, about 3 s in all) before giving up.
   */
  retries?: number;
  /** Injected for tests: the rename used for the final step. */
  renameImpl?: (from: string, to: string) => Promise<void>;
  /** Injected for tests: how to wait between retries. */
  sleep?: (ms: number) => Promise<void>;
}

const TEMP_SUFFIX = '.tmp';
const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** The temp-file prefix for a target; stale temps left by a killed writer share it and are swept on the next save. */
export function tempPrefix(target: string): string {
  return `.${basename(target)}.`;
}

export async function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const prepared = await prepareAtomicWrite(target, bytes, options);
  await prepared.commit();
}

/** A complete temp file beside its target, not yet renamed over it (see writeFilesAtomic for several at once). */
export interface PreparedWrite {
  /** The file that will be replaced: the resolved target of a symlink. */
  readonly target: string;
  /** Back up the old file (unless backup:false) and rename the temp over the target; removes the temp on failure. */
  commit(): Promise<void>;
  /** Remove the temp file; the target stays as it was. */
  discard(): Promise<void>;
}

/**
 * Writes and flushes the temp file; the target is not touched until commit(). Throws EREADONLY for a read-only target
 * and EISDIR for a folder before anything is written.
 */
export async function prepareAtomicWrite(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<PreparedWrite> {
  // A symlink stays a link: write beside the file it points to, so a shared document is really updated.
  const real = await resolveWriteTarget(target);
  const dir = dirname(real);
  const doRename = options.renameImpl ?? rename;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const retries = options.retries ?? 8;
  const existing = await statOrNull(real);
  if (existing?.isDirectory()) throw Object.assign(new Error(`is a directory: ${target}`), { code: 'EISDIR', path: target });
  if (existing) await refuseReadOnly(real, existing.mode, target);
  await sweepStaleTemps(real);

  const temp = join(dir, `${tempPrefix(real)}${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  // 'wx': never follow or reuse an existing file at the temp name.
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(bytes);
    if (existing) await keepOwnerAndMode(handle, existing);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }

  let done = false;
  return {
    target: real,
    async commit() {
      if (done) return;
      done = true;
      try {
        if (options.backup !== false) await makeBackup(real, { rename: doRename, sleep, retries });
        await withRetry(() => doRename(temp, real), sleep, retries);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      await syncDir(dir);
    },
    async discard() {
      if (done) return;
      done = true;
      await unlink(temp).catch(() => undefined);
    },
  };
}

/**
 * The file a write to target really replaces: realpath for an existing file; for a dangling symlink the path it
 * points to (so saving through the link creates the shared file, not a plain file in place of the link).
 */
export async function resolveWriteTarget(target: string): Promise<string> {
  let path = resolve(target);
  for (let depth = 0; depth < 40; depth += 1) {
    try {
      return await realpath(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    let info;
    try {
      info = await lstat(path);
    } catch {
      // Nothing at path: resolve the folder (which may itself be reached through a link) and keep the name.
      const parent = await realpath(dirname(path)).catch(() => dirname(path));
      return join(parent, basename(path));
    }
    if (!info.isSymbolicLink()) return path;
    path = resolve(dirname(path), await readlink(path));
  }
  throw Object.assign(new Error(`too many symbolic links: ${target}`), { code: 'ELOOP', path: target });
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * A read-only file stays unwritten: rename-over would replace it although the user (or an administrator) protected
 * it. Read-only means no owner-write bit (on Windows Node maps the read-only attribute to that bit), or a file this
 * user may not open for writing (someone else's file in a shared folder).
 */
async function refuseReadOnly(real: string, mode: number, userTarget: string): Promise<void> {
  const readOnly = (): Error => Object.assign(new Error(`read-only: ${userTarget}`), { code: 'EREADONLY', path: userTarget });
  if ((mode & 0o200) === 0) throw readOnly();
  let probe;
  try {
    probe = await open(real, fsConstants.O_WRONLY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw readOnly();
    throw error;
  }
  await probe.close();
}

/** The new file keeps the old one's permission bits (0600 stays 0600) and, when we may, its owner. */
async function keepOwnerAndMode(handle: FileHandle, old: Stats): Promise<void> {
  await handle.chmod(old.mode & 0o7777);
  if (process.getuid?.() === 0 && (old.uid !== 0 || old.gid !== 0)) await handle.chown(old.uid, old.gid).catch(() => undefined);
}

async function makeBackup(
  target: string,
  io: { rename: (a: string, b: string) => Promise<void>; sleep: (ms: number) => Promise<void>; retries: number },
): Promise<void> {
  const bak = `${target}.bak`;
  const bakTemp = join(dirname(target), `${tempPrefix(target)}bak.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  try {
    await copyFile(target, bakTemp);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // first save: nothing to back up
    throw error;
  }
  try {
    await flushFile(bakTemp);
    await withRetry(() => io.rename(bakTemp, bak), io.sleep, io.retries);
  } catch (error) {
    await unlink(bakTemp).catch(() => undefined);
    throw error;
  }
}

export async function withRetry(
  action: () => Promise<void>,
  sleep: (ms: number) => Promise<void>,
  retries: number,
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await action();
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= retries) throw error;
      await sleep(Math.min(50 * 2 ** attempt, 1000));
    }
  }
}

/**
 * A writer killed between creating its temp file and the rename leaves ".<name>.<pid>.<rand>.tmp" behind. Remove
 * those older than a minute (a younger one may belong to another live writer, e.g. the CLI while the app saves).
 */
export async function sweepStaleTemps(target: string, now = Date.now(), minAgeMs = 60_000): Promise<string[]> {
  const dir = dirname(target);
  const prefix = tempPrefix(target);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const full = join(dir, name);
    try {
      const info = await stat(full);
      if (now - info.mtimeMs < minAgeMs) continue;
      await unlink(full);
      removed.push(full);
    } catch {
      /* raced with another writer: fine */
    }
  }
  return removed;
}

async function flushFile(path: string): Promise<void> {
  const h = await open(path, 'r+');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  // Make the rename itself durable; not possible on Windows, where opening a directory fails.
  try {
    const h = await open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    /* directory fsync unsupported on this platform */
  }
}
