/**
 * The one contract between the renderer and its host. Implemented twice: by the Electron main process
 * (electron/ipc-handlers.ts, exposed by preload with contextBridge `satisfies HostApi`) and by the web host
 * (renderer/host/web-host.ts: file input, download, localStorage), so the same renderer runs in a plain browser.
 *
 * The host does file I/O and native dialogs only. Everything about the document (parse, check, export bytes)
 * happens in core, called by the renderer. Files travel as text (documents) or bytes (xlsx/docx).
 */
import type { JsonValue } from '../document/document';
import type { StoredSetText } from '../template/edit/stored-sets';

export type { JsonValue };
/** One of the officer's own template sets as a host keeps it: the set file's text under the set's id. */
export type StoredTemplateSet = StoredSetText;
/** A kept set's id, which names its file in the per-user folder (the set schema's id shape). */
export const STORED_SET_ID = /^[a-z0-9][a-z0-9-]*$/;

/** What a file on disk was when it was read or written: a later save checks it has not changed since. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** Who holds a document's lock file (another instance of the app, on this or another PC). */
export interface LockHolder {
  /** User name. */
  holder: string;
  /** Computer name. */
  machine: string;
  /** ISO time the lock was taken. */
  since: string;
}

export interface OpenedFile {
  /** Full path in Electron; file name in the web host. Only ever from a dialog, the command line or a drop. */
  path: string;
  name: string;
  /** Raw bytes; the renderer decodes and parses (documents are UTF-8 JSON). */
  bytes: Uint8Array;
  /** Documents opened from disk (Electron): what the file was when read. A save of the document sends it back. */
  stamp?: FileStamp;
  /** Set when another instance holds the document's lock: the document is open read-only (保存 becomes 另存为). */
  lockedBy?: LockHolder;
}

export interface SaveRequest {
  /** Existing path to overwrite (保存); absent → ask (另存为). */
  path?: string;
  suggestedName: string;
  bytes: Uint8Array;
  /** File type filter for the dialog. */
  kind: 'document' | 'xlsx' | 'docx' | 'csv' | 'zip' | 'json';
  /**
   * 保存 of a document: the stamp the open copy is based on (from OpenedFile or the last SaveResult). The host
   * checks the file before writing and answers with a conflict instead of overwriting a changed file.
   */
  basedOn?: FileStamp;
  /** 覆盖: write although the file changed on disk or another instance holds its lock. */
  overwrite?: boolean;
}

/** Why a save did not write: the file changed on disk since it was read, or someone else has it open. */
export interface DiskConflict {
  /** The file was deleted or moved away. */
  missing: boolean;
  /** What the open copy is based on, and what is on disk now (null when missing or only locked). */
  expected: FileStamp | null;
  now: FileStamp | null;
  /** The lock file names who has the document open (null: nobody, or the lock is stale). */
  lockedBy: LockHolder | null;
}

export interface SaveResult {
  path: string;
  name: string;
  /** Documents: what the written file is now; the next 保存 is based on it. */
  stamp?: FileStamp;
  /** After 另存为 to a file another instance holds: the copy stays read-only. */
  lockedBy?: LockHolder;
  /** Only when the request carried basedOn/was a document save: nothing was written; path/name say where. */
  conflict?: DiskConflict;
}

/** One saved version of a document in the per-user backup folder. */
export interface HistoryEntry {
  id: string;
  /** ISO time of the save. */
  savedAt: string;
  size: number;
}

export type FileKind = 'document' | 'xlsx' | 'csv' | 'template';

/** Menu commands the host sends to the renderer (Chinese menus live in the host; actions in the renderer). */
export type MenuCommand =
  | 'new' | 'open' | 'save' | 'saveAs' | 'importExcel' | 'importCodes' | 'exportExcel' | 'exportWord'
  | 'undo' | 'redo' | 'copy' | 'paste' | 'settings' | 'about' | 'loadTemplate' | 'history'
  | 'exportCsv' | 'exportData' | 'textUses' | 'batchCheck' | 'mergeUnits' | 'remerge' | 'templateFromWorkbook'
  | 'manageTemplates';

/**
 * What the host's menu sends: a menu command, a derivation of the template (`derive:<id>`) or a review step. The
 * same ids as the action list (core/actions), which the renderer runs.
 */
export type MenuEvent = MenuCommand | `derive:${string}` | 'nextError' | 'previousError';

/** A folder of unit files for a batch check; `skipped` names files left out (too large, unreadable). */
export interface OpenedFolder {
  name: string;
  files: OpenedFile[];
  skipped: { name: string; reason: string }[];
}

/** 重新汇总: the unit files a 部门 document names, as its snapshots keep them. */
export interface UnitFilesRequest {
  /** Where the 部门 document is (a path the host handed out), or null when it was never saved. */
  documentPath: string | null;
  /** Each unit's file: relative to the document's folder, or absolute. */
  files: string[];
}

/** One unit file read again: the file as requested, and its content or why it could not be read. */
export interface UnitFileRead {
  file: string;
  opened: OpenedFile | null;
  reason?: string;
}

export interface RecentFile {
  path: string;
  name: string;
}

