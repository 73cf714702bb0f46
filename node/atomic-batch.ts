import { copyFile, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { prepareAtomicWrite, tempPrefix, type AtomicWriteOptions, type PreparedWrite } from './atomic-write';

/**
 * Several files written all or none (the CLI's `export --xlsx A --docx B`): every file is first written completely
 * to a temp file beside its target; only when all are on disk are they renamed, one after the other. If a rename
 * fails, the targets already replaced get their previous content back (or are removed when they did not exist),
 * so a failure leaves every target as it was. (A power cut between two renames can still leave A new and B old —
 * each file is itself always complete.)
 */
export interface BatchEntry {
  target: string;
  bytes: Uint8Array;
  /** Keep "<target>.bak" of the replaced file (default false). */
  backup?: boolean;
}

export interface BatchOptions extends Omit<AtomicWriteOptions, 'backup'> {
  /** Injected for tests: how each prepared write is committed (default: its own commit). */
  commitImpl?: (prepared: PreparedWrite, index: number) => Promise<void>;
}

interface Rollback {
  target: string;
  /** Copy of the previous content, or null when the target did not exist. */
  saved: string | null;
}

export async function writeFilesAtomic(entries: readonly BatchEntry[], options: BatchOptions = {}): Promise<void> {
  const prepared: PreparedWrite[] = [];
  const rollbacks: Rollback[] = [];
  try {
    for (const entry of entries) {
      prepared.push(await blame(entry.target, prepareAtomicWrite(entry.target, entry.bytes, { ...options, backup: entry.backup ?? false })));
    }
    for (const [i, p] of prepared.entries()) rollbacks.push({ target: p.target, saved: await blame(entries[i]!.target, saveCopy(p.target)) });
  } catch (error) {
    await Promise.all(prepared.map((p) => p.discard()));
    await Promise.all(rollbacks.map((r) => (r.saved ? unlink(r.saved).catch(() => undefined) : undefined)));
    throw error;
  }
  let committed = 0;
  try {
    for (const [i, p] of prepared.entries()) {
      await blame(entries[i]!.target, options.commitImpl ? options.commitImpl(p, i) : p.commit());
      committed += 1;
    }
  } catch (error) {
    for (const p of prepared.slice(committed)) await p.discard();
    // The failing commit may have replaced its target before failing: restore it too.
    for (const r of rollbacks.slice(0, committed + 1)) await restore(r);
    await Promise.all(rollbacks.slice(committed + 1).map((r) => (r.saved ? unlink(r.saved).catch(() => undefined) : undefined)));
    throw error;
  }
  await Promise.all(rollbacks.map((r) => (r.saved ? unlink(r.saved).catch(() => undefined) : undefined)));
}

/**
 * Marks an error with the target the caller named (`failedTarget`), so the message can name the user's file; the
 * errno error itself names whatever path the syscall used, often the temp file.
 */
async function blame<T>(target: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (typeof error === 'object' && error !== null && !('failedTarget' in error)) Object.assign(error, { failedTarget: target });
    throw error;
  }
}

/** A temp copy of the target's current content (same folder, so restoring is a rename), or null if there is none. */
async function saveCopy(target: string): Promise<string | null> {
  const copy = join(dirname(target), `${tempPrefix(target)}undo.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await copyFile(target, copy);
    return copy;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function restore(r: Rollback): Promise<void> {
  if (r.saved) await rename(r.saved, r.target).catch(() => undefined);
  else await unlink(r.target).catch(() => undefined);
}
