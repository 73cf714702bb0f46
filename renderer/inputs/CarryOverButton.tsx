import { useState } from 'react';
import { parseDocument } from '../../core/file/parse';
import { carryOverCommand, carryOverFromLastYear } from '../../core/inputs/carry-over';
import { selectHost } from '../host/select-host';
import type { SessionPort } from '../app/session-port';
import { figuresWord } from '../../core/checks/set-words';

/**
 * 从上年文件导入: opens last year's .ysgk, takes its figures as 上年预算数 and fills the texts this document does not
 * have yet (概况, 项目说明, 主要用于, 绩效指标) — one undoable step.
 */
export function CarryOverButton({ session }: { session: SessionPort }) {
  const [message, setMessage] = useState('');
  const run = async () => {
    const file = await selectHost().host.openFile('document');
    if (!file) return;
    const r = parseDocument(file.bytes);
    if (!r.ok) {
      setMessage(r.message);
      return;
    }
    if (r.doc.meta.year >= session.doc.meta.year) {
      setMessage(`“${file.name}”是${r.doc.meta.year}年的文件，不是上一年度的文件`);
      return;
    }
    const carry = carryOverFromLastYear(r.doc, r.template);
    const result = session.execute(carryOverCommand(session.doc, carry));
    setMessage(result.ok
      ? `已从“${file.name}”导入上年${figuresWord(session.template)}数 ${Object.keys(carry.priorYear).length} 项和上年文字；可撤销。`
      : result.message);
  };
  return (
    <div className="bd-in-carry">
      <button type="button" onClick={() => void run()}>从上年文件导入…</button>
      {message ? <span className="bd-in-hint">{message}</span> : null}
    </div>
  );
}
