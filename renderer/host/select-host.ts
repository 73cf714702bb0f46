import type { Host, MenuEvent } from '../../core/ipc/contract';
import { createWebHost } from './web-host';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in a plain browser. */
    host?: Host;
  }
}

export interface AppHost {
  host: Host;
  /** Raise a menu command from inside the page (toolbar, shortcuts) through the same path the native menu uses. */
  dispatchMenu: (command: MenuEvent) => void;
}

/** `window.host ?? createWebHost()`: the one place that decides which host the renderer runs on. */
export function selectHost(): AppHost {
  const local = new Set<(c: MenuEvent) => void>();
  if (window.host) {
    const electronHost = window.host;
    const host: Host = {
      ...electronHost,
      onMenuCommand: (listener) => {
        local.add(listener);
        const off = electronHost.onMenuCommand(listener);
        return () => {
          local.delete(listener);
          off();
        };
      },
    };
    return { host, dispatchMenu: (c) => local.forEach((l) => l(c)) };
  }
  const web = createWebHost();
  return { host: web, dispatchMenu: web.dispatchMenu };
}
