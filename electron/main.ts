import { app, BrowserWindow, Menu, dialog, ipcMain, protocol, screen, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActionId } from '../core/actions/actions';
import { IPC_EVENT_MENU, IPC_EVENT_OPEN_FILE } from '../core/ipc/contract';
import { writeFileAtomic } from '../node/atomic-write';
import { createBackupStore } from '../node/backup-store';
import { diskChange, readWithStamp, stampAfterWrite } from '../node/file-stamp';
import { acquireLock, readLock } from '../node/lock-file';
import { RecoveryStore } from '../node/recovery';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { CloseGuard, APP_TITLE, windowTitle, type CloseChoice } from './close-guard';
import { fileFromArgv } from './command-line';
import { APP_ENTRY_URL, APP_SCHEME } from './csp';
import { HostService, type HostServiceDeps } from './host-service';
import { registerHostHandlers } from './ipc-handlers';
import { KnownPaths } from './known-paths';
import { buildMenuTemplate } from './menu';
import { collectInputs } from '../node/unit-files';
import { RecentFiles } from './recent-files';
import { setAsideRecovery } from './recovery-aside';
import { hardenSession, hardenWebContents, secureWebPreferences } from './security';
import { SettingsStore } from './settings-store';

/**
 * Main process entry (bundled to dist/electron/main.cjs): one window, Chinese menus, single instance, file
 * association, the app:// protocol and the HostApi handlers. Logic lives in the modules imported above; this file
 * only wires Electron objects to them.
 */
export const APP_ID = 'cn.gov.ysgk.budget-disclosure';
const RENDERER_ROOT = join(__dirname, '..', 'renderer');
const PRELOAD = join(__dirname, 'preload.cjs');
/** Other instances treat a lock whose heartbeat is older than 10 minutes as stale. */
const LOCK_HEARTBEAT_MS = 60_000;

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let service: HostService | null = null;
let pendingPath: string | null = fileFromArgv(process.argv, { isPackaged: app.isPackaged, cwd: process.cwd() });

// A second launch (double-click on another .ysgk) hands its file to the running instance and quits. The path also
// travels as additionalData because Windows may reorder or add switches to the argv the first instance sees.
if (!app.requestSingleInstanceLock({ file: pendingPath })) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd, additionalData) => {
    const sent = (additionalData as { file?: unknown } | null)?.file;
    const path = typeof sent === 'string' && sent.length > 0 ? sent : fileFromArgv(argv, { isPackaged: app.isPackaged, cwd });
    focusWindow();
    if (path) openInWindow(path);
  });
  // macOS delivers double-clicked files as events, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (service && mainWindow) openInWindow(path);
    else pendingPath = path;
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // The lock beside the open document goes with the window (a crash leaves it stale, which others detect).
  app.on('window-all-closed', () => void (service?.releaseDocument() ?? Promise.resolve()).finally(() => app.quit()));
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox(APP_TITLE, `启动失败：${String(error)}`);
    app.exit(1);
  });
}

/**
 * The officer's own template sets in the per-user folder the command line reads (`templates add`), so a set kept
 * by either is seen by both. Loaded on first use: reading a set file needs none of it before the page asks.
 */
