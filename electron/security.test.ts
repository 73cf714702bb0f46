import { describe, it, expect, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { hardenSession, hardenWebContents, isPermissionAllowed, isRequestAllowed, isTrustedSender, secureWebPreferences } from './security';

vi.mock('electron', () => ({}));

describe('secureWebPreferences', () => {
  it('turns on every isolation switch of the checklist', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(secureWebPreferences('/p')).not.toHaveProperty('enableBlinkFeatures');
    expect(secureWebPreferences('/p')).not.toHaveProperty('additionalArguments');
  });
});

describe('permissions and requests', () => {
  it('grants only the clipboard, only to our bundle', () => {
    expect(isPermissionAllowed('clipboard-read', 'app://bundle/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://bundle/')).toBe(true);
    expect(isPermissionAllowed('clipboard-read', 'https://evil.example/')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'fileSystem', 'hid', 'usb', 'serial']) {
      expect(isPermissionAllowed(p, 'app://bundle/')).toBe(false);
    }
  });

  it('cancels every network request: the app is offline by design', () => {
    expect(isRequestAllowed('app://bundle/assets/a.js')).toBe(true);
    expect(isRequestAllowed('data:image/png;base64,AAAA')).toBe(true);
    expect(isRequestAllowed('blob:app://bundle/123')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'ws://x/', 'file:///etc/passwd', 'ftp://x/', 'app://other/', 'junk']) {
      expect(isRequestAllowed(url)).toBe(false);
    }
  });

  it('installs the handlers on the session', () => {
    const calls: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (calls.request = h),
      setPermissionCheckHandler: (h: never) => (calls.check = h),
      setDevicePermissionHandler: (h: never) => (calls.device = h),
      webRequest: { onBeforeRequest: (h: never) => (calls.before = h) },
    } as unknown as Session;
    hardenSession(session);
    const granted: boolean[] = [];
    const request = calls.request as unknown as (c: unknown, p: string, cb: (g: boolean) => void, d: { requestingUrl?: string }) => void;
    request({ getURL: () => 'app://bundle/' }, 'media', (g) => granted.push(g), { requestingUrl: 'app://bundle/' });
    request({ getURL: () => 'app://bundle/' }, 'clipboard-read', (g) => granted.push(g), { requestingUrl: 'app://bundle/' });
    expect(granted).toEqual([false, true]);
    const check = calls.check as unknown as (c: unknown, p: string, o: string) => boolean;
    expect(check(null, 'notifications', 'app://bundle')).toBe(false);
    expect((calls.device as unknown as () => boolean)()).toBe(false);
    const decisions: unknown[] = [];
    const before = calls.before as unknown as (d: { url: string }, cb: (r: unknown) => void) => void;
    before({ url: 'https://x.example/' }, (r) => decisions.push(r));
    before({ url: 'app://bundle/index.html' }, (r) => decisions.push(r));
    expect(decisions).toEqual([{ cancel: true }, { cancel: false }]);
  });
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const emitter = new EventEmitter();
    let openHandler: ((d: { url: string }) => unknown) | null = null;
    const contents = Object.assign(emitter, {
      setWindowOpenHandler: (h: (d: { url: string }) => unknown) => (openHandler = h),
    }) as unknown as WebContents;
    return { contents, emitter, open: (url: string) => openHandler!({ url }) };
  }
  const event = (url = '') => ({ url, prevented: false, preventDefault() { this.prevented = true; } });

  it('blocks navigation, redirects, webviews and new windows', () => {
    const { contents, emitter, open } = fakeContents();
    hardenWebContents(contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = event('https://evil.example/');
      emitter.emit(name, e);
      expect(e.prevented, name).toBe(true);
    }
    const inner = event('https://evil.example/');
    emitter.emit('will-frame-navigate', inner);
    expect(inner.prevented).toBe(true);
    const own = event('app://bundle/index.html');
    emitter.emit('will-frame-navigate', own);
    expect(own.prevented).toBe(false);
    expect(open('https://example.com')).toEqual({ action: 'deny' });
    expect(open('app://bundle/index.html')).toEqual({ action: 'deny' });
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of our bundle', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: {} as never })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///C:/index.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('main-process source', () => {
  it('never opens external URLs, injects code into the page, or weakens isolation', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const sources = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      // Comments may name the dangerous APIs (to explain why they are not used); code may not.
      const code = readFileSync(join(__dirname, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/openExternal|executeJavaScript|insertCSS|nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true|enableBlinkFeatures|\beval\(|new Function/);
    }
  });
});
