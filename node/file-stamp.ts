import { open, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';

/**
 * What a file on disk was when we read or wrote it. A later save compares it with the disk to notice that someone
 * else (another PC on a shared folder, the CLI, a sync client) changed the file in between: size and mtime are
 * cheap; the hash decides when only the mtime moved (a `touch`, a copy that kept the bytes), which is no change.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function stampOfBytes(bytes: Uint8Array, info: { size: number; mtimeMs: number }): FileStamp {
  return { size: info.size, mtimeMs: info.mtimeMs, sha256: sha256Hex(bytes) };
}

/**
 * Reads the bytes and the stat through one handle, so the stamp describes exactly what was read (a stat by path
 * could see a file renamed over it in between).
 */
export async function readWithStamp(path: string): Promise<{ bytes: Uint8Array; stamp: FileStamp }> {
  const handle = await open(path, 'r');
  try {
    const before = await handle.stat();
    const bytes = new Uint8Array(await handle.readFile());
    // Written to in place while we read (not by an atomic rename): describe what we hold, whose size is exact.
    return { bytes, stamp: stampOfBytes(bytes, { size: bytes.byteLength, mtimeMs: before.mtimeMs }) };
  } finally {
    await handle.close();
  }
}

/** The stamp of bytes just written to path: the hash of what we wrote, the size and mtime the disk reports now. */
export async function stampAfterWrite(path: string, bytes: Uint8Array): Promise<FileStamp> {
  const info = await stat(path);
  return stampOfBytes(bytes, info);
}

/**
 * null when the file is as expected (size and mtime equal, or the same bytes when only the mtime moved); else what
 * is there now (`missing: true`, `now: null` when it was deleted or moved away).
 */
export async function diskChange(
  path: string,
  expected: FileStamp,
): Promise<null | { now: FileStamp | null; missing: boolean }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { now: null, missing: true };
    throw error;
  }
  if (info.isDirectory()) return { now: null, missing: true };
  if (info.size === expected.size && info.mtimeMs === expected.mtimeMs) return null;
  const read = await readWithStamp(path);
  if (read.stamp.sha256 === expected.sha256) return null;
  return { now: read.stamp, missing: false };
}
