import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeSet } from '../../core/commands/command';
import type { BudgetDocument } from '../../core/document/document';
import { structureOf } from '../../core/structure/structure-model';
import type { Finding } from '../../core/rules/finding';
import type { TemplateSet } from '../../core/template/template.schema';
import { buildPatch, mergeFindings, type CheckPart, type LearnedCode } from '../../core/worker/session-sync';
import { checkingWorker } from '../worker/core-client';
import { createSession, isBuiltinTemplate, learnCodes, learnedCodes } from './core-adapter';
import { afterTableShown, holdChecksUntilTableShown } from './first-paint';
import { RemoteChecker, type CheckerState } from './remote-checker';
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
  /**
   * The two lists `findings` merges: the table rules' (new after nearly every edit) and the text checks' (new only
   * after a pause). Views derive what they show per list, so an edit costs what the rules' list costs.
   */
  parts: FindingParts;
  /** The checks of the open document have not answered yet. */
  checking: boolean;
  dirty: boolean;
  /** Increments per opened document: views keyed by it start fresh (scroll, focus, selection). */
  loadId: number;
}

export interface DocumentControls {
  state: DocumentState;
  /** `json`: the document as JSON text when the caller has it (a file just read), so it is not built again. */
  load(doc: BudgetDocument, template: TemplateSet, file: FileInfo, dirty?: boolean, json?: string): SessionPort;
  setFile(file: FileInfo): void;
  /** Codes of an imported list: the checks re-run with their names. */
  learnCodes(codes: LearnedCode[]): void;
  /** The findings once every change made so far has been checked. */
  settledFindings(): Promise<readonly Finding[]>;
}

export interface FindingParts {
  rules: readonly Finding[];
  text: readonly Finding[];
}

const NO_FINDINGS: FindingParts = { rules: [], text: [] };

/** Tables this long have their structure built ahead, a table per task (about a tenth of a second per 10,000 rows). */
const WARM_ROWS = 1000;

/**
 * The page's structure model of a long table is built on first use: by the grid's cells, the first edit, or the
 * grouping of the first findings. Built ahead in idle tasks, one table each, none of those waits for it.
 */
function warmStructures(doc: BudgetDocument, template: TemplateSet): void {
  const ids = template.tables.map((t) => t.id).filter((id) => (doc.tables[id]?.rows.length ?? 0) >= WARM_ROWS);
  const next = () => {
    const id = ids.shift();
    if (id === undefined) return;
    structureOf(doc, template).table(id);
    window.setTimeout(next, 0);
  };
  if (ids.length > 0) window.setTimeout(next, 0);
}

const UNTITLED: FileInfo = { path: null, name: '未命名.ysgk' };

export function useDocument(): DocumentControls {
  const [state, setState] = useState<DocumentState>({
    session: null, file: UNTITLED, version: 0, lastChanges: null, findings: [], parts: NO_FINDINGS, checking: false, dirty: false, loadId: 0,
  });
  // A recovered document is dirty although its history is empty: remember that until the next save.
  const [forcedDirty, setForcedDirty] = useState(false);
  // Two replicas: the table rules answer within a frame or two; the text checks (slow on 10,000 rows) answer on
  // their own and never hold the rules' findings back. The panel shows both lists merged in core's order.
  const checkersRef = useRef<{ rules: RemoteChecker; text: RemoteChecker } | null>(null);
  // The lists as the replicas last answered (for the open document: a newly opened one starts with none).
  const partsRef = useRef(NO_FINDINGS);
  if (!checkersRef.current) {
    const update = (part: CheckPart) => (c: CheckerState) => {
      const parts = (partsRef.current = { ...partsRef.current, [part]: c.findings });
      const findings = mergeFindings(parts.rules, parts.text);
      setState((s) => ({ ...s, findings, parts, checking: part === 'rules' ? c.pending : s.checking }));
    };
    checkersRef.current = {
      rules: new RemoteChecker('rules', afterTableShown(checkingWorker('rules')), update('rules'), learnedCodes),
      text: new RemoteChecker('text', afterTableShown(checkingWorker('text')), update('text'), learnedCodes),
    };
  }

  const load = useCallback((doc: BudgetDocument, template: TemplateSet, file: FileInfo, dirty = false, json?: string) => {
    const session = createSession(doc, template);
    warmStructures(doc, template);
    partsRef.current = NO_FINDINGS;
    setForcedDirty(dirty);
    const builtin = isBuiltinTemplate(template);
    const text = json ?? JSON.stringify(doc);
    // The page opens the document's table first: the checks start once it has painted.
    holdChecksUntilTableShown();
    checkersRef.current!.rules.open(doc, template, builtin, text);
    checkersRef.current!.text.open(doc, template, builtin, text);
    setState((s) => ({ session, file, version: 0, lastChanges: null, findings: [], parts: NO_FINDINGS, checking: true, dirty, loadId: s.loadId + 1 }));
    return session;
  }, []);

  const session = state.session;
  useEffect(() => {
    if (!session) return;
    const { rules, text } = checkersRef.current!;
    return session.subscribe((event) => {
      if (event.kind === 'saved') setForcedDirty(false);
      else {
        const patch = buildPatch(session.doc, event.changes, session.template);
        rules.patch(event.changes, patch);
        text.patch(event.changes, patch);
      }
      setState((s) => ({
        ...s,
        version: s.version + 1,
        lastChanges: event.changes,
        dirty: event.kind === 'saved' ? false : event.dirty,
      }));
    });
  }, [session]);

  const setFile = useCallback((file: FileInfo) => setState((s) => ({ ...s, file })), []);
  const learn = useCallback((codes: LearnedCode[]) => {
    learnCodes(codes);
    checkersRef.current!.rules.learnCodes(codes);
  }, []);
  const settledFindings = useCallback(async () => {
    const { rules, text } = checkersRef.current!;
    const [a, b] = await Promise.all([rules.settled(), text.settled()]);
    return mergeFindings(a, b);
  }, []);
  return { state: { ...state, dirty: state.dirty || forcedDirty }, load, setFile, learnCodes: learn, settledFindings };
}
