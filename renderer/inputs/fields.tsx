import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { formatAmount, parseAmount, type Amount } from '../../core/amount/amount';
import { figuresWord } from '../../core/checks/set-words';
import { setInput, setPriorYear } from '../../core/commands';
import type { JsonValue } from '../../core/document/document';
import { canonicalInput } from '../../core/inputs/accessors';
import type { SessionPort } from '../app/session-port';

/**
 * Thin form fields over the session: local state while typing, one undoable command on blur (not one per key),
 * so 撤销 undoes a whole edit and the preview regenerates once.
 */

export function commitInput(session: SessionPort, key: string, value: unknown, label = '编辑说明文字'): void {
  const canonical = canonicalInput(value);
  if (JSON.stringify(canonical) === JSON.stringify(session.doc.inputs[key])) return;
  session.execute(setInput(key, canonical as JsonValue | undefined, label));
}

export function Row({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <label className="bd-in-row">
      <span className="bd-in-label">{label}</span>
      <span className="bd-in-control">{children}</span>
      {hint ? <span className="bd-in-hint">{hint}</span> : null}
    </label>
  );
}

export function TextInput({ value, onCommit, multiline, placeholder, wrap }: {
  value: string; onCommit: (v: string) => void; multiline?: boolean; placeholder?: string;
  /** One paragraph that wraps and grows with its text (table cells of a fixed width); Enter commits. */
  wrap?: boolean;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  if (wrap) return <WrapText text={text} setText={setText} commit={commit} placeholder={placeholder} />;
  return multiline ? (
    <textarea className="bd-in-text" rows={3} value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} onBlur={commit} />
  ) : (
    <input className="bd-in-text" value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} onBlur={commit}
      onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
  );
}

/** A one-paragraph box as tall as its wrapped text, so a narrow column shows all of a long 设定依据. */
function WrapText({ text, setText, commit, placeholder }: { text: string; setText: (t: string) => void; commit: () => void; placeholder?: string }) {
  const ref = useRef<HTMLTextAreaElement | null>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    // Where CSS sizes the box to its text, it also follows the column's final width; elsewhere measure once per edit.
    if (!box || CSS.supports('field-sizing', 'content')) return;
    box.style.height = 'auto';
    box.style.height = `${box.scrollHeight + 2}px`;
  }, [text]);
  return (
    <textarea
      ref={ref}
      className="bd-in-text bd-in-wrap"
      rows={1}
      value={text}
      placeholder={placeholder}
      onChange={(e) => setText(e.target.value.replace(/\n/g, ''))}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}

/** An amount typed as printed ("1,234.56"); refused input stays in the box with its message. */
export function AmountInput({ value, onCommit, nonNegative }: { value: Amount | undefined; onCommit: (v: Amount) => void; nonNegative?: string }) {
  const shown = value === undefined || value === 0 ? '' : formatAmount(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState('');
  useEffect(() => setText(shown), [shown]);
  const commit = () => {
    const r = parseAmount(text);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    if (nonNegative && r.value < 0) {
      setError(`${nonNegative}不能为负数`);
      return;
    }
    setError('');
    if (r.value !== (value ?? 0)) onCommit(r.value);
  };
  return (
    <span>
      <input className="bd-in-amount" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} aria-invalid={error !== ''} />
      {error ? <span className="bd-in-error">{error}</span> : null}
    </span>
  );
}

export function CountInput({ value, onCommit, signed }: { value: number | undefined; onCommit: (v: number | undefined) => void; signed?: boolean }) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  const commit = () => {
    const t = text.trim();
    const n = t === '' ? undefined : Number(t);
    if (n !== undefined && (!Number.isInteger(n) || (!signed && n < 0))) return;
    if (n !== value) onCommit(n);
  };
  return <input className="bd-in-count" inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} />;
}

/** 上年预算数 of one figure: a set-prior-year command. */
export function PriorInput({ session, priorKey }: { session: SessionPort; priorKey: string }) {
  const label = `上年${figuresWord(session.template)}数`;
  return <AmountInput value={session.doc.priorYear[priorKey]} nonNegative={label} onCommit={(v) => session.execute(setPriorYear(priorKey, v))} />;
}

/** A text input stored directly under one key (reasons, 主要用于). */
export function KeyText({ session, inputKey, multiline, placeholder }: { session: SessionPort; inputKey: string; multiline?: boolean; placeholder?: string }) {
  const v = session.doc.inputs[inputKey];
  return <TextInput value={typeof v === 'string' ? v : ''} multiline={multiline} placeholder={placeholder} onCommit={(t) => commitInput(session, inputKey, t)} />;
}

/** A list of paragraphs (主要职能, 内设机构, 其他事项): one line each, add and remove. */
export function ListEditor({ items, onCommit, multiline, addLabel }: { items: string[]; onCommit: (v: string[]) => void; multiline?: boolean; addLabel: string }) {
  return (
    <div className="bd-in-list">
      {items.map((item, i) => (
        <div key={`${i}:${items.length}`} className="bd-in-list-item">
          <span className="bd-in-no">{i + 1}.</span>
          <TextInput value={item} multiline={multiline} onCommit={(t) => onCommit(items.map((x, k) => (k === i ? t : x)))} />
          <button type="button" onClick={() => onCommit(items.filter((_, k) => k !== i))} aria-label={`删除第${i + 1}项`}>删除</button>
        </div>
      ))}
      <button type="button" onClick={() => onCommit([...items, '（请填写）'])}>{addLabel}</button>
    </div>
  );
}

/** Reads a structured input as an object to edit field by field. */
export function objectInput<T extends object>(session: SessionPort, key: string): Partial<T> {
  const v = session.doc.inputs[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Partial<T>) : {};
}
