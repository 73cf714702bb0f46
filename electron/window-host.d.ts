import type { Host } from '../core/ipc/contract';

/**
 * window.host as exposed by electron/preload.ts (absent in a plain browser). The renderer may include this file or
 * declare the same property itself (renderer/host/select-host.ts does); both declarations are identical.
 */
declare global {
  interface Window {
    host?: Host;
  }
}
