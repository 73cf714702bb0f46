import { useCallback } from 'react';
import type { Command } from '../../core/commands/command';
import type { Finding } from '../../core/rules/finding';
import { applyFix } from '../../core/commands/apply-fix.command';
import { derivationCommand, derivations, formatChanges, previewCommand } from './core-adapter';
import type { SessionPort } from './session-port';
import type { Notify } from './use-grid-edits';
import type { Prompts } from './use-prompts';

/**
 * A command that writes figures the officer did not type (生成…, 重新计算全部合计与小计, 修正) never runs unseen: it is
 * tried on a copy first; nothing to change is said so, otherwise the cells are listed old → new and only 修改 runs
 * it — as one undoable step.
 */
function useConfirmedCommand(session: SessionPort | null, prompts: Pick<Prompts, 'confirmChanges'>, notify: Notify) {
  return useCallback(async (label: string, cmd: Command, notes: readonly string[] = []) => {
    if (!session) return;
    const preview = previewCommand(session.doc, session.template, cmd);
    if (!preview.ok) return notify(`无法${label}：${preview.message}`, 'error');
    const tail = notes.length > 0 ? `；${notes.join('；')}` : '';
    const count = preview.changes.length;
    if (count === 0) return notify(`没有需要修改的单元格${tail}`);
    if (!(await prompts.confirmChanges(label, formatChanges(preview.changes)))) return notify('已取消');
    // The dialog is modal, so the document is as previewed: the command writes exactly the cells listed.
    const done = session.execute(cmd);
    if (!done.ok) return notify(done.message, 'error');
    notify(`已修改 ${count} 个单元格（可撤销）${tail}`);
  }, [session, prompts, notify]);
}

/** "生成…" (generated fills, 重新计算全部合计与小计). */
export function useDerive(session: SessionPort | null, prompts: Pick<Prompts, 'confirmChanges'>, notify: Notify): (id: string) => Promise<void> {
  const confirmed = useConfirmedCommand(session, prompts, notify);
  return useCallback(async (id: string) => {
    if (!session) return;
    const label = derivations().find((d) => d.id === id)?.label ?? id;
    const built = derivationCommand(id, session.doc, session.template);
    if (!built.ok) return notify(built.message, 'error');
    await confirmed(label, built.command, built.notes);
  }, [session, confirmed, notify]);
}

/** 修正: a finding's suggested value, shown (cell, old → new) before it is written. */
export function useFix(session: SessionPort | null, prompts: Pick<Prompts, 'confirmChanges'>, notify: Notify): (finding: Finding) => Promise<void> {
  const confirmed = useConfirmedCommand(session, prompts, notify);
  return useCallback((finding: Finding) => confirmed(`修正：${finding.ruleName}`, applyFix(finding)), [confirmed]);
}
