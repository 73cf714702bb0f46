import { useCallback, useEffect, useState } from 'react';
import type { ChangeSet } from '../../core/commands/command';
import type { BudgetDocument } from '../../core/document/document';
import type { Finding } from '../../core/rules/finding';
import type { TemplateSet } from '../../core/template/template.schema';
import { createSession } from './core-adapter';
import type { SessionPort } from './session-port';

/** Where the open document lives on disk (path in Electron, file name in the browser); null = never saved. */
export interface FileInfo {
  path: string | null;
  name: string;
}

export interface DocumentState {
  session: SessionPort | null;
  file: FileInfo;
  /** Increments after every change (execute, undo, redo, save): components re-read the document. */
  version: number;
  lastChanges: ChangeSet | null;
  findings: readonly Finding[];
  dirty: boolean;
  /** Increments per opened document: views keyed by it start fresh (scroll, focus, selection). */
  loadId: number;
}

export interface DocumentControls {
  state: DocumentState;
  load(doc: BudgetDocument, template: TemplateSet, file: FileInfo, dirty?: boolean): SessionPort;
  setFile(file: FileInfo): void;
  /** Re-read findings after a change outside the history (a newly imported code list). */
  refresh(): void;
}

const UNTITLED: FileInfo = { path: null, name: '未命名.ysgk' };

export function useDocument(): DocumentControls {
  const [state, setState] = useState<DocumentState>({
    session: null, file: UNTITLED, version: 0, lastChanges: null, findings: [], dirty: false, loadId: 0,
  });
  // A recovered document is dirty although its history is empty: remember that until the next save.
  const [forcedDirty, setForcedDirty] = useState(false);

  const load = useCallback((doc: BudgetDocument, template: TemplateSet, file: FileInfo, dirty = false) => {
    const session = createSession(doc, template);
    setForcedDirty(dirty);
    setState((s) => ({ session, file, version: 0, lastChanges: null, findings: session.findings(), dirty, loadId: s.loadId + 1 }));
    return session;
  }, []);

  const session = state.session;
  useEffect(() => {
    if (!session) return;
    // On a large document a cell edit leaves the text checks stale; re-run them once typing pauses.
    let textTimer = 0;
    const unsubscribe = session.subscribe((event) => {
      window.clearTimeout(textTimer);
      if (session.textFindingsStale) {
        textTimer = window.setTimeout(() => {
          if (session.refreshTextFindings()) setState((s) => (s.session === session ? { ...s, findings: session.findings() } : s));
        }, 600);
      }
      if (event.kind === 'saved') setForcedDirty(false);
      setState((s) => ({
        ...s,
        version: s.version + 1,
        lastChanges: event.changes,
        findings: session.findings(),
        dirty: event.kind === 'saved' ? false : event.dirty,
      }));
    });
    return () => {
      window.clearTimeout(textTimer);
      unsubscribe();
    };
  }, [session]);

  const setFile = useCallback((file: FileInfo) => setState((s) => ({ ...s, file })), []);
  const refresh = useCallback(
    () => setState((s) => (s.session ? { ...s, version: s.version + 1, findings: s.session.findings() } : s)),
    [],
  );
  return { state: { ...state, dirty: state.dirty || forcedDirty }, load, setFile, refresh };
}
