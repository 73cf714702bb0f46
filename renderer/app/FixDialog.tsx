import { useState } from 'react';
import { Dialog } from './Dialog';

export interface FixChoice {
  /** "将 表1 210 卫生健康支出 支出 由 734.69 改为 744.69" */
  label: string;
  /** What the document holds after it: "之后没有错误" / "之后仍有错误 2 条". */
  note: string;
  /** Set when the change would create a 错误 the document did not have. */
  warning?: string;
}

/**
 * 修正: every single-cell change that evens the two sides of the finding, each saying which cell it writes, the
 * value, and what it leaves; the first (fewest 错误 left) is chosen. Nothing is written before 修改.
 */
export function FixDialog({ title, choices, onAnswer }: { title: string; choices: readonly FixChoice[]; onAnswer: (index: number | null) => void }) {
  const [chosen, setChosen] = useState(0);
  return (
    <Dialog
      title={title}
      onClose={() => onAnswer(null)}
      width={680}
      testId="fix-dialog"
      footer={
        <>
          <button type="button" onClick={() => onAnswer(null)}>取消</button>
          <button type="button" className="is-primary" onClick={() => onAnswer(chosen)}>修改</button>
        </>
      }
    >
      <p className="bd-dialog-hint">{choices.length > 1 ? '可以修改以下任一单元格使两边一致，请选择：' : '将修改以下单元格使两边一致：'}</p>
      <div role="radiogroup" aria-label="修正方式" data-testid="fix-options">
        {choices.map((c, i) => (
          <label key={i} data-fix-index={i} style={{ display: 'flex', gap: 8, padding: '4px 0', alignItems: 'baseline', cursor: 'pointer' }}>
            <input type="radio" name="fix-option" checked={chosen === i} onChange={() => setChosen(i)} />
            <span>
              {c.label}
              <span className="bd-muted">（{c.note}）</span>
              {c.warning ? <span className="bd-form-error" style={{ display: 'block' }}>{c.warning}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <p className="bd-muted">修改后可用“撤销”一步恢复。</p>
    </Dialog>
  );
}
