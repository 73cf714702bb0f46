import { formatPercent } from '../../core/amount/percent';
import { setInput } from '../../core/commands';
import { createContext } from '../../core/text/context';
import { itemCompletions } from '../../core/text/final/completion';
import { finalBudgetKey } from '../../core/text/final/keys';
import type { SessionPort } from '../app/session-port';
import { AmountInput } from './fields';
import { BudgetImportButton } from './BudgetImportButton';

/**
 * 决算 完成预算情况: the 年初预算数 of each 一般公共预算 项 (a document input; the 决算数 comes from the table), and the
 * completion rate the text will state, computed. Every 项 with a 决算数 is listed, so the officer can fill them all.
 */
export function CompletionForm({ session }: { session: SessionPort }) {
  const ctx = createContext(session.doc, session.template);
  const items = itemCompletions(session.doc, session.template);
  if (items.length === 0) {
    return (
      <div>
        <BudgetImportButton session={session} />
        <p className="bd-muted">一般公共预算财政拨款支出决算表中没有填写到“项”的决算数。</p>
      </div>
    );
  }
  return (
    <div>
      <BudgetImportButton session={session} />
      <table className="bd-in-table">
        <thead>
          <tr><th>科目</th><th>决算数</th><th>年初预算数</th><th>完成预算（自动）</th></tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code}>
              <td>{`${item.code} ${item.name}`}</td>
              <td className="bd-in-num">{ctx.money(item.final)}</td>
              <td>
                <AmountInput
                  value={item.budget}
                  onCommit={(v) => session.execute(setInput(finalBudgetKey(item.code), v === 0 ? undefined : v))}
                />
              </td>
              <td className="bd-in-num">{item.percent === null ? '未填写预算数' : `${formatPercent(item.percent)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
