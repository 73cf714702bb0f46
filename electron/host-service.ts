import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type {
  DiskConflict, FileKind, HistoryEntry, HostApi, JsonValue, OpenedFile, OpenedFolder, RecentFile, SaveRequest, SaveResult,
  StoredTemplateSet, UnitFileRead, UnitFilesRequest,
} from '../core/ipc/contract';
import { INPUT_LIMITS } from '../core/xlsx/input-guard';
import { recordUnitPathsInText } from '../core/merge/unit-paths';

/** More files than this in one 批量审核 from the app: the rest are listed as skipped (the CLI has no limit). */
const FOLDER_FILE_LIMIT = 2000;
import { historyCopyName } from '../core/ipc/contract';
import type { RecoveryStore } from '../node/recovery';
import { describeIoError, ioErrorMessage } from '../node/io-errors';
import { recoveredName } from '../node/recovery';
import { OPEN_DIALOG, SAVE_DIALOG, safeFileName, withExtension } from './dialogs';
import type { BackupsDep, DiskDeps } from './disk-deps';
import { holderOf } from './disk-deps';
import { DocumentLock } from './document-lock';

import type { KnownPaths } from './known-paths';
import type { RecentFiles } from './recent-files';
import type { SettingsStore } from './settings-store';
import type { TemplateStore } from '../node/template-store';

/**
 * The main-process side of HostApi: native dialogs and file I/O. Electron objects come in as small function deps so
 * the logic runs in plain Node under test. Arguments arrive already validated (ipc-handlers.ts).
 */
export interface HostServiceDeps {
  showOpenDialog(options: { title: string; filters: { name: string; extensions: string[] }[]; defaultPath?: string }): Promise<string | null>;
  /** 批量审核: a folder chooser (undefined in tests that do not need it). */
  showFolderDialog?(options: { title: string; defaultPath?: string }): Promise<string | null>;
  /** 汇总下属单位: an open dialog that takes several files (undefined in tests that do not need it). */
  showOpenFilesDialog?(options: { title: string; filters: { name: string; extensions: string[] }[]; defaultPath?: string }): Promise<string[] | null>;
  /** The unit files (.ysgk, .xlsx) under a folder, subfolders included, with the name shown for each. */
  listUnitFiles?(folder: string): Promise<{ full: string; shown: string }[]>;
  showSaveDialog(options: { title: string; filters: { name: string; extensions: string[] }[]; defaultPath: string }): Promise<string | null>;
  /** Resolves to the index of the button pressed. */
  showMessageBox(options: { type: 'question' | 'warning' | 'error' | 'info'; title: string; message: string; buttons: string[]; defaultId: number; cancelId: number }): Promise<number>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, bytes: Uint8Array, options: { backup: boolean }): Promise<void>;
  recent: RecentFiles;
  known: KnownPaths;
  recovery: RecoveryStore;
  settings: Pick<SettingsStore, 'get' | 'set'>;
  /** The officer's own template sets: node/template-store.ts over the folder the command line uses (absent in tests that do not need it). */
  templates?: Pick<TemplateStore, 'texts' | 'save' | 'remove'>;
  /** Window title and unsaved mark (and the close guard). */
  onDocumentState(title: string, dirty: boolean): void;
  /** The 最近打开 menu must be rebuilt. */
  onRecentChanged(): void;
  /** A save the close guard asked for was cancelled or failed. */
  onSaveAbandoned(): void;
  /** Folder the first dialog opens in (Documents). */
  defaultFolder: string;
  /** Path from the command line / double-click, handed to the renderer once. */
  startupPath: string | null;
  /** Stamps and locks of documents on disk (node/file-stamp, node/lock-file). */
  disk: DiskDeps;
  /** The last versions of each saved document in the per-user backup folder (node/backup-store). */
  backups: BackupsDep;
  /** Move an unreadable recovery copy aside for support; resolves to where it now is. */
  setAsideRecovery(): Promise<string | null>;
  /** Lock heartbeat interval (60 s in the app; 0 in tests). */
  heartbeatMs?: number;
  /** Problems that must not stop the officer's work (a backup that could not be written). */
  warn?(message: string): void;
}

const MERGE_LIST = Buffer.from('"merge.units": [');

/**
 * A consolidated 部门 document records its units relative to the folder it is saved in, where they lie in, below or
 * beside it (core/merge/unit-paths.ts): the page hands them over absolute, and only here, at the first save or a
 * 另存为, is the folder known. Moving that folder afterwards keeps 重新汇总 working. Other documents pass untouched.
 */
function withUnitPathsFor(path: string, bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(MERGE_LIST) < 0) return bytes;
  const text = buffer.toString('utf8');
  const recorded = recordUnitPathsInText(text, path);
  return recorded === text ? bytes : new Uint8Array(Buffer.from(recorded, 'utf8'));
}

