import { useEffect, useRef } from 'react';
import type { Host } from '../../core/ipc/contract';
import { serializeOffThread } from './core-adapter';
import type { DocumentState } from './use-document';

const AUTOSAVE_MS = 30_000;

/** The running window's recovery writer, for an error that takes the window down (main.tsx's boundary). */
let writeBeforeFailure: (() => void) | null = null;

/** Writes the recovery copy now, if a document with unsaved changes is open (see useAutosave). */
export function writeRecoveryNow(): void {
  writeBeforeFailure?.();
}

/**
 * Crash recovery: while the document is dirty, write a copy every 30 s, when the window loses focus, and at once
 * when part of the window fails (writeRecoveryNow).
 */
export function useAutosave(host: Host, state: DocumentState): void {
  const ref = useRef(state);
  ref.current = state;
  useEffect(() => {
    let lastWritten = '';
    const write = () => {
      const { session, dirty, version, loadId } = ref.current;
      const stamp = `${loadId}:${version}`;
      if (!session || !dirty || stamp === lastWritten) return;
      lastWritten = stamp;
      void serializeOffThread(session.doc).then((bytes) => host.writeRecovery(bytes)).catch(() => undefined);
    };
    const timer = window.setInterval(write, AUTOSAVE_MS);
    window.addEventListener('blur', write);
    writeBeforeFailure = write;
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('blur', write);
      if (writeBeforeFailure === write) writeBeforeFailure = null;
    };
  }, [host]);
}
