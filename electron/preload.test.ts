import { describe, it, expect, vi, beforeAll } from 'vitest';
import { HOST_API_METHODS, IPC_EVENT_MENU, IPC_EVENT_OPEN_FILE, IPC_PREFIX, type Host } from '../core/ipc/contract';

// The preload runs in Electron's sandbox; here `electron` is a fake that records what the preload exposes.
const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invoke = vi.fn(async (...args: unknown[]) => ({ echoed: args }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke,
    on: (channel: string, l: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    },
    removeListener: (channel: string, l: (...args: unknown[]) => void) => listeners.get(channel)?.delete(l),
  },
}));

let host: Host;
beforeAll(async () => {
  await import('./preload');
  host = exposed.get('host') as Host;
});

describe('preload', () => {
  it('exposes exactly the Host contract as window.host and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['host']);
    expect(Object.keys(host).sort()).toEqual([...HOST_API_METHODS, 'onMenuCommand', 'onOpenFile'].sort());
    for (const value of Object.values(host)) expect(typeof value).toBe('function');
  });

  it('forwards each call to its own channel with at most one argument', async () => {
    await host.kind();
    expect(invoke).toHaveBeenLastCalledWith(`${IPC_PREFIX}kind`);
    await host.openFile('xlsx');
    expect(invoke).toHaveBeenLastCalledWith(`${IPC_PREFIX}openFile`, 'xlsx');
    const bytes = new Uint8Array([1]);
    await host.saveFile({ suggestedName: 'a.ysgk', bytes, kind: 'document' });
    expect(invoke).toHaveBeenLastCalledWith(`${IPC_PREFIX}saveFile`, { suggestedName: 'a.ysgk', bytes, kind: 'document' });
    await host.writeRecovery(bytes);
    expect(invoke).toHaveBeenLastCalledWith(`${IPC_PREFIX}writeRecovery`, bytes);
  });

  it('delivers events without the IPC event object, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = host.onMenuCommand((c) => seen.push(c));
    const offOpen = host.onOpenFile((f) => seen.push(f.name));
    for (const l of listeners.get(IPC_EVENT_MENU)!) l({ sender: 'ipcRenderer!' }, 'save');
    for (const l of listeners.get(IPC_EVENT_OPEN_FILE)!) l({ sender: 'ipcRenderer!' }, { name: 'a.ysgk', path: '/a.ysgk', bytes: new Uint8Array() });
    expect(seen).toEqual(['save', 'a.ysgk']);
    off();
    offOpen();
    expect(listeners.get(IPC_EVENT_MENU)!.size).toBe(0);
    expect(listeners.get(IPC_EVENT_OPEN_FILE)!.size).toBe(0);
  });
});