export class HostService implements HostApi {
  private startupPath: string | null;
  private lastFolder: string;
  private title = '';
  /** Set once the user has closed the document for good: late autosaves must not resurrect a recovery copy. */
  private recoveryEnded = false;

  private readonly lock: DocumentLock;

  constructor(private readonly deps: HostServiceDeps) {
    this.startupPath = deps.startupPath;
    this.lastFolder = deps.defaultFolder;
    if (this.startupPath) deps.known.add(this.startupPath);
    this.lock = new DocumentLock({
      acquireLock: (path) => deps.disk.acquireLock(path),
      samePath: (a, b) => deps.known.same(a, b),
      heartbeatMs: deps.heartbeatMs ?? 0,
      warn: (message) => this.warn(message),
    });
  }

  async kind(): Promise<'electron'> {
    return 'electron';
  }

  async startupFile(): Promise<OpenedFile | null> {
    const path = this.startupPath;
    this.startupPath = null;
    if (!path) return null;
    return this.openDocumentAt(path);
  }

  async openFile(kind: FileKind): Promise<OpenedFile | null> {
    const dialog = OPEN_DIALOG[kind];
    const path = await this.deps.showOpenDialog({ title: dialog.title, filters: dialog.filters, defaultPath: this.lastFolder });
    if (!path) return null;
    this.lastFolder = dirname(path);
    if (kind === 'document') return this.openDocumentAt(path);
    return { path, name: basename(path), bytes: await this.read(path) };
  }

  async openFolder(): Promise<OpenedFolder | null> {
    if (!this.deps.showFolderDialog || !this.deps.listUnitFiles) return null;
    const folder = await this.deps.showFolderDialog({ title: '选择各单位报送文件所在的文件夹', defaultPath: this.lastFolder });
    if (!folder) return null;
    this.lastFolder = folder;
    const listed = await this.deps.listUnitFiles(folder);
    const files: OpenedFile[] = [];
    const skipped: OpenedFolder['skipped'] = [];
    for (const f of listed) {
      if (files.length >= FOLDER_FILE_LIMIT) {
        skipped.push({ name: f.shown, reason: `超过一次审核的上限（${FOLDER_FILE_LIMIT} 个文件），请分文件夹审核或使用命令行 batch` });
        continue;
      }
      try {
        const bytes = await this.read(f.full);
        if (bytes.byteLength > INPUT_LIMITS.maxFileBytes) {
          skipped.push({ name: f.shown, reason: `文件过大（${Math.round(bytes.byteLength / 1024 / 1024)} MB）` });
          continue;
        }
        // Handed out: a double-click in the summary reopens it through reopenFile (with its lock).
        this.deps.known.add(f.full);
        files.push({ path: f.full, name: f.shown, bytes });
      } catch {
        skipped.push({ name: f.shown, reason: '无法读取（可能正被其他程序占用或没有权限）' });
      }
    }
    return { name: basename(folder), files, skipped };
  }

  async openUnitFiles(): Promise<OpenedFile[] | null> {
    if (!this.deps.showOpenFilesDialog) return null;
    const paths = await this.deps.showOpenFilesDialog({ title: '选择要汇总的下属单位文件（可多选）', filters: OPEN_DIALOG.document.filters, defaultPath: this.lastFolder });
    if (!paths || paths.length === 0) return null;
    this.lastFolder = dirname(paths[0]!);
    const files: OpenedFile[] = [];
    for (const path of paths.slice(0, FOLDER_FILE_LIMIT)) files.push({ path, name: basename(path), bytes: await this.readUnit(path) });
    return files;
  }

