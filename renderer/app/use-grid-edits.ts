import { useMemo } from 'react';
import { parseAmount } from '../../core/amount/amount';
import type { Command } from '../../core/commands/command';
import { composite } from '../../core/commands/composite.command';
import { setRowName } from '../../core/commands/rows.command';
import { setCells, type CellValue } from '../../core/commands/set-cells.command';
import { getAmount } from '../../core/document/document';
import { leafLabel } from '../../core/template/header-layout';
import type { CellEdit, GridEdits } from '../grid/grid-edits';
import type { SessionPort } from './session-port';

export type Notify = (message: string, tone?: 'info' | 'error') => void;

/**
 * Turns grid edits into core commands: amounts are parsed by core's parseAmount (letters are refused with its
 * Chinese message and the old value stays), names go through setRowName, and a paste or clear is one command.
 */
export function useGridEdits(session: SessionPort | null, notify: Notify): GridEdits {
  return useMemo<GridEdits>(() => {
    const run = (cmd: Command) => {
      if (!session) return;
      const r = session.execute(cmd);
      if (!r.ok) notify(r.message, 'error');
    };
    /** Builds the command for a set of edits, or returns the first parse error. */
    const build = (edits: readonly CellEdit[], label: string): Command | string | null => {
      const cells: CellValue[] = [];
      const names: Command[] = [];
      for (const e of edits) {
        if (e.col.kind === 'amount') {
          const parsed = parseAmount(e.text);
          if (!parsed.ok) return edits.length === 1 ? `${parsed.message}，已保留原值` : `粘贴未执行：${parsed.message}`;
          cells.push({ ...e.ref, value: parsed.value });
        } else if (e.col.kind === 'name') {
          names.push(setRowName(e.ref.table, e.ref.row, e.text.trim()));
        } else if (e.col.kind === 'text') {
          cells.push({ ...e.ref, value: e.text.trim() });
        }
      }
      const parts: Command[] = [...names];
      if (cells.length > 0) parts.unshift(setCells(cells, label));
      if (parts.length === 0) return null;
      return parts.length === 1 ? parts[0] : composite(label, parts);
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
  }, [session, notify]);
}
