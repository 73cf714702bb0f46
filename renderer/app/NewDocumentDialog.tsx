import { useState } from 'react';
import type { TemplateSet } from '../../core/template/template.schema';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { Dialog } from './Dialog';

export interface NewDocumentDialogProps {
  sets: readonly TemplateSet[];
  onCreate: (set: TemplateSet) => void;
  onClose: () => void;
}

/** 新建: choose the template set (2024 部门 11 表, 2021 单位 9 表 …, and the officer's own, kept or loaded). */
export function NewDocumentDialog({ sets, onCreate, onClose }: NewDocumentDialogProps) {
  const [chosen, setChosen] = useState(sets[0]?.id ?? '');
  const set = sets.find((s) => s.id === chosen);
  return (
    <Dialog
      title="新建文档"
      onClose={onClose}
      testId="new-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>取消</button>
          <button type="button" className="is-primary" disabled={!set} onClick={() => set && onCreate(set)}>新建</button>
        </>
      }
    >
      <p className="bd-dialog-hint">选择模板（表格套数与格式）：</p>
      <ul className="bd-choice-list">
        {sets.map((s) => (
          <li key={s.id}>
            <label className="bd-radio">
              <input type="radio" name="set" checked={s.id === chosen} onChange={() => setChosen(s.id)} />
              {s.name}
              <span className="bd-muted">（{s.tables.length} 张表{getBuiltinTemplateSet(s.id) === s ? '' : '，自己的模板'}）</span>
            </label>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
