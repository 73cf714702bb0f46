import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { InputsViewProps } from '../inputs-contract';
import type { OutlineNode } from '../../core/template/template.schema';
import { effectiveOutline, findRendered, renderOutline } from '../../core/text/generate';
import type { SessionPort } from '../app/session-port';
import { FiguresForm, UsageForm } from './FiguresForm';
import { CompletionForm } from './CompletionForm';
import { SangongCountsForm, SangongTotalForm } from './SangongForm';
import { DutiesForm, OrganizationForm } from './OverviewForm';
import { ProjectsForm } from './ProjectsForm';
import { AssetsForm, GlossaryForm, NotesForm, ProcurementForm } from './OtherForms';
import { PerformanceForm } from './PerformanceForm';
import { KeyText } from './fields';
import { Preview } from './Preview';
import { CarryOverButton } from './CarryOverButton';
import './inputs.css';

/** Re-renders on every change of the session (commands, undo, redo), so the preview follows the tables live. */
function useSessionVersion(session: SessionPort): number {
  const [version, setVersion] = useState(session.version);
  useEffect(() => session.subscribe((e) => setVersion(e.version)), [session]);
  return version;
}

function findNode(nodes: readonly OutlineNode[], id: string): OutlineNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = findNode(n.children ?? [], id);
    if (inner) return inner;
  }
  return undefined;
}

/** Sections whose inputs 从上年文件导入 fills: 概况 and every figure with a change from last year. */
const CARRY_OVER_SECTIONS = new Set(['overview.duties', 'overview.organization', 'income', 'expenditure', 'final.expenditure', 'gpb.scale', 'gpb.items', 'sangong', 'other.operating']);

const FIGURE_GENERATORS = new Set(['income', 'expenditure', 'final.expenditure', 'gpb.scale', 'gpb.items', 'sangong', 'other.operating']);

/** The form of one outline node: what the officer writes for the sentences of that node. */
function NodeForm({ session, node }: { session: SessionPort; node: OutlineNode }): ReactNode {
  if (node.kind === 'glossary') return <GlossaryForm session={session} />;
  if (node.kind === 'closing') return <p className="bd-muted">落款的单位名称和日期取自“文档设置”。</p>;
  const g = node.generator ?? '';
  if (g === 'overview.duties') return <DutiesForm session={session} />;
  if (g === 'overview.organization') return <OrganizationForm session={session} />;
  if (FIGURE_GENERATORS.has(g)) return <FiguresForm session={session} generator={g} />;
  if (g === 'fiscal') return <UsageForm session={session} />;
  if (g === 'projects') return <ProjectsForm session={session} />;
  if (g === 'other.procurement') return <ProcurementForm session={session} />;
  if (g === 'final.procurement') return <ProcurementForm session={session} final />;
  if (g === 'other.assets') return <AssetsForm session={session} />;
  if (g === 'final.assets') return <AssetsForm session={session} final />;
  if (g === 'final.sangong.total') return <SangongTotalForm session={session} />;
  if (g === 'final.sangong.items') return <SangongCountsForm session={session} />;
  if (g === 'other.performance') return <PerformanceForm session={session} />;
  if (g === 'other.notes') return <NotesForm session={session} />;
  if (g === 'final.completion') return <CompletionForm session={session} />;
  // A section of the officer's own text (a set's free-text section, 决算 重点工作): each line prints as a paragraph.
  if (node.kind === 'input' && node.input && !g) return <KeyText session={session} inputKey={node.input} multiline placeholder="本节文字，每段一行" />;
  if (node.children?.length) {
    return (
      <div>
        {node.children.filter((c) => c.kind !== 'table').map((c) => (
          <section key={c.id} className="bd-in-sub">
            <h3>{c.title}</h3>
            <NodeForm session={session} node={c} />
          </section>
        ))}
      </div>
    );
  }
  return <p className="bd-muted">本节文字全部由表格数字自动生成，无需填写；如需改写，在右侧预览中点“改写”。</p>;
}

/** 文字部分: the form of the outline node on the left, the generated text as it will print on the right. */
export function InputsView({ session, sectionId }: InputsViewProps) {
  const version = useSessionVersion(session);
  const node = findNode(effectiveOutline(session.template), sectionId);
  // version changes whenever the document does (the document itself is mutated in place).
  const rendered = useMemo(() => (version >= 0 ? findRendered(renderOutline(session.doc, session.template), sectionId) : undefined),
    [session, sectionId, version]);
  if (!node) return <p className="bd-muted">模板中没有这一部分（{sectionId}）。</p>;
  return (
    <div className="bd-inputs" data-section={sectionId}>
      <div className="bd-inputs-form">
        {CARRY_OVER_SECTIONS.has(node.generator ?? '') ? <CarryOverButton session={session} /> : null}
        <NodeForm session={session} node={node} />
      </div>
      <div className="bd-inputs-preview" aria-label="预览">
        <div className="bd-pv-caption">预览（导出 Word 时的文字）</div>
        {rendered ? <Preview session={session} node={rendered} /> : null}
      </div>
    </div>
  );
}

export default InputsView;
