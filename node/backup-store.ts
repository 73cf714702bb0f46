import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, extname, join, resolve } from 'node:path';
import { writeFileAtomic } from './atomic-write';

/**
 * The last N versions of each document, kept in a per-user folder (not beside the document, whose folder may be a
 * shared one): "<root>/<readable name>-<hash>/<timestamp>.ysgk". The subfolder is named by a hash of the resolved
 * path (two documents with one name in different folders stay apart; a symlink and its target share history) plus
 * the readable name so a person browsing the folder finds it. "document.json" in it remembers the full path.
 *
 * Ids are "<hash>/<file name>", both parts checked against strict patterns before any path is built, so an id from
 * the renderer can never reach outside the store.
 */
export interface BackupEntry {
  id: string;
  documentPath: string;
  savedAt: string;
  size: number;
}

export interface BackupStore {
  add(documentPath: string, bytes: Uint8Array): Promise<BackupEntry>;
  /** Newest first; all documents when documentPath is absent. */
  list(documentPath?: string): Promise<BackupEntry[]>;
  read(id: string): Promise<Uint8Array>;
}

const INFO_FILE = 'document.json';
const HASH_RE = /^[0-9a-f]{16}$/;
// 20261204T211500123Z or with a -N counter when two saves fall in one millisecond.
const FILE_RE = /^(\d{8}T\d{9}Z)(?:-(\d{1,4}))?\.ysgk$/;

function resolvedPath(documentPath: string): string {
  let full = resolve(documentPath);
  try {
    full = realpathSync.native(full);
  } catch {
    /* gone or not yet there: the path as given */
  }
  // Windows and macOS compare names case-insensitively: one document, one history.
  return process.platform === 'win32' || process.platform === 'darwin' ? full.toLowerCase() : full;
}

export function documentKey(documentPath: string): string {
  return createHash('sha256').update(resolvedPath(documentPath)).digest('hex').slice(0, 16);
}

function readableName(documentPath: string): string {
  const name = basename(documentPath, extname(documentPath))
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in Windows file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 40);
  return name || '未命名';
}

function stampName(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, ''); // 20261204T211500123Z
}

function savedAtOf(fileName: string): string | null {
  const m = FILE_RE.exec(fileName);
  if (!m) return null;
  const s = m[1]!;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

function invalidId(id: string): Error {
  return Object.assign(new Error('invalid backup id'), { code: 'ENOENT', path: String(id).slice(0, 80) });
}

export function createBackupStore(rootDir: string, keep = 10, now: () => Date = () => new Date()): BackupStore {
  const root = resolve(rootDir);

  async function folderOf(key: string): Promise<string | null> {
    let names: string[];
    try {
      names = await readdir(root);
    } catch {
      return null;
    }
    const name = names.find((n) => n.endsWith(`-${key}`));
    return name ? join(root, name) : null;
  }

  async function entriesIn(folder: string, key: string): Promise<BackupEntry[]> {
    let documentPath = '';
    try {
      const info = JSON.parse(await readFile(join(folder, INFO_FILE), 'utf8')) as { documentPath?: unknown };
      if (typeof info.documentPath === 'string') documentPath = info.documentPath;
    } catch {
      /* info lost: the versions are still listed */
    }
    const names = await readdir(folder).catch(() => [] as string[]);
    const out: BackupEntry[] = [];
    for (const file of names) {
      const savedAt = savedAtOf(file);
      if (!savedAt) continue;
      const size = await stat(join(folder, file)).then((s) => s.size, () => -1);
      if (size >= 0) out.push({ id: `${key}/${file}`, documentPath, savedAt, size });
    }
    return out.sort(newestFirst);
  }

  async function list(documentPath?: string): Promise<BackupEntry[]> {
    if (documentPath !== undefined) {
      const key = documentKey(documentPath);
      const folder = await folderOf(key);
      return folder ? entriesIn(folder, key) : [];
    }
    const names = await readdir(root).catch(() => [] as string[]);
    const all: BackupEntry[] = [];
    for (const name of names) {
      const key = name.slice(-16);
      if (!HASH_RE.test(key) || name.length < 18) continue;
      all.push(...(await entriesIn(join(root, name), key)));
    }
    return all.sort(newestFirst);
  }

  return {
    async add(documentPath, bytes) {
      const full = resolve(documentPath);
      const key = documentKey(full);
      const folder = (await folderOf(key)) ?? join(root, `${readableName(full)}-${key}`);
      await mkdir(folder, { recursive: true });
      await writeFileAtomic(join(folder, INFO_FILE), new TextEncoder().encode(JSON.stringify({ documentPath: full })), { backup: false });
      const base = stampName(now());
      let file = `${base}.ysgk`;
      const existing = new Set(await readdir(folder));
      for (let n = 1; existing.has(file); n += 1) file = `${base}-${n}.ysgk`;
      await writeFileAtomic(join(folder, file), bytes, { backup: false });
      const entries = await entriesIn(folder, key);
      for (const old of entries.slice(keep)) await unlink(join(folder, old.id.slice(17))).catch(() => undefined);
      return { id: `${key}/${file}`, documentPath: full, savedAt: savedAtOf(file)!, size: bytes.byteLength };
    },
    list,
    async read(id) {
      if (typeof id !== 'string') throw invalidId(String(id));
      const [key, file, extra] = id.split('/');
      if (extra !== undefined || !key || !file || !HASH_RE.test(key) || !FILE_RE.test(file)) throw invalidId(id);
      const folder = await folderOf(key);
      if (!folder) throw invalidId(id);
      return new Uint8Array(await readFile(join(folder, file)));
    },
  };
}

function newestFirst(a: BackupEntry, b: BackupEntry): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? 1 : -1;
  // Same millisecond: the higher counter is newer.
  return counterOf(b.id) - counterOf(a.id);
}

function counterOf(id: string): number {
  const m = FILE_RE.exec(id.slice(17));
  return m?.[2] ? Number(m[2]) : 0;
}
