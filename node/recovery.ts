import { mkdir, readFile, unlink } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';

/**
 * Crash recovery copy of the open document. The renderer sends its bytes every 30 s and when the window loses focus;
 * the main process keeps them in "<userData>/recovery/". A clean exit (or a save) removes them, so anything found at
 * startup was left by a crash or a power cut and is offered to the user.
 */
export interface RecoveryInfo {
  /** Document title at the time of the copy (from setDocumentState), to name the restored document. */
  title: string;
  /** ISO time of the copy. */
  savedAt: string;
}

export interface RecoveredDocument extends RecoveryInfo {
  bytes: Uint8Array;
}

const DATA_FILE = 'document.ysgk';
const INFO_FILE = 'document.json';

export class RecoveryStore {
  constructor(
    readonly folder: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get dataPath(): string {
    return join(this.folder, DATA_FILE);
  }

  get infoPath(): string {
    return join(this.folder, INFO_FILE);
  }

  /** Replace the recovery copy atomically: a crash during autosave must not destroy the previous copy. */
  async write(bytes: Uint8Array, title: string): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    // Data first, then the info: a copy is only offered when its data file is present and complete.
    await writeFileAtomic(this.dataPath, bytes, { backup: false });
    const info: RecoveryInfo = { title, savedAt: this.now().toISOString() };
    await writeFileAtomic(this.infoPath, new TextEncoder().encode(JSON.stringify(info)), { backup: false });
  }

  /** The copy left by a crash, or null. The copy stays until clear() so a second crash before saving loses nothing. */
  async read(): Promise<RecoveredDocument | null> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(this.dataPath));
    } catch {
      return null;
    }
    if (bytes.length === 0) return null;
    let info: RecoveryInfo = { title: '', savedAt: '' };
    try {
      const parsed = JSON.parse(await readFile(this.infoPath, 'utf8')) as Partial<RecoveryInfo>;
      info = { title: typeof parsed.title === 'string' ? parsed.title : '', savedAt: typeof parsed.savedAt === 'string' ? parsed.savedAt : '' };
    } catch {
      /* info missing or damaged: the data alone is still worth offering */
    }
    return { ...info, bytes };
  }

  async clear(): Promise<void> {
    await unlink(this.dataPath).catch(() => undefined);
    await unlink(this.infoPath).catch(() => undefined);
  }

  /** For the last moments of a clean exit, when the process may end before an async unlink completes. */
  clearSync(): void {
    for (const path of [this.dataPath, this.infoPath]) {
      try {
        unlinkSync(path);
      } catch {
        /* already gone */
      }
    }
  }
}

/** File name offered for a restored document: its title plus a mark, so it is never mistaken for the saved file. */
export function recoveredName(title: string): string {
  const base = title.trim().replace(/\.ysgk$/i, '').replace(/[\\/:*?"<>|]/g, '_') || '未命名';
  return `${base}（恢复）.ysgk`;
}
