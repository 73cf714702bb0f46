import { useMemo } from 'react';
import { parseAmount } from '../../core/amount/amount';
import type { Command } from '../../core/commands/command';
import { textEditsCommand } from '../../core/commands/text-edits.command';
import { getAmount } from '../../core/document/document';
import { leafLabel } from '../../core/template/header-layout';
import type { CellEdit, GridEdits } from '../grid/grid-edits';
import type { SessionPort } from './session-port';

export type Notify = (message: string, tone?: 'info' | 'error') => void;

/**
 * Turns grid edits into core commands (core's textEditsCommand: letters in an amount are refused with a Chinese
 * message naming the cell and the old value stays); a paste or clear is one command. An edit that goes through
 * calls clearError: the refusal of an earlier one is no longer news once later edits were accepted.
 */
export function useGridEdits(session: SessionPort | null, notify: Notify, clearError: () => void = () => undefined): GridEdits {
  return useMemo<GridEdits>(() => {
    const run = (cmd: Command) => {
      if (!session) return;
      const r = session.execute(cmd);
      if (!r.ok) notify(r.message, 'error');
      else clearError();
    };
    /** One command for a set of edits (core decides parsing and what is editable), or the refusal message. */
    const build = (edits: readonly CellEdit[], label: string): Command | string | null => {
      if (!session) return null;
      const r = textEditsCommand(session.doc, session.template, edits, label);
      if (r.ok) return r.command;
      return edits.length === 1 ? `${r.message}，已保留原值` : `粘贴未执行：${r.message}`;
    };
    const tableNo = (id: string) => session?.template.tables.find((t) => t.id === id)?.no ?? id;
    return {
      commit(edit) {
        if (!session) return;
        if (edit.col.kind === 'amount') {
          const parsed = parseAmount(edit.text);
          if (parsed.ok && parsed.value === getAmount(session.doc, edit.ref)) return;
        }
        const cmd = build([edit], `编辑 ${tableNo(edit.ref.table)} ${leafLabel(edit.col)}`);
        if (typeof cmd === 'string') notify(cmd, 'error');
        else if (cmd) run(cmd);
      },
      paste(edits, size) {
        const cmd = build(edits, `粘贴 ${size.rows}×${size.cols}`);
        if (typeof cmd === 'string') notify(cmd, 'error');
        else if (cmd) {
          run(cmd);
          notify(`已粘贴 ${size.rows} 行 × ${size.cols} 列`);
        }
      },
      clear(edits) {
        const cmd = build(edits, edits.length === 1 ? '清除单元格' : `清除 ${edits.length} 个单元格`);
        if (typeof cmd === 'string') notify(cmd, 'error');
        else if (cmd) run(cmd);
      },
      notify,
    };
  }, [session, notify, clearError]);
}
