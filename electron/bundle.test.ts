import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { HOST_API_METHODS } from '../core/ipc/contract';
import { buildElectron } from '../scripts/build-electron';

// The shipped files are the esbuild bundles, not the TypeScript: load them the way Electron would, with a fake
// `electron` module, to catch bundling mistakes (a missing module, ESM-only syntax in CJS, a wrong preload path).
let dir: string;
let files: { main: string; preload: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-bundle-'));
  files = await buildElectron(join(dir, 'dist', 'electron'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preload bundle', () => {
  it('runs in a sandbox that offers only require("electron") and exposes window.host', () => {
    const exposed: Record<string, unknown> = {};
    const required: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (exposed[k] = v) },
      ipcRenderer: { invoke: async () => null, on: () => undefined, removeListener: () => undefined },
    };
    const module = { exports: {} };
    vm.runInNewContext(readFileSync(files.preload, 'utf8'), {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`sandboxed preload cannot require ${name}`);
        return electron;
      },
    });
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['host']);
  });
});

describe('main bundle', () => {
  it('starts with a fake Electron, loads the app:// page and points at a preload that exists', () => {
    const script = `
      const Module = require('module');
      const { EventEmitter } = require('events');
      const log = [];
      const app = Object.assign(new EventEmitter(), {
        isPackaged: true, requestSingleInstanceLock: () => true, whenReady: () => Promise.resolve(),
        getPath: () => require('os').tmpdir() + '/ysgk-bundle-userdata-' + process.pid, enableSandbox() {}, setAppUserModelId() {}, quit() {}, exit() {},
      });
      class BrowserWindow extends EventEmitter {
        constructor(o) { super(); log.push({ preload: o.webPreferences.preload, sandbox: o.webPreferences.sandbox });
          this.webContents = Object.assign(new EventEmitter(), { send() {} }); }
        loadURL(u) { log.push({ url: u }); return Promise.resolve(); }
        once() {} setTitle() {} show() {}
      }
      const fake = { app, BrowserWindow, Menu: { buildFromTemplate: (t) => t, setApplicationMenu: () => log.push({ menu: true }) },
        dialog: {}, ipcMain: { handle: (c) => log.push({ ipc: c }) },
        screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1920, height: 1040 } }) },
        protocol: { registerSchemesAsPrivileged: () => {}, handle: (s) => log.push({ protocol: s }) },
        session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {}, webRequest: { onBeforeRequest() {} } } } };
      const load = Module._load;
      Module._load = function (request, ...rest) { return request === 'electron' ? fake : load.call(this, request, ...rest); };
      require(process.argv[1]);
      setTimeout(() => { console.log(JSON.stringify(log)); }, 200);`;
    const result = spawnSync(process.execPath, ['-e', script, files.main], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const log = JSON.parse(result.stdout) as Record<string, unknown>[];
    const window = log.find((e) => 'preload' in e)!;
    expect(window.sandbox).toBe(true);
    expect(window.preload).toBe(join(dirname(files.main), 'preload.cjs'));
    expect(existsSync(window.preload as string)).toBe(true);
    expect(log).toContainEqual({ url: 'app://bundle/index.html' });
    expect(log).toContainEqual({ protocol: 'app' });
    expect(log.filter((e) => 'ipc' in e)).toHaveLength(HOST_API_METHODS.length);
  });
});
