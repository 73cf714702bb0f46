import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecoveryStore } from '../node/recovery';

/**
 * A recovery copy the renderer could not open (damaged, hostile, from another version) is kept for support but
 * moved out of the way, so the next start opens normally instead of offering the same broken copy forever.
 * Resolves to where the copy now is, null when there was none.
 */
export async function setAsideRecovery(store: Pick<RecoveryStore, 'folder' | 'dataPath' | 'infoPath'>, now = new Date()): Promise<string | null> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(store.folder, `无法打开-${stamp}.ysgk`);
  try {
    await rename(store.dataPath, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  await rename(store.infoPath, join(store.folder, `无法打开-${stamp}.json`)).catch(() => undefined);
  return target;
}
