import { useMemo, useState } from 'react';
import type { Classification } from '../../core/codes';
import { codeShapeProblem, LEVEL_LABELS, pathLabel, searchCodes } from '../../core/codes';
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
/** The 类/款 path trails the name, muted, cut with an ellipsis (full text in the tooltip). */
const PATH_STYLE = { marginLeft: 'auto', color: 'var(--bd-muted)', fontSize: '12px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '50%' } as const;

/**
 * Insert a coded row: search the year's code lists (built-in and imported) by code prefix or by name, each hit with
 * its 类/款 path; Enter inserts an exact code. A code not in the lists is accepted when structurally valid, only with
 * a name typed here, and is marked 自定义科目. In 表7 the chosen code is the project's 项 and the name is the project
 * name.
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

  const present = useMemo(() => new Set((doc.tables[table.id]?.rows ?? []).map((r) => r.code).filter((c): c is string => !!c)), [doc, table.id]);
  const q = query.trim();
  const search = useMemo(
    () => searchCodes(book, classification, q, { year, allowed, limit: MAX_LISTED, ...(isProjects ? {} : { exclude: present }) }),
    [book, classification, q, year, allowed, isProjects, present],
  );
  const matches = search.hits;

  const isNewCode = /^\d+$/.test(q) && !search.exact && !book.has(classification, q);
  const newProblem = /^\d+$/.test(q) && !search.exact ? codeShapeProblem(q, levels, allowed) : undefined;
  const duplicate = /^\d+$/.test(q) && !isProjects && present.has(q);
  // An exact code typed in full is chosen without a click, so Enter and 插入 work at once.
  const code = chosen ?? search.exact?.code ?? (isNewCode && !newProblem && !duplicate ? q : null);
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
            <span className="bd-picker-level" style={{ flex: 'none', color: 'var(--bd-muted)' }}>{LEVEL_LABELS[m.level] ?? ''}</span>
            <span>{m.name}</span>
            {m.path.length > 1 ? <span className="bd-picker-path" title={pathLabel(m)} style={PATH_STYLE}>{pathLabel(m)}</span> : null}
          </li>
        ))}
        {matches.length === 0 && !isNewCode ? <li className="bd-picker-none">没有匹配的已知科目</li> : null}
        {search.truncated ? <li className="bd-picker-none">仅列出前 {MAX_LISTED} 项，请输入更多编码或名称缩小范围</li> : null}
      </ul>
      {newProblem && matches.length === 0 ? <p className="bd-form-error">{newProblem.message}</p> : null}
      {duplicate && matches.length === 0 ? <p className="bd-form-error">{table.no}已有科目“{q}”</p> : null}
      {code && !knownName && !isProjects ? (
        <label className="bd-picker-name" data-testid="custom-code">
          自定义科目“{code}”（不在{year}年科目表中）的名称
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="请输入科目名称（必填）" />
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
