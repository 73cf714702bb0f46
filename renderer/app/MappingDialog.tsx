import { useState } from 'react';
import type { UnmatchedLabel } from '../../core/xlsx/import/import-report';
import { Dialog } from './Dialog';

export interface MappingAnswer {
  label: UnmatchedLabel;
  /** Template column / row id, or null for 忽略. */
  target: string | null;
}

const IGNORE = '';
const cellStyle = { padding: '3px 6px', borderBottom: '1px solid #e6e9ed', verticalAlign: 'top' } as const;
const headStyle = { ...cellStyle, textAlign: 'left', fontWeight: 600, position: 'sticky', top: 0, background: '#fff' } as const;

/** "列 E5" / "第12行（右侧）": where the officer finds the label in the workbook. */
function where(u: UnmatchedLabel): string {
  const side = u.side === undefined ? '' : u.side === 0 ? '（左侧）' : '（右侧）';
  return `工作表“${u.sheet}” ${u.cell}${side}`;
}

function preview(u: UnmatchedLabel): string {
  if (u.sample.length === 0) return '（没有数字）';
  return u.sample.join('、');
}

/**
 * The mapping step of 导入 Excel: printed column headers or row labels the import could not match to the template.
 * Nothing is imported until the officer has said, for each one, which column/row it is or 忽略; the answers are
 * remembered for the template set, so the same workbook layout is not asked about again.
 */
export function MappingDialog({ fileName, unmatched, onAnswer }: { fileName: string; unmatched: readonly UnmatchedLabel[]; onAnswer: (answers: MappingAnswer[] | null) => void }) {
  const [choices, setChoices] = useState<string[]>(() => unmatched.map(() => IGNORE));
  const submit = () => onAnswer(unmatched.map((label, i) => ({ label, target: choices[i] === IGNORE ? null : choices[i] })));
  return (
    <Dialog
      title={`导入“${fileName}”：对应表头与行名`}
      onClose={() => onAnswer(null)}
      width={860}
      testId="mapping-dialog"
      footer={
        <>
          <button type="button" onClick={() => onAnswer(null)}>取消</button>
          <button type="button" className="is-primary" onClick={submit}>按此导入</button>
        </>
      }
    >
      <p className="bd-dialog-hint">
        以下 {unmatched.length} 个表头或行名无法自动对应到模板。请为每一项选择对应的列或行；选“忽略”则该列或行不导入。
        所选的对应关系会被记住，下次导入同样格式的工作簿时不再询问。
      </p>
      <div style={{ maxHeight: '50vh', overflow: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th style={headStyle}>表</th>
              <th style={headStyle}>表中写的</th>
              <th style={headStyle}>位置</th>
              <th style={headStyle}>对应到</th>
              <th style={headStyle}>将导入的数字</th>
            </tr>
          </thead>
          <tbody>
            {unmatched.map((u, i) => (
              <tr key={`${u.table}:${u.kind}:${u.key}:${i}`} data-testid="mapping-row" data-kind={u.kind} data-label={u.label}>
                <td style={cellStyle}>{u.tableTitle}</td>
                <td style={cellStyle}>{u.kind === 'column' ? '列' : '行'}“{u.label}”</td>
                <td style={cellStyle} className="bd-muted">{where(u)}</td>
                <td style={cellStyle}>
                  <select
                    aria-label={`“${u.label}”对应到`}
                    value={choices[i]}
                    onChange={(e) => {
                      const value = e.target.value;
                      setChoices((c) => c.map((v, j) => (j === i ? value : v)));
                    }}
                  >
                    <option value={IGNORE}>忽略</option>
                    {u.options.map((o) => (
                      <option key={o.id} value={o.id}>{o.label}</option>
                    ))}
                  </select>
                </td>
                <td style={{ ...cellStyle, maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={preview(u)}>{preview(u)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