  /**
   * Reads only unit documents (.ysgk), each relative to the folder of a document this host handed out, or absolute
   * as the consolidation recorded it; a file that cannot be read is answered with the reason, not an exception, so
   * the page can name every missing unit at once.
   */
  async readUnitFiles(request: UnitFilesRequest): Promise<UnitFileRead[]> {
    const folder = request.documentPath && this.deps.known.has(request.documentPath) ? dirname(request.documentPath) : null;
    const out: UnitFileRead[] = [];
    for (const file of request.files) {
      const full = isAbsolute(file) ? file : folder ? resolve(folder, file) : null;
      if (!/\.ysgk$/i.test(file)) out.push({ file, opened: null, reason: '不是预算公开文档（.ysgk）' });
      else if (!full) out.push({ file, opened: null, reason: '部门文档尚未保存，无法确定该单位文件的位置' });
      else {
        try {
          out.push({ file, opened: { path: full, name: basename(full), bytes: await this.readUnit(full) } });
        } catch (error) {
          out.push({ file, opened: null, reason: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    return out;
  }

  private async readUnit(path: string): Promise<Uint8Array> {
    const bytes = await this.read(path);
    if (bytes.byteLength > INPUT_LIMITS.maxFileBytes) throw new Error(`“${basename(path)}”文件过大（${Math.round(bytes.byteLength / 1024 / 1024)} MB）`);
    return bytes;
  }

  async openRecent(path: string): Promise<OpenedFile | null> {
    if (!this.deps.recent.has(path)) throw new Error('该文件不在最近打开列表中');
    return this.openDocumentAt(path);
  }

  async recentFiles(): Promise<RecentFile[]> {
    return this.deps.recent.all();
  }

  async saveFile(request: SaveRequest): Promise<SaveResult | null> {
    const dialog = SAVE_DIALOG[request.kind];
    // 保存 over a file only when we handed that path out; any other path means 另存为 with a dialog.
    let path = request.path && this.deps.known.has(request.path) ? request.path : null;
    const overTheOpenFile = path !== null;
    if (!path) {
      const suggested = safeFileName(request.path ? basename(request.path) : request.suggestedName, dialog.extension);
      const chosen = await this.deps.showSaveDialog({ title: dialog.title, filters: dialog.filters, defaultPath: join(this.lastFolder, suggested) });
      if (!chosen) {
        this.deps.onSaveAbandoned();
        return null;
      }
      path = withExtension(chosen, dialog.extension);
      this.lastFolder = dirname(path);
    }
    const isDocument = request.kind === 'document';
    if (isDocument && !request.overwrite) {
      const conflict = await this.conflictAt(path, overTheOpenFile ? request.basedOn : undefined);
      if (conflict) {
        // Nothing written; the close guard must not close on the strength of this save.
        this.deps.onSaveAbandoned();
        return { path, name: basename(path), conflict };
      }
    }
    const bytes = isDocument ? withUnitPathsFor(path, request.bytes) : request.bytes;
    try {
      await this.deps.writeFile(path, bytes, { backup: isDocument });
    } catch (error) {
      this.deps.onSaveAbandoned();
      throw new Error(ioErrorMessage('保存', path, error), { cause: error });
    }
    this.deps.known.add(path);
    if (!isDocument) return { path, name: basename(path) };
    const stamp = await this.deps.disk.stampAfterWrite(path, bytes).catch(() => undefined);
    await this.deps.backups.add(path, bytes).catch((e: unknown) => this.warn(`历史版本未能保存：${String(e)}`));
    // 另存为 to another file moves this window's lock there; 覆盖 of a file another instance holds stays read-only.
    const lockedBy = await this.lock.take(path);
    await this.deps.recent.add(path).catch(() => undefined);
    this.deps.onRecentChanged();
    await this.deps.recovery.clear();
    return { path, name: basename(path), ...(stamp ? { stamp } : {}), ...(lockedBy ? { lockedBy } : {}) };
  }

  /**
   * Why writing path now would lose someone's work: it changed since basedOn (保存 over the open file), or another
   * instance holds its lock (also for 另存为 onto a file open elsewhere). null: safe to write.
   */
  private async conflictAt(path: string, basedOn: SaveRequest['basedOn']): Promise<DiskConflict | null> {
    const change = basedOn
      ? await this.deps.disk.diskChange(path, basedOn).catch((error: unknown) => {
          throw new Error(ioErrorMessage('保存', path, error), { cause: error });
        })
      : null;
    const other = this.lock.holds(path) ? null : await this.deps.disk.readLock(path).catch(() => null);
    if (!change && !other) return null;
    return {
      missing: change?.missing ?? false,
      expected: change ? (basedOn ?? null) : null,
      now: change?.now ?? null,
      lockedBy: other ? holderOf(other) : null,
    };
  }

  async setDocumentState(state: { title: string; dirty: boolean }): Promise<void> {
    this.title = state.title;
    this.deps.onDocumentState(state.title, state.dirty);
  }

  async writeRecovery(bytes: Uint8Array): Promise<void> {
    if (this.recoveryEnded) return;
    await this.deps.recovery.write(bytes, this.title);
    // An autosave that was already on its way when the window closed (the close prompt blurs the window).
    if (this.recoveryEnded) this.deps.recovery.clearSync();
  }

  /** Clean exit (saved, or 不保存 chosen): remove the recovery copy now and ignore autosaves still in flight. */
  endRecovery(): void {
    this.recoveryEnded = true;
    this.deps.recovery.clearSync();
  }

  async takeRecovery(): Promise<OpenedFile | null> {
    const found = await this.deps.recovery.read();
    if (!found) return null;
    // No path: the restored copy is saved through 另存为, never silently over the file it came from.
    return { path: '', name: recoveredName(found.title), bytes: found.bytes };
  }

  async clearRecovery(): Promise<void> {
    await this.deps.recovery.clear();
  }

  async confirm(request: { title: string; message: string; okLabel: string }): Promise<boolean> {
    const response = await this.deps.showMessageBox({
      type: 'question',
      title: request.title,
      message: request.message,
      buttons: [request.okLabel, '取消'],
      defaultId: 1,
      cancelId: 1,
    });
    return response === 0;
  }

  async reopenFile(path: string): Promise<OpenedFile | null> {
    if (!this.deps.known.has(path)) throw new Error('只能重新打开本程序打开过的文件');
    return this.openDocumentAt(path);
  }

  async releaseDocument(): Promise<void> {
    await this.lock.release();
  }

  async listHistory(path: string): Promise<HistoryEntry[]> {
    if (!this.deps.known.has(path)) return [];
    const entries = await this.deps.backups.list(path);
    return entries.map((e) => ({ id: e.id, savedAt: e.savedAt, size: e.size }));
  }

  async openHistory(id: string): Promise<OpenedFile | null> {
    const entry = (await this.deps.backups.list()).find((e) => e.id === id);
    if (!entry) return null;
    let bytes: Uint8Array;
    try {
      bytes = await this.deps.backups.read(id);
    } catch (error) {
      throw new Error(`无法读取该历史版本：${describeIoError(error)}`, { cause: error });
    }
    // No path: the old version is saved through 另存为, never silently over the current file.
    return { path: '', name: historyCopyName(entry.documentPath, entry.savedAt), bytes };
  }

  async setAsideRecovery(): Promise<string | null> {
    return this.deps.setAsideRecovery();
  }

  async getSetting(key: string): Promise<JsonValue | null> {
    return this.deps.settings.get(key);
  }

  async setSetting(entry: { key: string; value: JsonValue | null }): Promise<void> {
    try {
      await this.deps.settings.set(entry.key, entry.value);
    } catch (error) {
      throw new Error(`设置未能保存：${describeIoError(error)}`, { cause: error });
    }
  }

  async listTemplateSets(): Promise<StoredTemplateSet[]> {
    try {
      return (await this.deps.templates?.texts()) ?? [];
    } catch (error) {
      throw new Error(`无法读取已保存的模板集：${describeIoError(error)}`, { cause: error });
    }
  }

  /** The page validated the set; the host checks only that the file is the set the id names (a JSON object with it). */
  async saveTemplateSet(entry: StoredTemplateSet): Promise<void> {
    let id: unknown;
    try {
      id = (JSON.parse(entry.text.replace(/^\uFEFF/, '')) as { id?: unknown } | null)?.id;
    } catch {
      id = undefined;
    }
    if (id !== entry.id) throw new Error(`模板集未保存：文件内容不是模板“${entry.id}”`);
    try {
      if (!this.deps.templates) throw new Error('没有保存模板集的位置');
      await this.deps.templates.save(entry.id, entry.text);
    } catch (error) {
      throw new Error(`模板集“${entry.id}”未能保存：${describeIoError(error)}`, { cause: error });
    }
  }

  async removeTemplateSet(id: string): Promise<boolean> {
    try {
      return (await this.deps.templates?.remove(id)) ?? false;
    } catch (error) {
      throw new Error(`模板集“${id}”未能删除：${describeIoError(error)}`, { cause: error });
    }
  }

  /**
   * Open a document from a trusted source (dialog, command line, second launch, recent list). `lock: false` for a
   * file handed over while another may be open with unsaved changes (second launch): the renderer asks first and
   * then calls reopenFile, which takes the lock — so a 取消 there leaves the open document's lock where it was.
   */
  async openDocumentAt(path: string, options: { lock?: boolean } = {}): Promise<OpenedFile> {
    let read: { bytes: Uint8Array; stamp: OpenedFile['stamp'] };
    try {
      read = await this.deps.disk.readWithStamp(path).catch((error: unknown) => {
        throw new Error(ioErrorMessage('打开', path, error), { cause: error });
      });
    } catch (error) {
      if (this.deps.recent.has(path)) {
        await this.deps.recent.remove(path).catch(() => undefined);
        this.deps.onRecentChanged();
      }
      throw error;
    }
    this.deps.known.add(path);
    this.lastFolder = dirname(path);
    await this.deps.recent.add(path).catch(() => undefined);
    this.deps.onRecentChanged();
    if (options.lock === false) return { path, name: basename(path), bytes: read.bytes };
    const lockedBy = await this.lock.take(path);
    return { path, name: basename(path), bytes: read.bytes, stamp: read.stamp, ...(lockedBy ? { lockedBy } : {}) };
  }

  private warn(message: string): void {
    this.deps.warn?.(message);
  }

  private async read(path: string): Promise<Uint8Array> {
    try {
      return await this.deps.readFile(path);
    } catch (error) {
      throw new Error(ioErrorMessage('打开', path, error), { cause: error });
    }
  }
}
