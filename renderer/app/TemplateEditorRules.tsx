import { useMemo, useState } from 'react';
import { draftRules, type SetDraft } from '../../core/template/edit/set-draft';
import { changeRule, setProposalAccepted, setRuleEnabled } from '../../core/template/edit/draft-edits';
import { ruleExample } from '../../core/template/edit/rule-example';
import type { Severity } from '../../core/template/template.schema';
import { CommitInput } from './TemplateEditorInputs';

type Change = (change: (d: SetDraft) => SetDraft) => void;

/** 审核公式: every rule the set checks — generated from the tables or written in the set — on/off, 错误/提示, message. */
export function TemplateEditorRules({ draft, onChange }: { draft: SetDraft; onChange: Change }) {
  const rules = useMemo(() => draftRules(draft), [draft]);
  const [filter, setFilter] = useState('');
  const shown = filter.trim() === '' ? rules : rules.filter((r) => `${r.rule.name} ${r.rule.expr} ${r.rule.id}`.includes(filter.trim()));
  const off = rules.filter((r) => !r.enabled).length;
  return (
    <div>
      <div className="bd-te-add" style={{ marginTop: 0, marginBottom: 8 }}>
        <span>共 {rules.length} 条{off > 0 ? `，停用 ${off} 条` : ''}。表头和合计行推出的公式在模板加载时自动生成。</span>
        <input aria-label="筛选审核公式" placeholder="筛选（名称或表号）" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <div className="bd-te-scroll">
        <table className="bd-te-grid" data-testid="template-rules">
          <thead>
            <tr><th>启用</th><th>名称</th><th>来源</th><th>级别</th><th>提示文字（空：默认写法）</th></tr>
          </thead>
          <tbody>
            {shown.map(({ rule, origin, enabled }) => (
              <tr key={rule.id} data-rule={rule.id} className={enabled ? '' : 'is-off'}>
                <td>
                  <input type="checkbox" name="enabled" aria-label={`启用“${rule.name}”`} checked={enabled}
                    onChange={(e) => onChange((d) => setRuleEnabled(d, rule.id, e.target.checked))} />
                </td>
                <td>
                  {rule.name}
                  <div className="bd-te-code">{rule.expr}</div>
                </td>
                <td className="bd-te-nowrap">{origin === 'generated' ? '由表头推出' : '模板'}</td>
                <td>
                  <select name="severity" aria-label={`“${rule.name}”的级别`} value={rule.severity}
                    onChange={(e) => onChange((d) => changeRule(d, rule.id, { severity: e.target.value as Severity }))}>
                    <option value="error">错误</option>
                    <option value="warning">提示</option>
                  </select>
                </td>
                <td className="bd-te-message">
                  <CommitInput name="message" aria-label={`“${rule.name}”的提示文字`} value={rule.message ?? ''}
                    placeholder="如：{表} {行}：{左值} 与 {右值} 不等"
                    onCommit={(v) => onChange((d) => changeRule(d, rule.id, { message: v }))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** 表间相等（建议）: equalities the blank workbook suggests between tables printing the same columns and codes. */
export function TemplateEditorProposals({ draft, onChange }: { draft: SetDraft; onChange: Change }) {
  if (draft.proposals.length === 0) return <p className="bd-muted">没有发现列和科目都相同的表，没有建议的表间公式。</p>;
  const accepted = new Set(draft.accepted);
  return (
    <div>
      <p className="bd-dialog-hint">以下两表列和科目相同，同一格的金额很可能应相等。勾选“接受”后作为表间审核公式（提示）加入模板。</p>
      <div className="bd-te-scroll">
        <table className="bd-te-grid" data-testid="template-proposals">
          <thead>
            <tr><th>接受</th><th>公式</th><th>例如</th></tr>
          </thead>
          <tbody>
            {draft.proposals.map((p) => (
              <tr key={p.id} data-proposal={p.id}>
                <td>
                  <input type="checkbox" aria-label={`接受“${p.name}”`} checked={accepted.has(p.id)}
                    onChange={(e) => onChange((d) => setProposalAccepted(d, p.id, e.target.checked))} />
                </td>
                <td>
                  {p.name}
                  <div className="bd-te-code">{p.expr}</div>
                </td>
                <td>{ruleExample(p, draft.set.tables) ?? ''}（其余各行各列同样比较）</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
