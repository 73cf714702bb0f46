import { useCallback } from 'react';
import type { Command } from '../../core/commands/command';
import type { Finding } from '../../core/rules/finding';
import { applyFix } from '../../core/commands/apply-fix.command';
import type { CellRef } from '../../core/document/document';
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

/**
 * 修正: the single-cell changes that even the finding's two sides (core's fixOptions: tried on a copy, the one leaving
 * the fewest 错误 first, a new 错误 named), each saying which cell and value; the chosen one runs as one undoable
 * step, the view goes to the changed cell and the status bar says what changed. A finding no single cell can even
 * falls back to its suggested value, still shown old → new first.
 */
export function useFix(
  session: SessionPort | null,
  prompts: Pick<Prompts, 'confirmChanges' | 'chooseFix'>,
  notify: Notify,
  goTo: (cell: CellRef) => void,
): (finding: Finding) => Promise<void> {
  const confirmed = useConfirmedCommand(session, prompts, notify);
  return useCallback(async (finding: Finding) => {
    if (!session) return;
    const title = `修正：${finding.ruleName}`;
    const template = session.template;
    // The rule engine (and its grammar) is loaded only when the officer asks for a fix: the page's checks run in
    // the worker, so nothing else on this thread needs it, and the first table shows sooner without it.
    const [{ fixOptions }, { createRuleEngine }] = await Promise.all([
      import('../../core/commands/fix-options'), import('../../core/rules/engine'),
    ]);
    const options = fixOptions(finding, session.doc, template, (doc) => createRuleEngine(template, doc).findings());
    if (options.length === 0) {
      if (finding.fix) return confirmed(title, applyFix(finding));
      return notify('这条审核结果不能通过修改一个单元格解决，请核对所列单元格', 'error');
    }
    const index = await prompts.chooseFix(
      title,
      options.map((o) => ({
        label: o.label,
        note: o.errorsAfter === 0 ? '之后没有错误' : `之后仍有错误 ${o.errorsAfter} 条`,
        ...(o.newErrors.length > 0 ? { warning: `注意：这样会产生 ${o.newErrors.length} 条新的错误，如：${o.newErrors[0]!.message}` } : {}),
      })),
    );
    if (index === null) return notify('已取消修正');
    const option = options[index]!;
    const done = session.execute(option.command);
    if (!done.ok) return notify(done.message, 'error');
    goTo(option.cell);
    notify(`已修改：${option.label.replace(/^将 /, '')}（可撤销）`);
  }, [session, prompts, notify, confirmed, goTo]);
}
