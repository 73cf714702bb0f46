import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_EVENT_MENU,
  IPC_EVENT_OPEN_FILE,
  IPC_PREFIX,
  type HistoryEntry,
  type Host,
  type JsonValue,
  type MenuEvent,
  type OpenedFolder,
  type OpenedFile,
  type SaveResult,
  type StoredTemplateSet,
  type UnitFileRead,
} from '../core/ipc/contract';

/**
 * Sandboxed preload: exposes exactly the typed Host contract as window.host — no ipcRenderer, no generic
 * send/invoke, no Node. Each function forwards one argument to its own channel; the main process validates it.
 */
const invoke =
  <T>(method: string) =>
  (arg?: unknown): Promise<T> =>
    arg === undefined ? ipcRenderer.invoke(`${IPC_PREFIX}${method}`) : ipcRenderer.invoke(`${IPC_PREFIX}${method}`, arg);

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  // Wrap so the page never receives the IpcRendererEvent (it carries `sender`, i.e. ipcRenderer).
  const wrapped = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const host = {
  kind: () => invoke<'electron' | 'web'>('kind')(),
  startupFile: () => invoke<OpenedFile | null>('startupFile')(),
  openFile: (kind) => invoke<OpenedFile | null>('openFile')(kind),
  openRecent: (path) => invoke<OpenedFile | null>('openRecent')(path),
  recentFiles: () => invoke<{ path: string; name: string }[]>('recentFiles')(),
  saveFile: (request) => invoke<SaveResult | null>('saveFile')(request),
  setDocumentState: (state) => invoke<void>('setDocumentState')(state),
  writeRecovery: (bytes) => invoke<void>('writeRecovery')(bytes),
  takeRecovery: () => invoke<OpenedFile | null>('takeRecovery')(),
  clearRecovery: () => invoke<void>('clearRecovery')(),
  confirm: (request) => invoke<boolean>('confirm')(request),
  getSetting: (key) => invoke<JsonValue | null>('getSetting')(key),
  setSetting: (entry) => invoke<void>('setSetting')(entry),
  reopenFile: (path) => invoke<OpenedFile | null>('reopenFile')(path),
  releaseDocument: () => invoke<void>('releaseDocument')(),
  listHistory: (path) => invoke<HistoryEntry[]>('listHistory')(path),
  openHistory: (id) => invoke<OpenedFile | null>('openHistory')(id),
  setAsideRecovery: () => invoke<string | null>('setAsideRecovery')(),
  openFolder: () => invoke<OpenedFolder | null>('openFolder')(),
  openUnitFiles: () => invoke<OpenedFile[] | null>('openUnitFiles')(),
  readUnitFiles: (request) => invoke<UnitFileRead[] | null>('readUnitFiles')(request),
  listTemplateSets: () => invoke<StoredTemplateSet[]>('listTemplateSets')(),
  saveTemplateSet: (entry) => invoke<void>('saveTemplateSet')(entry),
  removeTemplateSet: (id) => invoke<boolean>('removeTemplateSet')(id),
  onMenuCommand: (listener) => subscribe<MenuEvent>(IPC_EVENT_MENU, listener),
  onOpenFile: (listener) => subscribe<OpenedFile>(IPC_EVENT_OPEN_FILE, listener),
} satisfies Host;

contextBridge.exposeInMainWorld('host', host);
