import { useState } from 'react';
import { parseDocument } from '../../core/file/parse';
import { budgetCarry } from '../../core/text/final/budget-import';
import type { Command } from '../../core/commands';
import { selectHost } from '../host/select-host';
import { ChangesDialog } from '../app/ChangesDialog';
import type { SessionPort } from '../app/session-port';

/**
 * 决算 从预算文件导入: opens that year's 预算 .ysgk, lists every 年初预算数 it would write (项 inputs and the “三公”
 * table's 预算数 columns), old → new, and writes them as one undoable step only when the officer agrees.
 */
export function BudgetImportButton({ session }: { session: SessionPort }) {
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState<{ title: string; lines: string[]; command: Command; summary: string } | null>(null);
  const run = async () => {
    const file = await selectHost().host.openFile('document');
    if (!file) return;
    const r = parseDocument(file.bytes);
    if (!r.ok) return setMessage(r.message);
    const carry = budgetCarry(session.doc, session.template, r.doc, r.template);
    if (!carry.ok) return setMessage(carry.message);
    if (carry.lines.length === 0) return setMessage(`“${file.name}”中的预算数与本文档已填写的相同，没有需要修改的内容`);
    setPending({
      title: `从“${file.name}”导入年初预算数`, lines: carry.lines, command: carry.command,
      summary: `已从“${file.name}”导入年初预算数：${carry.items} 个项目、${carry.sangong} 项“三公”经费；可撤销。`,
    });
  };
  const answer = (ok: boolean) => {
    const p = pending;
    setPending(null);
    if (!p) return;
    if (!ok) return setMessage('已取消');
    const result = session.execute(p.command);
    setMessage(result.ok ? p.summary : result.message);
  };
  return (
    <div className="bd-in-carry">
      <button type="button" onClick={() => void run()}>从预算文件导入…</button>
      {message ? <span className="bd-in-hint">{message}</span> : null}
      {pending ? <ChangesDialog title={pending.title} lines={pending.lines} onAnswer={answer} /> : null}
    </div>
  );
}