/** Request → response calls: every member returns a Promise and takes one serialisable argument at most. */
export interface HostApi {
  /** Which host this is: UI shows e.g. "浏览器版" hints in the web host. */
  kind(): Promise<'electron' | 'web'>;
  /** A file given on the command line / by double-click at startup, or null (the renderer then opens the sample). */
  startupFile(): Promise<OpenedFile | null>;
  /** Show an open dialog for the kind; null when cancelled. */
  openFile(kind: FileKind): Promise<OpenedFile | null>;
  /**
   * 批量审核: choose a folder and read every unit file in it (.ysgk and .xlsx, subfolders included); null when
   * cancelled. Paths are handed out, so a unit can be opened afterwards with reopenFile.
   */
  openFolder(): Promise<OpenedFolder | null>;
  /** 汇总下属单位: choose several unit documents (.ysgk) at once; null when cancelled. Units are read, never locked. */
  openUnitFiles(): Promise<OpenedFile[] | null>;
  /**
   * 重新汇总: read again the unit documents a 部门 document names, in the order given; null when this host cannot read
   * a disk (the web host without its test disk: the page then asks the officer to choose the files).
   */
  readUnitFiles(request: UnitFilesRequest): Promise<UnitFileRead[] | null>;
  /** Reopen a recent file by path (Electron only; the web host returns null). */
  openRecent(path: string): Promise<OpenedFile | null>;
  recentFiles(): Promise<RecentFile[]>;
  /** Write atomically (temp file, flush, rename, keep a backup); null when the dialog was cancelled. */
  saveFile(request: SaveRequest): Promise<SaveResult | null>;
  /** Window title and the unsaved mark; the host uses dirty to ask before closing. */
  setDocumentState(state: { title: string; dirty: boolean }): Promise<void>;
  /** Autosave copy for crash recovery (every 30 s and on blur); cleared on a clean exit or after save. */
  writeRecovery(bytes: Uint8Array): Promise<void>;
  /** A recovery copy left by a crash, offered to the user at startup; null when none. */
  takeRecovery(): Promise<OpenedFile | null>;
  clearRecovery(): Promise<void>;
  /**
   * The document at a path the host handed out, read again from disk (打开磁盘上的版本 after a conflict); null in
   * the web host, which cannot read a disk.
   */
  reopenFile(path: string): Promise<OpenedFile | null>;
  /** The open document is closed (新建, a recovered or historical copy loaded): release its lock. */
  releaseDocument(): Promise<void>;
  /** Saved versions of the document at path (a path the host handed out), newest first; [] in the web host. */
  listHistory(path: string): Promise<HistoryEntry[]>;
  /** One saved version as an unsaved copy: no path (saved through 另存为), named after the version's time. */
  openHistory(id: string): Promise<OpenedFile | null>;
  /**
   * A recovery copy that could not be opened: move it aside (kept for support, no longer offered at startup).
   * Resolves to where it was kept, or null.
   */
  setAsideRecovery(): Promise<string | null>;
  /** Ask the user a yes/no question in a native dialog (e.g. export with 错误 present). */
  confirm(request: { title: string; message: string; okLabel: string }): Promise<boolean>;
  /**
   * The officer's own settings, kept across documents and restarts (remembered import mappings, column widths,
   * panel sizes): one JSON value per key, null when the key was never set.
   */
  getSetting(key: string): Promise<JsonValue | null>;
  /** Stores a setting; null deletes it. Values are limited in size (about 1 MB serialised). */
  setSetting(entry: { key: string; value: JsonValue | null }): Promise<void>;
  /**
   * The officer's own template sets, kept across restarts: in the desktop app the per-user folder the command line
   * reads too (`templates add`), so a set kept by either is seen by both; in the web host the browser's storage.
   * Texts as kept; the page validates them (core/template/edit/stored-sets.ts).
   */
  listTemplateSets(): Promise<StoredTemplateSet[]>;
  /** Keeps a set file under its id, replacing an earlier one; the page has validated it. */
  saveTemplateSet(entry: StoredTemplateSet): Promise<void>;
  /** Forgets a kept set; false when none was kept under that id. */
  removeTemplateSet(id: string): Promise<boolean>;
}

/**
 * Name of a saved version opened as an unsaved copy: "预算（2026-12-04 21-30 的版本）.ysgk" — local time, the clock
 * the officer saw when saving; "-" instead of ":" so the name is a valid Windows file name. Both hosts use it.
 */
export function historyCopyName(documentName: string, savedAt: string): string {
  const base = documentName.split(/[\\/]/).pop() || '未命名.ysgk';
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base) || '未命名';
  const ext = dot > 0 ? base.slice(dot) : '.ysgk';
  const t = new Date(savedAt);
  if (Number.isNaN(t.getTime())) return `${stem}（历史版本）${ext}`;
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${two(t.getHours())}-${two(t.getMinutes())}`;
  return `${stem}（${when} 的版本）${ext}`;
}

/** Host → renderer events. */
export interface HostEvents {
  onMenuCommand(listener: (command: MenuEvent) => void): () => void;
  /** A second launch (single instance) or a file dropped on the app icon opens this file here. */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
}

export type Host = HostApi & HostEvents;

/** IPC channel names for the Electron implementation: one per HostApi member, prefixed. */
export const IPC_PREFIX = 'host:';
export const HOST_API_METHODS = [
  'kind', 'startupFile', 'openFile', 'openRecent', 'recentFiles', 'saveFile', 'setDocumentState',
  'writeRecovery', 'takeRecovery', 'clearRecovery', 'confirm', 'getSetting', 'setSetting',
  'reopenFile', 'releaseDocument', 'listHistory', 'openHistory', 'setAsideRecovery', 'openFolder',
  'openUnitFiles', 'readUnitFiles', 'listTemplateSets', 'saveTemplateSet', 'removeTemplateSet',
] as const satisfies readonly (keyof HostApi)[];
export const IPC_EVENT_MENU = 'host-event:menu';
export const IPC_EVENT_OPEN_FILE = 'host-event:open-file';
