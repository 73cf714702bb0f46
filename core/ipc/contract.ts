/**
 * The one contract between the renderer and its host. Implemented twice: by the Electron main process
 * (electron/ipc-handlers.ts, exposed by preload with contextBridge `satisfies HostApi`) and by the web host
 * (renderer/host/web-host.ts: file input, download, localStorage), so the same renderer runs in a plain browser.
 *
 * The host does file I/O and native dialogs only. Everything about the document (parse, check, export bytes)
 * happens in core, called by the renderer. Files travel as text (documents) or bytes (xlsx/docx).
 */
import type { JsonValue } from '../document/document';

export type { JsonValue };

export interface OpenedFile {
  /** Full path in Electron; file name in the web host. Only ever from a dialog, the command line or a drop. */
  path: string;
  name: string;
  /** Raw bytes; the renderer decodes and parses (documents are UTF-8 JSON). */
  bytes: Uint8Array;
}

export interface SaveRequest {
  /** Existing path to overwrite (保存); absent → ask (另存为). */
  path?: string;
  suggestedName: string;
  bytes: Uint8Array;
  /** File type filter for the dialog. */
  kind: 'document' | 'xlsx' | 'docx' | 'csv';
}

export interface SaveResult {
  path: string;
  name: string;
}

export type FileKind = 'document' | 'xlsx' | 'csv' | 'template';

/** Menu commands the host sends to the renderer (Chinese menus live in the host; actions in the renderer). */
export type MenuCommand =
  | 'new' | 'open' | 'save' | 'saveAs' | 'importExcel' | 'importCodes' | 'exportExcel' | 'exportWord'
  | 'undo' | 'redo' | 'copy' | 'paste' | 'settings' | 'about' | 'loadTemplate';

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
  /** Ask the user a yes/no question in a native dialog (e.g. export with 错误 present). */
  confirm(request: { title: string; message: string; okLabel: string }): Promise<boolean>;
  /**
   * The officer's own settings, kept across documents and restarts (remembered import mappings, column widths,
   * panel sizes): one JSON value per key, null when the key was never set.
   */
  getSetting(key: string): Promise<JsonValue | null>;
  /** Stores a setting; null deletes it. Values are limited in size (about 1 MB serialised). */
  setSetting(entry: { key: string; value: JsonValue | null }): Promise<void>;
}

/** Host → renderer events. */
export interface HostEvents {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** A second launch (single instance) or a file dropped on the app icon opens this file here. */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
}

export type Host = HostApi & HostEvents;

/** IPC channel names for the Electron implementation: one per HostApi member, prefixed. */
export const IPC_PREFIX = 'host:';
export const HOST_API_METHODS = [
  'kind', 'startupFile', 'openFile', 'openRecent', 'recentFiles', 'saveFile', 'setDocumentState',
  'writeRecovery', 'takeRecovery', 'clearRecovery', 'confirm', 'getSetting', 'setSetting',
] as const satisfies readonly (keyof HostApi)[];
export const IPC_EVENT_MENU = 'host-event:menu';
export const IPC_EVENT_OPEN_FILE = 'host-event:open-file';
