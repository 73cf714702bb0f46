import { formatPercent, percentOf } from '../../core/amount/percent';
import { setInput } from '../../core/commands';
import { createContext } from '../../core/text/context';
import { sangongFig } from '../../core/text/generators/funds';
import { FINAL_INPUT, sangongCountKey, type SangongCount } from '../../core/text/final/keys';
import { SANGONG_ITEMS, sangongBudgetFig, sangongCount } from '../../core/text/final/sangong';
import type { SessionPort } from '../app/session-port';
import { CountInput, KeyText } from './fields';
import { BudgetImportButton } from './BudgetImportButton';

/**
 * 决算 “三公” 总体情况: each item's 预算数 and 决算数 (both from the 三公 table, typed there) with the rate the text
 * states, and why the 决算数 left its 预算数 — the officer's words.
 */
export function SangongTotalForm({ session }: { session: SessionPort }) {
  const ctx = createContext(session.doc, session.template);
  const line = (item: string, label: string) => {
    const budget = sangongBudgetFig(ctx, item).value;
    const final = sangongFig(ctx, item).value;
    const rate = percentOf(final, budget);
    return (
      <tr key={item}>
        <td>{label}</td>
        <td className="bd-in-num">{ctx.money(budget)}</td>
        <td className="bd-in-num">{ctx.money(final)}</td>
        <td className="bd-in-num">{rate === null ? '未安排预算' : `${formatPercent(rate)}%`}</td>
      </tr>
    );
  };
  return (
    <div>
      <BudgetImportButton session={session} />
      <p className="bd-muted">预算数和决算数取自“三公”经费支出决算表，请在表中填写，或从当年预算文件导入预算数。</p>
      <table className="bd-in-table">
        <thead>
          <tr><th>项目</th><th>预算数</th><th>决算数</th><th>完成预算（自动）</th></tr>
        </thead>
        <tbody>
          {line('total', '“三公”经费合计')}
          {SANGONG_ITEMS.map((item) => line(item, ctx.s(`label.sangong.${item}`)))}
        </tbody>
      </table>
      <h3>决算数与预算数不同的主要原因</h3>
      <KeyText session={session} inputKey={FINAL_INPUT.sangongReason} multiline placeholder="如：厉行节约，严格控制公务接待" />
    </div>
  );
}

const COUNT_LABELS: [SangongCount, string][] = [
  ['abroadGroups', '因公出国（境）团组（个）'], ['abroadPersons', '因公出国（境）人次'],
  ['vehiclesBought', '本年购置公务用车（辆）'], ['vehiclesHeld', '年末公务用车保有量（辆）'],
  ['receptionBatches', '国内公务接待批次'], ['receptionPersons', '国内公务接待人次（不含陪同人员）'],
];

/** 决算 “三公” 具体情况: the counts the text states beside the money; a count left empty is said to be missing. */
export function SangongCountsForm({ session }: { session: SessionPort }) {
  return (
    <table className="bd-in-table">
      <thead>
        <tr><th>项目</th><th>数量</th></tr>
      </thead>
      <tbody>
        {COUNT_LABELS.map(([field, label]) => (
          <tr key={field}>
            <td>{label}</td>
            <td>
              <CountInput
                value={sangongCount(session.doc, field)}
                onCommit={(v) => session.execute(setInput(sangongCountKey(field), v, '编辑“三公”经费数量'))}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
