import { open, rename, copyFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Atomic save: write a temporary file in the same folder, flush it to disk, rename it over the target.
 * A crash at any moment leaves either the complete old or the complete new file. The previous version is kept
 * as "<name>.bak" beside it. Used by the Electron main process and the CLI alike.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: { backup?: boolean } = {}): Promise<void> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  if (options.backup !== false) await copyFile(target, `${target}.bak`).catch(() => undefined);
  await rename(temp, target);
  await syncDir(dir);
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
