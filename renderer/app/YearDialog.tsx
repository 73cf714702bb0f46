import { useState } from 'react';
import { Dialog } from './Dialog';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** The Chinese complaint about a typed year, or null when it is a budget year the app accepts. */
export function yearError(text: string): string | null {
  const t = text.trim();
  if (t === '') return '请输入预算年度';
  if (!/^\d{4}$/.test(t)) return '年度应为四位数字，如 2025';
  const year = Number(t);
  if (year < MIN_YEAR || year > MAX_YEAR) return `年度应在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间`;
  return null;
}

/** Asked when an imported workbook names no year anywhere: the year decides code lists, titles and wording. */
export function YearDialog({ fileName, onAnswer }: { fileName: string; onAnswer: (year: number | null) => void }) {
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const error = yearError(text);
  const submit = () => {
    setTried(true);
    if (error === null) onAnswer(Number(text.trim()));
  };
  return (
    <Dialog
      title={`导入“${fileName}”`}
      onClose={() => onAnswer(null)}
      testId="year-dialog"
      footer={
        <>
          <button type="button" onClick={() => onAnswer(null)}>取消</button>
          <button type="button" className="is-primary" onClick={submit}>确定</button>
        </>
      }
    >
      <form className="bd-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <p className="bd-dialog-hint">工作簿中没有找到预算年度，请输入：</p>
        <label>
          预算年度
          <input
            name="year"
            value={text}
            inputMode="numeric"
            maxLength={4}
            placeholder="如 2025"
            autoFocus
            aria-invalid={tried && error !== null}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {tried && error ? <span className="bd-form-error" role="alert">{error}</span> : null}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
