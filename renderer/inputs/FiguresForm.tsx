import { createContext, changePhrase, codeLevel, type TextContext } from '../../core/text/context';
import { incomeSources } from '../../core/text/generators/budget';
import { sangongValue } from '../../core/text/generators/funds';
import { gpbItems } from '../../core/text/generators/gpb';
import { operatingAmount } from '../../core/text/generators/other';
import { INPUT, PRIOR, reasonKey, usageKey } from '../../core/inputs/keys';
import { getAmountInput } from '../../core/inputs/accessors';
import { setInput, setPriorYear } from '../../core/commands';
import { figuresWord } from '../../core/checks/set-words';
import { useState } from 'react';
import type { SessionPort } from '../app/session-port';
import { AmountInput, KeyText, PriorInput } from './fields';

/** A figure the text states with its change: this year's amount (from the tables), 上年预算数 and 主要原因. */
interface FigureLine {
  id: string;
  label: string;
  amount: number;
  priorKey: string;
  reasonKey: string;
}

/** The figure lines each generator states, so that the form edits exactly what its sentences need. */
export function figureLines(ctx: TextContext, generator: string): FigureLine[] {
  switch (generator) {
    case 'income':
      return incomeSources(ctx).map((s) => ({ id: s.id, label: s.label, amount: s.amount, priorKey: PRIOR.income(s.id), reasonKey: reasonKey.income(s.id) }));
    case 'expenditure':
    case 'final.expenditure': // a 决算's other kinds state no change from last year
      return (['basic', 'project'] as const).map((k) => ({
        id: k, label: ctx.s(`label.${k}`), amount: ctx.value('expenditure', 'total', k), priorKey: PRIOR.expenditure(k), reasonKey: reasonKey.expenditure(k),
      }));
    case 'gpb.scale':
      return (['basic', 'project'] as const).map((k) => ({
        id: k, label: `一般公共预算${ctx.s(`label.${k}`)}`, amount: ctx.value('gpbExpenditure', 'total', k), priorKey: PRIOR.gpb(k), reasonKey: reasonKey.gpb(k),
      }));
    case 'gpb.items': {
      // The items the text lists (gpbItems), so one that fell to zero keeps its line, plus every 项 row of 表5 that
      // has money, so that last year's figure can be entered before the row shows a change.
      const listed = gpbItems(ctx);
      const codes = new Set(listed.map((i) => i.code));
      const rows = ctx.rows('gpbExpenditure').filter((r) => codeLevel(r) === 2 && r.code && !codes.has(r.code));
      return [
        ...listed.map((i) => ({ id: i.code, label: `${i.code} ${i.name}`, amount: i.amount.value, priorKey: i.priorKey, reasonKey: reasonKey.item(i.code) })),
        ...rows.map((r) => ({ id: r.code!, label: `${r.code} ${r.name ?? ''}`, amount: r.values.total ?? 0, priorKey: PRIOR.item(r.code!), reasonKey: reasonKey.item(r.code!) })),
      ].sort((a, b) => a.id.localeCompare(b.id));
    }
    case 'sangong':
      return ['total', 'abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'].map((item) => ({
        id: item, label: item === 'total' ? '“三公”经费合计' : ctx.s(`label.sangong.${item}`), amount: sangongValue(ctx, item),
        priorKey: PRIOR.sangong(item), reasonKey: reasonKey.sangong(item),
      }));
    case 'other.operating':
      return [{ id: 'operating', label: '机关运行经费', amount: operatingAmount(ctx), priorKey: PRIOR.operating, reasonKey: reasonKey.operating() }];
    default:
      return [];
  }
}

export function FiguresForm({ session, generator }: { session: SessionPort; generator: string }) {
  const ctx = createContext(session.doc, session.template);
  const lines = figureLines(ctx, generator);
  // 预算 or 决算, as the set says (a 决算 document compares with last year's 决算).
  const word = figuresWord(session.template);
  const nonAdmin = generator === 'other.operating' && (session.doc.meta.unitType === '事业' || session.doc.meta.unitType === '其他');
  return (
    <div>
      {nonAdmin ? (
        <p>
          本单位不是行政（参公）单位，机关运行经费金额：
          <AmountInput value={getAmountInput(session.doc, INPUT.operatingAmount)} onCommit={(v) => session.execute(setInput(INPUT.operatingAmount, v === 0 ? undefined : v))} />
        </p>
      ) : null}
      <table className="bd-in-table">
        <thead>
          <tr><th>项目</th><th>{`本年${word}数`}</th><th>{`上年${word}数`}</th><th>变化（自动）</th><th>主要原因</th></tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <td>{l.label}</td>
              <td className="bd-in-num">{ctx.money(l.amount)}</td>
              <td><PriorInput session={session} priorKey={l.priorKey} /></td>
              <td>{changePhrase(ctx, l.amount, session.doc.priorYear[l.priorKey] ?? 0)}</td>
              <td><KeyText session={session} inputKey={l.reasonKey} placeholder="有增减时必填" /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {generator === 'gpb.items' ? <FallenItem session={session} word={word} /> : null}
    </div>
  );
}

/**
 * A 项 that had money last year and has no row this year: its line appears once last year's figure is entered,
 * and the text then says it fell to zero (比上年预算减少…，下降100.00%) with the 主要原因 typed here.
 */
function FallenItem({ session, word }: { session: SessionPort; word: string }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [amountValue, setAmountValue] = useState<number | undefined>(undefined);
  const add = () => {
    if (!/^\d{7}$/.test(code)) return setError('请填写7位项级功能分类科目编码，如 2080501');
    if (!amountValue) return setError(`请填写上年${word}数`);
    session.execute(setPriorYear(PRIOR.item(code), amountValue));
    setCode('');
    setAmountValue(undefined);
    setError('');
  };
  return (
    <p className="bd-in-add-fallen" data-testid="fallen-item">
      {`本年无${word}、上年有${word}的科目：`}
      <input aria-label="科目编码" value={code} placeholder="项级编码" size={9} onChange={(e) => setCode(e.target.value.trim())} />
      {`上年${word}数`}
      <AmountInput value={amountValue} onCommit={(v) => setAmountValue(v)} />
      <button type="button" onClick={add}>添加</button>
      {error ? <span className="bd-form-error">{error}</span> : null}
    </p>
  );
}

/** 主要用于 per functional 类 with money in 表4. */
export function UsageForm({ session }: { session: SessionPort }) {
  const ctx = createContext(session.doc, session.template);
  const t = ctx.table('fiscalOverview');
  const classes = t && t.rows.kind === 'sideBySide' ? t.rows.sides[1].filter((d) => d.code && ctx.value('fiscalOverview', d.id, 'total') !== 0) : [];
  if (classes.length === 0) return <p className="bd-muted">表4 还没有财政拨款支出。</p>;
  return (
    <table className="bd-in-table">
      <thead><tr><th>支出功能分类（类）</th><th>金额</th><th>主要用于</th></tr></thead>
      <tbody>
        {classes.map((d) => (
          <tr key={d.id}>
            <td>{d.label}</td>
            <td className="bd-in-num">{ctx.money(ctx.value('fiscalOverview', d.id, 'total'))}</td>
            <td><KeyText session={session} inputKey={usageKey(d.code!)} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
