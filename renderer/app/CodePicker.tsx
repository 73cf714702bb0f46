import { useMemo, useState } from 'react';
import type { Classification } from '../../core/codes';
import { codeShapeProblem } from '../../core/codes';
import type { BudgetDocument } from '../../core/document/document';
import type { TableDef } from '../../core/template/template.schema';
import { sharedCodeBook } from './core-adapter';
import { Dialog } from './Dialog';

export interface CodePickerProps {
  table: TableDef;
  doc: BudgetDocument;
  onInsert: (code: string, name: string) => void;
  onClose: () => void;
}

const MAX_LISTED = 200;

/**
 * Insert a coded row: search the known codes by code or name; a new code that is structurally valid is accepted with
 * a name typed here. In 表7 the chosen code is the project's 项 and the name is the project name.
 */
export function CodePicker({ table, doc, onInsert, onClose }: CodePickerProps) {
  const model = table.rows;
  const isProjects = model.kind === 'projects';
  const classification: Classification = model.kind === 'coded' ? model.classification : 'functional';
  const levels = model.kind === 'coded' || model.kind === 'projects' ? model.levels : [3, 5, 7];
  const allowed = isProjects ? [levels[levels.length - 1]] : levels;
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const book = sharedCodeBook();
  const year = doc.meta.year;

  const present = useMemo(() => new Set((doc.tables[table.id]?.rows ?? []).map((r) => r.code).filter(Boolean)), [doc, table.id]);
  const q = query.trim();
  const matches = useMemo(() => {
    const all = book.entries(classification).filter((e) => allowed.includes(e.code.length) && (isProjects || !present.has(e.code)));
    const seen = new Set<string>();
    return all
      .filter((e) => (q === '' || e.code.startsWith(q) || e.name.includes(q)) && !seen.has(e.code) && seen.add(e.code))
      .slice(0, MAX_LISTED);
  }, [book, classification, allowed, isProjects, present, q]);

  const isNewCode = /^\d+$/.test(q) && !matches.some((m) => m.code === q);
  const newProblem = isNewCode ? codeShapeProblem(q, allowed) : undefined;
  const duplicate = isNewCode && !isProjects && present.has(q);
  const code = chosen ?? (isNewCode && !newProblem && !duplicate ? q : null);
  const knownName = code ? book.name(classification, code, year) : undefined;
  const finalName = isProjects ? name.trim() : (knownName ?? name.trim());
  const canInsert = code !== null && finalName !== '';

  const choose = (c: string) => {
    setChosen(c);
    setQuery(c);
  };
  const submit = () => {
    if (canInsert && code) onInsert(code, finalName);
  };

  return (
    <Dialog
      title={isProjects ? `插入项目（${table.no}）` : `插入科目行（${table.no}）`}
      onClose={onClose}
      width={520}
      testId="code-picker"
      footer={
        <>
          <button type="button" onClick={onClose}>取消</button>
          <button type="button" className="is-primary" disabled={!canInsert} onClick={submit} data-action="picker-insert">插入</button>
        </>
      }
    >
      <input
        className="bd-picker-search"
        autoFocus
        placeholder={isProjects ? '搜索项级科目编码或名称' : '输入编码或名称搜索，如 2101101 或 行政单位医疗'}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setChosen(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            // Arrow keys walk the list from the search box, like a combo box.
            e.preventDefault();
            const i = matches.findIndex((m) => m.code === chosen);
            const next = e.key === 'ArrowDown' ? Math.min(matches.length - 1, i + 1) : Math.max(0, i - 1);
            if (matches[next]) setChosen(matches[next].code);
            return;
          }
          if (e.key === 'Enter') {
            e.preventDefault();
            if (!code && matches.length > 0) choose(matches[0].code);
            else submit();
          }
        }}
        aria-label="科目编码或名称"
      />
      <ul className="bd-picker-list" role="listbox" aria-label="已知科目">
        {matches.map((m) => (
          <li
            key={m.code}
            role="option"
            aria-selected={m.code === code}
            className={m.code === code ? 'is-selected' : ''}
            ref={m.code === chosen ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
            data-code={m.code}
            onClick={() => choose(m.code)}
            onDoubleClick={() => !isProjects && onInsert(m.code, m.name)}
          >
            <span className="bd-picker-code">{m.code}</span>
            <span>{m.name}</span>
          </li>
        ))}
        {matches.length === 0 && !isNewCode ? <li className="bd-picker-none">没有匹配的已知科目</li> : null}
      </ul>
      {isNewCode && newProblem ? <p className="bd-form-error">{newProblem.message}</p> : null}
      {duplicate ? <p className="bd-form-error">{table.no}已有科目“{q}”</p> : null}
      {code && !knownName && !isProjects ? (
        <label className="bd-picker-name">
          新科目“{code}”的名称
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="请输入科目名称" />
        </label>
      ) : null}
      {isProjects ? (
        <label className="bd-picker-name">
          项目名称
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="如 城乡居民医疗保险补助资金" data-field="project-name" />
        </label>
      ) : null}
      {code && knownName ? <p className="bd-picker-chosen">将插入：{code} {knownName}</p> : null}
    </Dialog>
  );
}
