import type {
  DiskConflict, FileKind, HistoryEntry, Host, JsonValue, LockHolder, MenuEvent, OpenedFile, OpenedFolder, SaveRequest, SaveResult,
  UnitFileRead,
} from '../../core/ipc/contract';
import { historyCopyName, STORED_SET_ID } from '../../core/ipc/contract';

/**
 * The browser implementation of the host contract, so the same renderer runs without Electron (npm run web, e2e tests).
 * Open = a file input, save = a download, recovery and settings = localStorage, confirm = the page's own dialog once the
 * page offers one (window.confirm before that), no recent files.
 */
const RECOVERY_KEY = 'budget-disclosure.recovery';
const RECOVERY_NAME_KEY = 'budget-disclosure.recovery.name';
/** Where a recovery copy that could not be opened is kept (for support), out of the way of the next start. */
export const UNOPENABLE_RECOVERY_KEY = 'budget-disclosure.recovery.unopenable';
/** Each setting is one localStorage item under this prefix, its value as JSON. */
export const SETTING_PREFIX = 'budget-disclosure.setting.';
/** The officer's own template sets: one localStorage item per set, its file's text under the set's id. */
export const TEMPLATE_SET_PREFIX = 'budget-disclosure.templateSet.';

const ACCEPT: Record<FileKind, string> = {
  document: '.ysgk,.json',
  xlsx: '.xlsx',
  csv: '.csv,.txt',
  template: '.json',
};

/**
 * Test seam: a browser page cannot see a disk, so an e2e test stages one by setting `window.__bdTestDisk` before the
 * page loads (addInitScript). Without it the web host has no conflicts, no history and nothing to reopen.
 */
export interface TestDisk {
  /** 保存 of a document over its path answers with this conflict (覆盖 still writes) instead of downloading. */
  conflict?: DiskConflict | null;
  /** Versions listHistory lists (newest first), with their document text. */
  history?: { entry: HistoryEntry; text: string; documentName: string }[];
  /** Documents picked with 打开 come as held by this person (another instance has them open). */
  lockedBy?: LockHolder;
  /** What 打开磁盘上的版本 and 重新汇总 read, by file name. */
  files?: Record<string, string>;
  /** Filled in by the web host: raises a menu command the way the desktop menu does (历史版本… has no button). */
  menu?: (command: MenuEvent) => void;
}

declare global {
  interface Window {
    __bdTestDisk?: TestDisk;
  }
}

export type ConfirmQuestion = Parameters<Host['confirm']>[0];

export interface WebHost extends Host {
  /** The toolbar and keyboard shortcuts of the web page raise menu commands the way Electron's menu does. */
  dispatchMenu(command: MenuEvent): void;
  /**
   * The page's own yes/no dialog for confirm (null: back to the browser's box). The browser's box cannot be styled or
   * tested and a browser may suppress it after a few, answering 取消 without asking.
   */
  askInPage(ask: ((question: ConfirmQuestion) => Promise<boolean>) | null): void;
}

/** Whether the host asks its questions through the page (the web host) rather than a native dialog. */
export function asksInPage(host: Host): host is WebHost {
  return typeof (host as Partial<WebHost>).askInPage === 'function';
}

