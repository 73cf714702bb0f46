import { INPUT } from '../../core/inputs/keys';
import { getList } from '../../core/inputs/accessors';
import type { StaffInput } from '../../core/inputs/schemas';
import type { SessionPort } from '../app/session-port';
import { commitInput, CountInput, ListEditor, objectInput, Row } from './fields';

export function DutiesForm({ session }: { session: SessionPort }) {
  return (
    <ListEditor items={getList(session.doc, INPUT.duties)} multiline addLabel="添加一条职能"
      onCommit={(v) => commitInput(session, INPUT.duties, v, '编辑主要职能')} />
  );
}

const STAFF_FIELDS: [keyof StaffInput, string, boolean][] = [
  ['authorized', '编制数', false], ['actual', '实有人数', false],
  ['active', '在职', false], ['activeChange', '在职比上年增减', true],
  ['retired', '退休', false], ['retiredChange', '退休比上年增减', true],
  ['veteran', '离休', false], ['veteranChange', '离休比上年增减', true],
];

export function OrganizationForm({ session }: { session: SessionPort }) {
  const staff = objectInput<StaffInput>(session, INPUT.staff);
  return (
    <div>
      <h3>下属预算单位（没有则不填）</h3>
      <ListEditor items={getList(session.doc, INPUT.subUnits)} addLabel="添加下属单位" onCommit={(v) => commitInput(session, INPUT.subUnits, v, '编辑下属预算单位')} />
      <h3>内设机构</h3>
      <ListEditor items={getList(session.doc, INPUT.departments)} addLabel="添加科室" onCommit={(v) => commitInput(session, INPUT.departments, v, '编辑内设机构')} />
      <h3>人员情况（人）</h3>
      <div className="bd-in-grid">
        {STAFF_FIELDS.map(([field, label, signed]) => (
          <Row key={field} label={label} hint={signed ? '增加填正数，减少填负数' : undefined}>
            <CountInput value={staff[field]} signed={signed} onCommit={(v) => commitInput(session, INPUT.staff, { ...staff, [field]: v }, '编辑人员情况')} />
          </Row>
        ))}
      </div>
    </div>
  );
}
