import type { Session, WebContents, WebFrameMain, WebPreferences } from 'electron';
import { isAppUrl } from './csp';

/**
 * Electron's security checklist in one place: hardened webPreferences, no navigation, no new windows, no webviews,
 * permissions denied except the clipboard for our own origin, no network at all, and a sender check for IPC.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

const CLIPBOARD_PERMISSIONS = new Set(['clipboard-read', 'clipboard-sanitized-write']);

/** Permission decisions: only the clipboard (paste from Excel/WPS, copy out), only for our bundle. */
export function isPermissionAllowed(permission: string, origin: string | undefined): boolean {
  return CLIPBOARD_PERMISSIONS.has(permission) && isAppUrl(origin);
}

/** Schemes the page may load: its own bundle and inline data. Everything else (http, https, ws, file, ftp) is cancelled. */
export function isRequestAllowed(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'devtools:') return true;
    return isAppUrl(url);
  } catch {
    return false;
  }
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url) }));
}

/** Applied to every web contents the app ever creates (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  // The page is a single-page app: it never navigates. Links to the web are not opened either (offline PCs, and
  // shell.openExternal of page-controlled URLs is a classic escalation path).
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** IPC comes only from the top frame of our bundle — not from an iframe, not from a page that got navigated elsewhere. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}
