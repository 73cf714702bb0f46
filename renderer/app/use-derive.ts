import { useCallback } from 'react';
import { derivationCommand, derivations, formatChanges, previewCommand } from './core-adapter';
import type { SessionPort } from './session-port';
import type { Notify } from './use-grid-edits';
import type { Prompts } from './use-prompts';

/**
 * "生成…" (generated fills, 重新计算全部合计与小计): a published figure never changes without the officer seeing it.
 * The command is tried on a copy first; nothing to change is said so, otherwise the cells are listed old → new
 * and only 修改 runs the command — as one undoable step.
 */
export function useDerive(session: SessionPort | null, prompts: Pick<Prompts, 'confirmChanges'>, notify: Notify): (id: string) => Promise<void> {
  return useCallback(async (id: string) => {
    if (!session) return;
    const label = derivations().find((d) => d.id === id)?.label ?? id;
    const built = derivationCommand(id, session.doc, session.template);
    if (!built.ok) return notify(built.message, 'error');
    const preview = previewCommand(session.doc, session.template, built.command);
    if (!preview.ok) return notify(`无法${label}：${preview.message}`, 'error');
    const notes = built.notes.length > 0 ? `；${built.notes.join('；')}` : '';
    const count = preview.changes.length;
    if (count === 0) return notify(`没有需要修改的单元格${notes}`);
    if (!(await prompts.confirmChanges(label, formatChanges(preview.changes)))) return notify('已取消');
    // The dialog is modal, so the document is as previewed: the command writes exactly the cells listed.
    const done = session.execute(built.command);
    if (!done.ok) return notify(done.message, 'error');
    notify(`已修改 ${count} 个单元格（可撤销）${notes}`);
  }, [session, prompts, notify]);
}
