import { open, rename, copyFile, unlink, readdir, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Atomic save: write a temporary file in the same folder (same volume, so the rename is atomic), flush it to disk,
 * rename it over the target. A crash at any moment leaves either the complete old or the complete new file.
 * The previous version is kept as "<name>.bak" beside it, itself replaced atomically (copy to a temp, rename), so a
 * crash while making the backup never leaves a half backup either. Used by the Electron main process and the CLI.
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
  const dir = dirname(target);
  const doRename = options.renameImpl ?? rename;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const retries = options.retries ?? 8;
  await sweepStaleTemps(target);

  const temp = join(dir, `${tempPrefix(target)}${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  // 'wx': never follow or reuse an existing file at the temp name.
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }

  try {
    if (options.backup !== false) await makeBackup(target, { rename: doRename, sleep, retries });
    await withRetry(() => doRename(temp, target), sleep, retries);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
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