export function createWebHost(win: Window = window): WebHost {
  const menuListeners = new Set<(c: MenuEvent) => void>();
  const openListeners = new Set<(f: OpenedFile) => void>();
  let dirty = false;
  let inPage: ((question: ConfirmQuestion) => Promise<boolean>) | null = null;
  const disk = win.__bdTestDisk;
  if (disk) disk.menu = (command) => menuListeners.forEach((l) => l(command));

  win.addEventListener('beforeunload', (e) => {
    if (dirty) e.preventDefault();
  });
  // Dropping a file on the page opens it, like dropping it on the desktop app's icon.
  win.addEventListener('dragover', (e) => e.preventDefault());
  win.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    void readFile(file).then((opened) => openListeners.forEach((l) => l(opened)));
  });

  return {
    kind: async () => 'web',
    startupFile: async () => null,
    openFile: async (kind) => {
      const file = await pickFile(win, ACCEPT[kind]);
      return file && kind === 'document' && disk?.lockedBy ? { ...file, lockedBy: disk.lockedBy } : file;
    },
    openFolder: () => pickFolder(win),
    openUnitFiles: () => pickFiles(win, ACCEPT.document),
    // A page cannot read a disk: only the test disk answers; otherwise the page asks the officer for the files.
    readUnitFiles: async (request) => {
      const files = disk?.files;
      if (!files) return null;
      return request.files.map((file): UnitFileRead => {
        const name = baseName(file);
        const text = files[name];
        return text === undefined ? { file, opened: null, reason: '找不到该文件' } : { file, opened: { path: name, name, bytes: new TextEncoder().encode(text) } };
      });
    },
    openRecent: async () => null,
    recentFiles: async () => [],
    saveFile: async (request: SaveRequest): Promise<SaveResult> => {
      const name = request.path ? baseName(request.path) : request.suggestedName;
      const conflict = disk?.conflict;
      if (conflict && request.kind === 'document' && request.path && !request.overwrite) return { path: name, name, conflict };
      download(win, name, request.bytes);
      return { path: name, name };
    },
    setDocumentState: async (state) => {
      dirty = state.dirty;
      win.document.title = `${state.dirty ? '● ' : ''}${state.title}`;
    },
    writeRecovery: async (bytes) => {
      win.localStorage.setItem(RECOVERY_KEY, new TextDecoder().decode(bytes));
      win.localStorage.setItem(RECOVERY_NAME_KEY, new Date().toISOString());
    },
    takeRecovery: async () => {
      // The copy stays until a save or clearRecovery, as in Electron: a second crash before saving loses nothing.
      const text = win.localStorage.getItem(RECOVERY_KEY);
      if (text === null) return null;
      return { path: '恢复的文档', name: '恢复的文档.ysgk', bytes: new TextEncoder().encode(text) };
    },
    clearRecovery: async () => {
      win.localStorage.removeItem(RECOVERY_KEY);
      win.localStorage.removeItem(RECOVERY_NAME_KEY);
    },
    setAsideRecovery: async () => {
      const text = win.localStorage.getItem(RECOVERY_KEY);
      if (text === null) return null;
      win.localStorage.setItem(UNOPENABLE_RECOVERY_KEY, text);
      win.localStorage.removeItem(RECOVERY_KEY);
      win.localStorage.removeItem(RECOVERY_NAME_KEY);
      return UNOPENABLE_RECOVERY_KEY;
    },
    reopenFile: async (path) => {
      const name = baseName(path);
      const text = disk?.files?.[name];
      return text === undefined ? null : { path: name, name, bytes: new TextEncoder().encode(text) };
    },
    releaseDocument: async () => undefined,
    listHistory: async () => (disk?.history ?? []).map((h) => h.entry),
    openHistory: async (id) => {
      const found = disk?.history?.find((h) => h.entry.id === id);
      if (!found) return null;
      return { path: '', name: historyCopyName(found.documentName, found.entry.savedAt), bytes: new TextEncoder().encode(found.text) };
    },
    confirm: async (request) => (inPage ? inPage(request) : win.confirm(`${request.title}\n\n${request.message}`)),
    getSetting: async (key) => readSetting(win, key),
    setSetting: async ({ key, value }) => {
      if (value === null) return win.localStorage.removeItem(SETTING_PREFIX + key);
      try {
        win.localStorage.setItem(SETTING_PREFIX + key, JSON.stringify(value));
      } catch (error) {
        throw new Error('设置未能保存：浏览器的本地存储空间已满或被禁用', { cause: error });
      }
    },
    listTemplateSets: async () => {
      const ids: string[] = [];
      for (let i = 0; i < win.localStorage.length; i++) {
        const key = win.localStorage.key(i);
        if (key?.startsWith(TEMPLATE_SET_PREFIX)) ids.push(key.slice(TEMPLATE_SET_PREFIX.length));
      }
      return ids.filter((id) => STORED_SET_ID.test(id)).sort().map((id) => ({ id, text: win.localStorage.getItem(TEMPLATE_SET_PREFIX + id) ?? '' }));
    },
    saveTemplateSet: async ({ id, text }) => {
      if (!STORED_SET_ID.test(id)) throw new Error(`模板标识“${id}”无效`);
      try {
        win.localStorage.setItem(TEMPLATE_SET_PREFIX + id, text);
      } catch (error) {
        throw new Error('模板集未能保存：浏览器的本地存储空间已满或被禁用', { cause: error });
      }
    },
    removeTemplateSet: async (id) => {
      const existed = win.localStorage.getItem(TEMPLATE_SET_PREFIX + id) !== null;
      win.localStorage.removeItem(TEMPLATE_SET_PREFIX + id);
      return existed;
    },
    onMenuCommand: (listener) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    onOpenFile: (listener) => {
      openListeners.add(listener);
      return () => openListeners.delete(listener);
    },
    dispatchMenu: (command) => menuListeners.forEach((l) => l(command)),
    askInPage: (ask) => {
      inPage = ask;
    },
  };
}

