import { FixDialog, type FixChoice } from './FixDialog';
import { Fragment, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DiskConflict, HistoryEntry } from '../../core/ipc/contract';
import type { UnmatchedLabel } from '../../core/xlsx/import/import-report';
import { ChangesDialog } from './ChangesDialog';
import { ConfirmDialog, type ConfirmAnswer, type ConfirmRequest } from './ConfirmDialog';
import { ConflictDialog, type ConflictChoice } from './ConflictDialog';
import { HistoryDialog } from './HistoryDialog';
import { MappingDialog, type MappingAnswer } from './MappingDialog';
import { YearDialog } from './YearDialog';

/**
 * Questions the import and generate flows ask in the middle of their work, as in-app dialogs that resolve a promise:
 * the flow reads top to bottom ("ask the year, then import again") and never waits on the browser's confirm/prompt.
 */
export interface Prompts {
  confirm(request: ConfirmRequest): Promise<boolean>;
  /** A question with two ways to go ahead (`otherLabel`); null: cancelled. */
  choose(request: ConfirmRequest & { otherLabel: string }): Promise<ConfirmAnswer>;
  /** null: cancelled. */
  askYear(fileName: string): Promise<number | null>;
  /** null: cancelled. */
  askMapping(fileName: string, unmatched: readonly UnmatchedLabel[]): Promise<MappingAnswer[] | null>;
  /** The lines of core's formatChanges; true: go ahead. */
  confirmChanges(title: string, lines: readonly string[]): Promise<boolean>;
  /** 保存 met a changed or locked file: 覆盖 / 另存为 / 打开磁盘上的版本; null: cancelled. */
  resolveConflict(fileName: string, conflict: DiskConflict): Promise<ConflictChoice | null>;
  /** 历史版本…: the id of the version to open; null: cancelled. */
  chooseVersion(fileName: string, entries: readonly HistoryEntry[]): Promise<string | null>;
  /** 修正: the index of the chosen change; null: cancelled. */
  chooseFix(title: string, choices: readonly FixChoice[]): Promise<number | null>;
}

export function usePrompts(): { prompts: Prompts; dialog: ReactNode } {
  const [dialog, setDialog] = useState<ReactNode>(null);
  const cancelOpen = useRef<(() => void) | null>(null);
  const counter = useRef(0);

  const show = useCallback(<T,>(cancelled: T, render: (answer: (value: T) => void) => ReactNode): Promise<T> => {
    // A newer question replaces one still open (e.g. a file handed over by a second launch): the old one is cancelled.
    cancelOpen.current?.();
    return new Promise<T>((resolve) => {
      let settled = false;
      const answer = (value: T) => {
        if (settled) return;
        settled = true;
        if (cancelOpen.current === cancel) cancelOpen.current = null;
        setDialog(null);
        resolve(value);
      };
      const cancel = () => answer(cancelled);
      cancelOpen.current = cancel;
      counter.current += 1;
      // A fresh key per question: its fields start empty even when the same kind of dialog was open before.
      setDialog(<Fragment key={counter.current}>{render(answer)}</Fragment>);
    });
  }, []);

  const prompts = useMemo<Prompts>(() => ({
    confirm: (request) => show(false, (answer) => <ConfirmDialog request={request} onAnswer={(a) => answer(a === 'ok')} />),
    choose: (request) => show<ConfirmAnswer>(null, (answer) => <ConfirmDialog request={request} onAnswer={answer} />),
    askYear: (fileName) => show<number | null>(null, (answer) => <YearDialog fileName={fileName} onAnswer={answer} />),
    askMapping: (fileName, unmatched) =>
      show<MappingAnswer[] | null>(null, (answer) => <MappingDialog fileName={fileName} unmatched={unmatched} onAnswer={answer} />),
    confirmChanges: (title, lines) => show(false, (answer) => <ChangesDialog title={title} lines={lines} onAnswer={answer} />),
    resolveConflict: (fileName, conflict) =>
      show<ConflictChoice | null>(null, (answer) => <ConflictDialog fileName={fileName} conflict={conflict} onAnswer={answer} />),
    chooseVersion: (fileName, entries) =>
      show<string | null>(null, (answer) => <HistoryDialog fileName={fileName} entries={entries} onAnswer={answer} />),
    chooseFix: (title, choices) => show<number | null>(null, (answer) => <FixDialog title={title} choices={choices} onAnswer={answer} />),
  }), [show]);

  return { prompts, dialog };
}
