import { INPUT } from '../../core/inputs/keys';
import { getNonFiscalProjects, getOverallPerformance, getProjectPerformances } from '../../core/inputs/accessors';
import type { Indicator, OverallPerformance, ProjectPerformance } from '../../core/inputs/schemas';
import { createContext } from '../../core/text/context';
import { projectRows } from '../../core/text/generators/projects';
import type { SessionPort } from '../app/session-port';
import { AmountInput, commitInput, CountInput, Row, TextInput } from './fields';

type Col = [keyof Indicator, string];
const BASE: Col[] = [['level1', '一级指标'], ['level2', '二级指标'], ['level3', '三级指标'], ['value', '指标值'], ['basis', '设定依据']];
const PROJECT_EXTRA: Col[] = [['lastYear', '上年完成值'], ['scoring', '赋分规则'], ['evidence', '佐证资料']];

/** The indicator tree as rows: 一级/二级 repeat on each row and are merged when printed. */
function IndicatorsEditor({ indicators, project, onCommit }: { indicators: Indicator[]; project?: boolean; onCommit: (v: Indicator[]) => void }) {
  const cols = project ? [...BASE, ...PROJECT_EXTRA] : BASE;
  const set = (i: number, patch: Partial<Indicator>) => onCommit(indicators.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <table className={`bd-in-table bd-in-ind${project ? ' is-project' : ''}`}>
      {/* Fixed widths: what is typed wraps inside its column instead of widening it. */}
      <colgroup>{cols.map(([f]) => <col key={f} className={`bd-in-col-${f}`} />)}<col className="bd-in-col-weight" /><col className="bd-in-col-action" /></colgroup>
      <thead><tr>{cols.map(([, h]) => <th key={h}>{h}</th>)}<th>权重</th><th /></tr></thead>
      <tbody>
        {indicators.map((ind, i) => (
          <tr key={`${i}:${indicators.length}`}>
            {cols.map(([f]) => (
              <td key={f}><TextInput wrap value={(ind[f] as string | undefined) ?? ''} onCommit={(v) => set(i, { [f]: v })} /></td>
            ))}
            <td><CountInput value={ind.weight} onCommit={(v) => set(i, { weight: v })} /></td>
            <td><button type="button" onClick={() => onCommit(indicators.filter((_, k) => k !== i))}>删除</button></td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr><td colSpan={cols.length + 2}>
          <button type="button" onClick={() => {
            const last = indicators[indicators.length - 1];
            onCommit([...indicators, { level1: last?.level1 ?? '产出指标', level2: last?.level2 ?? '数量指标', level3: '（三级指标）' }]);
          }}>添加指标</button>
        </td></tr>
      </tfoot>
    </table>
  );
}

export function PerformanceForm({ session }: { session: SessionPort }) {
  const overall: OverallPerformance = getOverallPerformance(session.doc) ?? { indicators: [] };
  const saveOverall = (patch: Partial<OverallPerformance>) => commitInput(session, INPUT.performanceOverall, { ...overall, ...patch }, '编辑整体绩效目标');
  const projects = getProjectPerformances(session.doc);
  const saveProjects = (next: ProjectPerformance[]) => commitInput(session, INPUT.performanceProjects, next, '编辑项目绩效目标');
  const nonFiscal = getNonFiscalProjects(session.doc);
  const ctx = createContext(session.doc, session.template);
  const rows = projectRows(ctx);
  return (
    <div>
      <h3>{ctx.common.主体}整体绩效目标表</h3>
      <div className="bd-in-grid">
        <Row label="联系人"><TextInput value={overall.contact ?? ''} onCommit={(v) => saveOverall({ contact: v })} /></Row>
        <Row label="联系电话"><TextInput value={overall.phone ?? ''} onCommit={(v) => saveOverall({ phone: v })} /></Row>
        <Row label="上级安排（万元）"><AmountInput value={overall.upper} onCommit={(v) => saveOverall({ upper: v })} /></Row>
        <Row label="本级安排（万元）"><AmountInput value={overall.local} onCommit={(v) => saveOverall({ local: v })} /></Row>
        <Row label="其他资金（万元）"><AmountInput value={overall.other} onCommit={(v) => saveOverall({ other: v })} /></Row>
      </div>
      <Row label="年度绩效目标"><TextInput value={overall.goal ?? ''} multiline onCommit={(v) => saveOverall({ goal: v })} /></Row>
      <IndicatorsEditor indicators={overall.indicators} onCommit={(v) => saveOverall({ indicators: v })} />

      <h3>项目支出绩效目标表</h3>
      {projects.map((p, n) => {
        const save = (patch: Partial<ProjectPerformance>) => saveProjects(projects.map((x, k) => (k === n ? { ...x, ...patch } : x)));
        return (
          <fieldset key={`${n}:${projects.length}`} className="bd-in-fieldset">
            <legend>{p.name}</legend>
            <Row label="项目名称"><TextInput value={p.name} onCommit={(v) => save({ name: v })} /></Row>
            <Row label="项目负责人"><TextInput value={p.owner ?? ''} onCommit={(v) => save({ owner: v })} /></Row>
            <Row label="对应表7项目" hint="年度预算总额须等于所选项目之和">
              {rows.map((r) => (
                <label key={r.id} className="bd-in-check">
                  <input type="checkbox" checked={p.rows.includes(r.id)}
                    onChange={(e) => save({ rows: e.target.checked ? [...p.rows, r.id] : p.rows.filter((x) => x !== r.id) })} />
                  {r.name}
                </label>
              ))}
            </Row>
            <Row label="年度预算总额（万元）"><AmountInput value={p.total} onCommit={(v) => save({ total: v })} /></Row>
            <Row label="其中：财政拨款（万元）"><AmountInput value={p.fiscal} onCommit={(v) => save({ fiscal: v })} /></Row>
            <Row label="其他资金（万元）"><AmountInput value={p.other} onCommit={(v) => save({ other: v })} /></Row>
            <Row label="项目总体目标"><TextInput value={p.goal ?? ''} multiline onCommit={(v) => save({ goal: v })} /></Row>
            <IndicatorsEditor project indicators={p.indicators} onCommit={(v) => save({ indicators: v })} />
            <button type="button" onClick={() => saveProjects(projects.filter((_, k) => k !== n))}>删除此表</button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => saveProjects([...projects, { name: rows[0]?.name ?? '（项目名称）', rows: rows[0] ? [rows[0].id] : [], indicators: [] }])}>
        添加项目支出绩效目标表
      </button>

      <h3>当年非财政拨款项目</h3>
      <div className="bd-in-grid">
        <Row label="项目个数"><CountInput value={nonFiscal.count} onCommit={(v) => commitInput(session, INPUT.performanceNonFiscal, { ...nonFiscal, count: v })} /></Row>
        <Row label="涉及金额（万元）"><AmountInput value={nonFiscal.amount} onCommit={(v) => commitInput(session, INPUT.performanceNonFiscal, { ...nonFiscal, amount: v })} /></Row>
      </div>
    </div>
  );
}