/** A damaged item (edited by hand, another version) reads as unset rather than breaking the feature using it. */
function readSetting(win: Window, key: string): JsonValue | null {
  const text = win.localStorage.getItem(SETTING_PREFIX + key);
  if (text === null) return null;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return null;
  }
}

/**
 * A hidden file input, clicked: resolves to the files chosen, or null when none were (cancel). `setup` sets what the
 * input accepts (one file, several, a folder).
 */
function chooseFiles(win: Window, setup: (input: HTMLInputElement) => void): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = win.document.createElement('input');
    input.type = 'file';
    input.style.display = 'none';
    setup(input);
    input.addEventListener('change', () => {
      const chosen = [...(input.files ?? [])];
      input.remove();
      resolve(chosen.length > 0 ? chosen : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    win.document.body.appendChild(input);
    input.click();
  });
}

async function pickFile(win: Window, accept: string): Promise<OpenedFile | null> {
  const chosen = await chooseFiles(win, (input) => (input.accept = accept));
  return chosen ? readFile(chosen[0]!).catch(() => null) : null;
}

/** 汇总下属单位 in the browser: a file input that takes several files at once. */
async function pickFiles(win: Window, accept: string): Promise<OpenedFile[] | null> {
  const chosen = await chooseFiles(win, (input) => {
    input.accept = accept;
    input.multiple = true;
  });
  return chosen ? Promise.all(chosen.map(readFile)).catch(() => null) : null;
}

/** Largest unit file read from a chosen folder (the import's own limit). */
const FOLDER_FILE_BYTES = 60 * 1024 * 1024;

/** 批量审核 in the browser: a folder chooser (webkitdirectory); every .ysgk and .xlsx in it, subfolders included. */
async function pickFolder(win: Window): Promise<OpenedFolder | null> {
  const chosen = await chooseFiles(win, (input) => {
    input.webkitdirectory = true;
    input.multiple = true;
  });
  if (!chosen) return null;
  const files: OpenedFile[] = [];
  const skipped: OpenedFolder['skipped'] = [];
  const units = chosen
    .filter((f) => /\.(ysgk|xlsx)$/i.test(f.name) && !f.name.startsWith('~$') && !f.name.startsWith('.'))
    .sort((a, b) => (a.webkitRelativePath || a.name).localeCompare(b.webkitRelativePath || b.name));
  for (const f of units) {
    const name = f.webkitRelativePath || f.name;
    if (f.size > FOLDER_FILE_BYTES) {
      skipped.push({ name, reason: `文件过大（${Math.round(f.size / 1024 / 1024)} MB）` });
      continue;
    }
    try {
      files.push({ path: name, name, bytes: new Uint8Array(await f.arrayBuffer()) });
    } catch {
      skipped.push({ name, reason: '无法读取' });
    }
  }
  const first = chosen[0]?.webkitRelativePath.split('/')[0] ?? '';
  return { name: first, files, skipped };
}

async function readFile(file: File): Promise<OpenedFile> {
  return { path: file.name, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function download(win: Window, name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes.slice()], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = win.document.createElement('a');
  a.href = url;
  a.download = name;
  win.document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: the download starts asynchronously.
  win.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
