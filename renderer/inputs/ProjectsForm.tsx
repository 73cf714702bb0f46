import { INPUT } from '../../core/inputs/keys';
import { getProjectInput, getProjectInputs } from '../../core/inputs/accessors';
import type { ProjectInput, SubsidyInput } from '../../core/inputs/schemas';
import { createContext } from '../../core/text/context';
import { projectRows } from '../../core/text/generators/projects';
import type { SessionPort } from '../app/session-port';
import { commitInput, Row, TextInput } from './fields';

const FIELDS: [keyof ProjectInput, string][] = [
  ['basis', '设立的政策依据'], ['undertaker', '项目承担单位'], ['allocation', '资金分配情况'], ['period', '资金执行时间'],
];
const SUBSIDY: [keyof SubsidyInput, string, string?][] = [
  ['source', '资金来源'], ['persons', '补贴人数', '如 2.2万人'], ['standard', '补贴标准', '如 10元/人'], ['scope', '补贴范围'],
  ['method', '补贴方式'], ['procedure', '发放程序'], ['beneficiaries', '受益人群和社会效益'],
];

/** Descriptions of the 表7 projects; 名称 and 预算安排规模 come from 表7 and are shown read-only. */
export function ProjectsForm({ session }: { session: SessionPort }) {
  const ctx = createContext(session.doc, session.template);
  const rows = projectRows(ctx);
  if (rows.length === 0) return <p className="bd-muted">表7 没有项目。先在表7 中录入项目，这里再填写项目说明。</p>;
  const save = (next: ProjectInput) => {
    const others = getProjectInputs(session.doc).filter((p) => p.row !== next.row && p.name !== next.name);
    commitInput(session, INPUT.projects, [...others, next], '编辑项目说明');
  };
  return (
    <div>
      {rows.map((row, i) => {
        const p = { ...getProjectInput(session.doc, row.id, row.name), row: row.id, name: row.name };
        return (
          <fieldset key={row.id} className="bd-in-fieldset">
            <legend>{i + 1}、{row.name}（{ctx.money(row.values.total ?? 0)}）</legend>
            {FIELDS.map(([field, label]) => (
              <Row key={field} label={label}>
                <TextInput value={(p[field] as string | undefined) ?? ''} multiline={field === 'allocation'} wrap={field !== 'allocation'} onCommit={(v) => save({ ...p, [field]: v })} />
              </Row>
            ))}
            <Row label="转移支付项目">
              <input type="checkbox" checked={p.transfer === true} onChange={(e) => save({ ...p, transfer: e.target.checked })} />
            </Row>
            <Row label="补贴类项目">
              <input type="checkbox" checked={p.subsidy !== undefined} onChange={(e) => save({ ...p, subsidy: e.target.checked ? { source: '（请填写）' } : undefined })} />
            </Row>
            {p.subsidy
              ? SUBSIDY.map(([field, label, hint]) => (
                <Row key={field} label={label} hint={hint}>
                  <TextInput wrap value={p.subsidy?.[field] ?? ''} onCommit={(v) => save({ ...p, subsidy: { ...p.subsidy, [field]: v } })} />
                </Row>
              ))
              : null}
          </fieldset>
        );
      })}
    </div>
  );
}
