import { INPUT } from '../../core/inputs/keys';
import { getGlossaryOverride, getList } from '../../core/inputs/accessors';
import type { AssetsInput, GlossaryEntry, ProcurementInput, VehicleInput } from '../../core/inputs/schemas';
import type { SessionPort } from '../app/session-port';
import { AmountInput, commitInput, CountInput, ListEditor, objectInput, Row, TextInput } from './fields';

/** 政府采购: a 预算 reserves money for small firms (预留), a 决算 states the contracts it granted them (授予). */
export function ProcurementForm({ session, final }: { session: SessionPort; final?: boolean }) {
  const p = objectInput<ProcurementInput>(session, INPUT.procurement);
  const save = (patch: Partial<ProcurementInput>) => commitInput(session, INPUT.procurement, { ...p, ...patch }, '编辑政府采购');
  const fields: [keyof ProcurementInput, string][] = final
    ? [['goods', '货物'], ['works', '工程'], ['services', '服务'], ['sme', '授予中小企业合同金额'], ['smeMicro', '其中：授予小微企业合同金额']]
    : [['goods', '货物'], ['works', '工程'], ['services', '服务'], ['sme', '面向中小企业预留'], ['smeMicro', '其中：小微企业预留']];
  return (
    <div className="bd-in-grid">
      <Row label={final ? '本年无政府采购' : '本年未安排政府采购'}>
        <input type="checkbox" checked={p.none === true} onChange={(e) => save({ none: e.target.checked })} />
      </Row>
      {fields.map(([f, label]) => (
        <Row key={f} label={`${label}（万元）`}>
          <AmountInput value={p[f] as number | undefined} onCommit={(v) => save({ [f]: v })} />
        </Row>
      ))}
    </div>
  );
}

const DEFAULT_VEHICLES: VehicleInput[] = [
  { kind: '一般公务用车', count: 0, value: 0 }, { kind: '执法执勤用车', count: 0, value: 0 }, { kind: '其他车辆', count: 0, value: 0 },
];

/** 国有资产: a 决算 states what is held at year end only (no 预算 购置计划, no 家具/其他 values). */
export function AssetsForm({ session, final }: { session: SessionPort; final?: boolean }) {
  const a = objectInput<AssetsInput>(session, INPUT.assets);
  const save = (patch: Partial<AssetsInput>) => commitInput(session, INPUT.assets, { ...a, ...patch }, '编辑国有资产');
  const vehicles = a.vehicles ?? DEFAULT_VEHICLES;
  const amounts: [keyof AssetsInput, string][] = final
    ? [['buildingArea', '房屋面积（平方米）'], ['buildingValue', '房屋价值（万元）']]
    : [
      ['buildingArea', '房屋面积（平方米）'], ['buildingValue', '房屋价值（万元）'], ['furnitureValue', '办公家具价值（万元）'],
      ['otherValue', '其他资产价值（万元）'], ['plannedVehicleFunds', '本年预算安排购置车辆经费（万元）'],
    ];
  const counts: [keyof AssetsInput, string][] = final
    ? [['equipment50', '单价50万元以上设备（台/套）'], ['equipment100', '其中：单价100万元以上设备（台/套）']]
    : [
      ['equipment50', '单位价值50万元以上大型设备（台）'], ['equipment100', '单位价值100万元以上大型设备（台）'],
      ['plannedEquipment50', '本年安排购置50万元以上大型设备（台）'], ['plannedEquipment100', '本年安排购置100万元以上大型设备（台）'],
    ];
  return (
    <div className="bd-in-grid">
      <Row label="统计时点" hint="默认：截至上年年底"><TextInput value={a.asOf ?? ''} onCommit={(v) => save({ asOf: v })} /></Row>
      {amounts.map(([f, label]) => (
        <Row key={f} label={label}><AmountInput value={a[f] as number | undefined} onCommit={(v) => save({ [f]: v })} /></Row>
      ))}
      {vehicles.map((v, i) => (
        <Row key={v.kind} label={`${v.kind}（辆 / 万元）`}>
          <CountInput value={v.count} onCommit={(n) => save({ vehicles: vehicles.map((x, k) => (k === i ? { ...x, count: n ?? 0 } : x)) })} />
          <AmountInput value={v.value} onCommit={(n) => save({ vehicles: vehicles.map((x, k) => (k === i ? { ...x, value: n } : x)) })} />
        </Row>
      ))}
      {counts.map(([f, label]) => (
        <Row key={f} label={label}><CountInput value={a[f] as number | undefined} onCommit={(v) => save({ [f]: v })} /></Row>
      ))}
    </div>
  );
}

export function NotesForm({ session }: { session: SessionPort }) {
  return (
    <ListEditor items={getList(session.doc, INPUT.otherNotes)} multiline addLabel="添加一段说明"
      onCommit={(v) => commitInput(session, INPUT.otherNotes, v, '编辑其他需说明的事项')} />
  );
}

/** 名词解释: starts from the set's standard text; saving stores the document's own copy. */
export function GlossaryForm({ session }: { session: SessionPort }) {
  const entries: GlossaryEntry[] = getGlossaryOverride(session.doc) ?? session.template.glossary ?? [];
  const save = (next: GlossaryEntry[]) => commitInput(session, INPUT.glossary, next, '编辑名词解释');
  return (
    <div>
      {entries.map((g, i) => (
        <div key={`${i}:${entries.length}`} className="bd-in-list-item">
          <TextInput value={g.term} onCommit={(t) => save(entries.map((x, k) => (k === i ? { ...x, term: t } : x)))} />
          <TextInput value={g.text} multiline onCommit={(t) => save(entries.map((x, k) => (k === i ? { ...x, text: t } : x)))} />
          <button type="button" onClick={() => save(entries.filter((_, k) => k !== i))}>删除</button>
        </div>
      ))}
      <button type="button" onClick={() => save([...entries, { term: '（名词）', text: '（解释）' }])}>添加名词</button>
      {getGlossaryOverride(session.doc) ? (
        <button type="button" onClick={() => commitInput(session, INPUT.glossary, undefined, '恢复标准名词解释')}>恢复模板的标准文字</button>
      ) : null}
    </div>
  );
}
