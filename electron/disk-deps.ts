import type { FileStamp, HistoryEntry, LockHolder } from '../core/ipc/contract';

/**
 * What HostService needs from node/ (file-stamp, lock-file, backup-store), as function deps: main.ts wires the real
 * functions, tests wire the real ones on a temp folder or small fakes. The shapes follow node/'s signatures.
 */
export interface LockInfoLike extends LockHolder {
  pid: number;
}

export interface HeldLockLike {
  refresh(): Promise<void>;
  release(): Promise<void>;
}

export type AcquireResult = { ok: true; lock: HeldLockLike } | { ok: false; heldBy: LockInfoLike };

export interface DiskDeps {
  /** Bytes and stamp of a document, read together so the stamp describes exactly what was read. */
  readWithStamp(path: string): Promise<{ bytes: Uint8Array; stamp: FileStamp }>;
  /** null when the file is as expected; else what is there now. */
  diskChange(path: string, expected: FileStamp): Promise<null | { now: FileStamp | null; missing: boolean }>;
  /** The stamp of bytes just written to path (stat after the rename). */
  stampAfterWrite(path: string, bytes: Uint8Array): Promise<FileStamp>;
  acquireLock(path: string): Promise<AcquireResult>;
  /** The live lock on path, null when none or stale. */
  readLock(path: string): Promise<LockInfoLike | null>;
}

export interface BackupEntryLike extends HistoryEntry {
  documentPath: string;
}

export interface BackupsDep {
  add(documentPath: string, bytes: Uint8Array): Promise<unknown>;
  /** Newest first; all documents when documentPath is absent. */
  list(documentPath?: string): Promise<BackupEntryLike[]>;
  read(id: string): Promise<Uint8Array>;
}

export function holderOf(info: LockInfoLike): LockHolder {
  return { holder: info.holder, machine: info.machine, since: info.since };
}