function storedTemplates(): HostServiceDeps['templates'] {
  const store = () => import('../node/template-store').then((m) => new m.TemplateStore());
  return {
    texts: async () => (await store()).texts(),
    save: async (id, text) => (await store()).save(id, text),
    remove: async (id) => (await store()).remove(id),
  };
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_ROOT));

  const userData = app.getPath('userData');
  const recent = new RecentFiles(join(userData, 'recent-files.json'));
  await recent.load();
  const recovery = new RecoveryStore(join(userData, 'recovery'));
  const settings = new SettingsStore(join(userData, 'settings.json'), (message) => console.warn(message));

  // Agency PCs often have 1366×768 screens: fill the work area there, a comfortable window on larger screens.
  const area = screen.getPrimaryDisplay().workAreaSize;
  const small = area.width <= 1440 || area.height <= 800;
  const win = new BrowserWindow({
    width: Math.min(1440, area.width),
    height: Math.min(900, area.height),
    minWidth: Math.min(1024, area.width),
    minHeight: Math.min(600, area.height),
    show: false,
    title: APP_TITLE,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(PRELOAD),
  });
  mainWindow = win;
  win.once('ready-to-show', () => {
    if (small) win.maximize();
    win.show();
  });
  win.on('page-title-updated', (event) => event.preventDefault());
  win.on('closed', () => {
    mainWindow = null;
  });

  // Menu items send any action of the shared list (生成 and 审核 too) on the menu channel; the page runs it.
  const send = (action: ActionId) => win.webContents.send(IPC_EVENT_MENU, action);
  const guard = new CloseGuard({
    ask: () => askToSave(win),
    requestSave: () => send('save'),
    close: () => win.close(),
    onCleanExit: () => (service ? service.endRecovery() : recovery.clearSync()),
  });
  win.on('close', (event) => {
    if (guard.onCloseRequested()) event.preventDefault();
  });

  const rebuildMenu = () => {
    const template = buildMenuTemplate({
      recent: recent.all(),
      send,
      openRecent: (path) => openInWindow(path),
      clearRecent: () => void recent.clear().then(rebuildMenu),
      quit: () => win.close(),
      devTools: app.isPackaged ? undefined : () => win.webContents.toggleDevTools(),
      platform: process.platform,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  service = new HostService({
    showOpenDialog: async (options) => {
      const result = await dialog.showOpenDialog(win, { ...options, properties: ['openFile'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showOpenFilesDialog: async (options) => {
      const result = await dialog.showOpenDialog(win, { ...options, properties: ['openFile', 'multiSelections'] });
      return result.canceled ? null : result.filePaths;
    },
    showFolderDialog: async (options) => {
      const result = await dialog.showOpenDialog(win, { ...options, properties: ['openDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    listUnitFiles: async (folder) => (await collectInputs(folder, [folder])).inputs,
    showSaveDialog: async (options) => {
      const result = await dialog.showSaveDialog(win, { ...options, properties: ['showOverwriteConfirmation', 'createDirectory'] });
      return result.canceled ? null : (result.filePath ?? null);
    },
    showMessageBox: async (options) => (await dialog.showMessageBox(win, { ...options, noLink: true })).response,
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, bytes, options) => writeFileAtomic(path, bytes, options),
    recent,
    known: new KnownPaths(),
    recovery,
    settings,
    templates: storedTemplates(),
    onDocumentState: (title, dirty) => {
      win.setTitle(windowTitle(title, dirty));
      if (process.platform === 'darwin') win.setDocumentEdited(dirty);
      guard.onDocumentState(dirty);
    },
    onRecentChanged: rebuildMenu,
    onSaveAbandoned: () => guard.onSaveAbandoned(),
    defaultFolder: app.getPath('documents'),
    startupPath: pendingPath,
    disk: {
      readWithStamp,
      diskChange,
      stampAfterWrite,
      acquireLock: (path) => acquireLock(path),
      readLock,
    },
    backups: createBackupStore(join(userData, 'backups')),
    setAsideRecovery: () => setAsideRecovery(recovery),
    heartbeatMs: LOCK_HEARTBEAT_MS,
    warn: (message) => console.warn(message),
  });
  pendingPath = null;
  registerHostHandlers(ipcMain, service, (message) => console.warn(message));
  rebuildMenu();

  // A page stuck in a long computation (e.g. a pathological workbook) can be restarted; the autosaved copy survives.
  let restartRequested = false;
  win.on('unresponsive', () => {
    void dialog
      .showMessageBox(win, {
        type: 'warning',
        title: APP_TITLE,
        message: '页面长时间没有响应。',
        detail: '可以继续等待；或重新加载页面，重新加载后会提供最近一次自动保存的内容。',
        buttons: ['继续等待', '重新加载'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      })
      .then(({ response }) => {
        if (response !== 1) return;
        restartRequested = true;
        win.webContents.forcefullyCrashRenderer();
      });
  });
  // A crashed page loses nothing that was autosaved: reload it and the renderer offers the recovery copy.
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    if (restartRequested) {
      restartRequested = false;
      void win.loadURL(APP_ENTRY_URL);
      return;
    }
    void dialog
      .showMessageBox(win, { type: 'error', title: APP_TITLE, message: '页面意外退出，将重新加载。', detail: '最近一次自动保存的内容会在重新加载后提供恢复。', buttons: ['重新加载'], noLink: true })
      .then(() => win.loadURL(APP_ENTRY_URL));
  });
  await win.loadURL(APP_ENTRY_URL);
}

async function askToSave(win: BrowserWindow): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox(win, {
    type: 'warning',
    title: APP_TITLE,
    message: '文档有未保存的修改，是否保存？',
    detail: '选择“不保存”将丢失自上次保存以来的修改。',
    buttons: ['保存', '不保存', '取消'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  });
  return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel';
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function openInWindow(path: string): void {
  const win = mainWindow;
  if (!service || !win) return;
  // Not locked yet: the page may still answer 取消 to "discard unsaved changes?"; it calls reopenFile when it opens.
  service.openDocumentAt(path, { lock: false }).then(
    (file) => win.webContents.send(IPC_EVENT_OPEN_FILE, file),
    (error: unknown) => dialog.showErrorBox('无法打开文件', error instanceof Error ? error.message : String(error)),
  );
}
