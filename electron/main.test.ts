import { describe, it, expect, vi, beforeEach } from 'vitest';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_API_METHODS, IPC_EVENT_MENU, IPC_EVENT_OPEN_FILE, IPC_PREFIX } from '../core/ipc/contract';

// main.ts wires Electron objects; here every Electron object is a recording fake (the real binary is not needed).
const state = vi.hoisted(() => ({ lock: true, userData: '', windows: [] as unknown[] }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeWebContents extends EventEmitter {
    sent: [string, unknown][] = [];
    loaded: string[] = [];
    send(channel: string, value: unknown) {
      this.sent.push([channel, value]);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    toggleDevTools() {}
    crashed = 0;
    forcefullyCrashRenderer() {
      this.crashed += 1;
      this.emit('render-process-gone', {}, { reason: 'killed' });
    }
  }
  class FakeWindow extends EventEmitter {
    webContents = new FakeWebContents();
    title = '';
    closed = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
    }
    setTitle(t: string) {
      this.title = t;
    }
    setDocumentEdited() {}
    loadURL(url: string) {
      return this.webContents.loadURL(url);
    }
    show() {}
    close() {
      this.closed += 1;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => state.lock),
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? state.userData : tmpdir()),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  return {
    app,
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 2 })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true })),
      showErrorBox: vi.fn(),
    },
    ipcMain: { handle: vi.fn() },
    screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1366, height: 728 } }) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
  };
});

type Electron = typeof import('electron');
interface FakeWindow extends EventEmitter {
  options: { webPreferences: Record<string, unknown> };
  webContents: EventEmitter & { sent: [string, unknown][]; loaded: string[] };
  title: string;
  closed: number;
}

async function boot(lock = true) {
  vi.resetModules();
  state.lock = lock;
  state.windows = [];
  state.userData = mkdtempSync(join(tmpdir(), 'ysgk-main-'));
  const electron = (await import('electron')) as unknown as Electron & { app: EventEmitter };
  electron.app.removeAllListeners();
  vi.mocked(electron.ipcMain.handle).mockClear();
  vi.mocked(electron.app.quit).mockClear();
  await import('./main');
  // start() runs after whenReady and ends by loading the page: wait for that, however slow the machine.
  if (lock) await vi.waitFor(() => expect((state.windows[0] as FakeWindow | undefined)?.webContents.loaded).toHaveLength(1), { timeout: 10_000 });
  const win = state.windows[0] as FakeWindow | undefined;
  const handler = (method: string) => {
    const call = vi.mocked(electron.ipcMain.handle).mock.calls.find(([c]) => c === `${IPC_PREFIX}${method}`);
    return (arg?: unknown) => (call![1] as (e: unknown, a?: unknown) => Promise<unknown>)({ senderFrame: { url: 'app://bundle/index.html', parent: null } }, arg);
  };
  return { electron, win, handler };
}

describe('main process wiring', () => {
  beforeEach(() => vi.clearAllMocks());

  it('opens one sandboxed, isolated window on the app:// bundle', async () => {
    const { electron, win } = await boot();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(state.windows).toHaveLength(1);
    expect(win!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(win!.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(win!.options).toMatchObject({ width: 1366, height: 728 }); // a 1366×768 screen minus the taskbar
    expect(win!.webContents.loaded).toEqual(['app://bundle/index.html']);
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('registers a handler for every HostApi member', async () => {
    const { electron } = await boot();
    const channels = vi.mocked(electron.ipcMain.handle).mock.calls.map(([c]) => c);
    expect(channels.sort()).toEqual(HOST_API_METHODS.map((m) => `${IPC_PREFIX}${m}`).sort());
  });

  it('hardens every web contents the app creates', async () => {
    const { electron } = await boot();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('sets the title with the unsaved mark and asks before closing a dirty document', async () => {
    const { electron, win, handler } = await boot();
    await handler('setDocumentState')({ title: '预算.ysgk', dirty: true });
    expect(win!.title).toBe('● 预算.ysgk - 预算公开编制助手');
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    win!.emit('close', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    expect((vi.mocked(electron.dialog.showMessageBox).mock.calls[0] as unknown[])[1]).toMatchObject({ buttons: ['保存', '不保存', '取消'] });
  });

  it('保存 in the close prompt asks the renderer to save', async () => {
    const { electron, win, handler } = await boot();
    vi.mocked(electron.dialog.showMessageBox).mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await handler('setDocumentState')({ title: 'a', dirty: true });
    win!.emit('close', { preventDefault() {} });
    await vi.waitFor(() => expect(win!.webContents.sent).toContainEqual([IPC_EVENT_MENU, 'save']));
    await handler('setDocumentState')({ title: 'a', dirty: false });
    expect(win!.closed).toBe(1);
  });

  it('a second launch with a document opens it in the running window', async () => {
    const { electron, win } = await boot();
    const path = join(state.userData, '第二次.ysgk');
    writeFileSync(path, '{}');
    electron.app.emit('second-instance', {}, ['/opt/app/budget-disclosure', path], '/');
    await vi.waitFor(() => expect(win!.webContents.sent.find(([c]) => c === IPC_EVENT_OPEN_FILE)?.[1]).toMatchObject({ path, name: '第二次.ysgk' }));
  });

  it('prefers the file the second instance sends as additionalData', async () => {
    const { electron, win } = await boot();
    const path = join(state.userData, '附加数据.ysgk');
    writeFileSync(path, '{}');
    electron.app.emit('second-instance', {}, ['/opt/app/budget-disclosure', '--reordered-switch'], '/', { file: path });
    await vi.waitFor(() => expect(win!.webContents.sent.find(([c]) => c === IPC_EVENT_OPEN_FILE)?.[1]).toMatchObject({ name: '附加数据.ysgk' }));
  });

  it('a document opened in the window is locked, and closing the last window releases the lock before quitting', async () => {
    const { electron, win, handler } = await boot();
    const path = join(state.userData, '锁定.ysgk');
    writeFileSync(path, '{}');
    electron.app.emit('second-instance', {}, ['/opt/app/budget-disclosure', path], '/');
    await vi.waitFor(() => expect(win!.webContents.sent.find(([c]) => c === IPC_EVENT_OPEN_FILE)).toBeDefined());
    // Handed over unlocked: the page may still keep its own document (取消); it reopens the file to take it.
    const lock = join(state.userData, '~$锁定.ysgk.lock');
    expect(existsSync(lock)).toBe(false);
    await expect(handler('reopenFile')(path)).resolves.toMatchObject({ name: '锁定.ysgk', stamp: { size: 2 } });
    expect(existsSync(lock)).toBe(true);
    electron.app.emit('window-all-closed');
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(existsSync(lock)).toBe(false);
  });

  it('offers to restart a page that stopped responding, and reloads it without a second question', async () => {
    const { electron, win } = await boot();
    vi.mocked(electron.dialog.showMessageBox).mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    win!.emit('unresponsive');
    await vi.waitFor(() => expect(win!.webContents.loaded).toHaveLength(2));
    expect(vi.mocked(electron.dialog.showMessageBox)).toHaveBeenCalledTimes(1);
    expect((vi.mocked(electron.dialog.showMessageBox).mock.calls[0] as unknown[])[1]).toMatchObject({ buttons: ['继续等待', '重新加载'] });
  });

  it('quits at once when another instance already runs', async () => {
    const { electron } = await boot(false);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledWith({ file: null });
    expect(state.windows).toHaveLength(0);
  });
});
