import { useCallback, useRef, useState } from 'react';
import type { SetDraft } from '../../core/template/edit/set-draft';
import { setFiguresWord, setSetFields } from '../../core/template/edit/draft-edits';
import { figuresWord } from '../../core/checks/set-words';
import type { TrySetValue } from '../../core/worker/protocol';
import { Dialog } from './Dialog';
import { CommitInput } from './TemplateEditorInputs';
import { TemplateEditorTables } from './TemplateEditorTables';
import { TemplateEditorProposals, TemplateEditorRules } from './TemplateEditorRules';
import { TemplateEditorOutline } from './TemplateEditorOutline';
import './template-editor.css';

/** What 用当前文档试用 answers: the set's errors, why it cannot run, or what its rules find. */
export interface TrialView {
  errors?: string[];
  message?: string;
  lines?: string[];
  value?: TrySetValue;
}

export interface TemplateEditorDialogProps {
  initial: SetDraft;
  /** Where the proposal took a default (from inference), shown on the first tab. */
  notes: readonly string[];
  hasDocument: boolean;
  /** Validates, keeps and writes the set; resolves to the errors to show (empty: saved, or the officer stopped). */
  onSave: (draft: SetDraft) => Promise<string[]>;
  onTry: (draft: SetDraft) => Promise<TrialView>;
  onClose: () => void;
}

type Tab = 'set' | 'tables' | 'rules' | 'proposals' | 'outline';
const TABS: { id: Tab; label: string }[] = [
  { id: 'set', label: '基本信息' }, { id: 'tables', label: '表和列' }, { id: 'rules', label: '审核公式' },
  { id: 'proposals', label: '表间公式建议' }, { id: 'outline', label: '文档结构' },
];

const SEVERITY = { error: '错误', warning: '提示' } as const;

/** The set editor: a proposed or kept set, tab by tab; 保存 validates through the loader and shows every error. */
export function TemplateEditorDialog({ initial, notes, hasDocument, onSave, onTry, onClose }: TemplateEditorDialogProps) {
  const [draft, setDraft] = useState(initial);
  // Read by 保存/试用: a field committed on blur just before the click is already in it.
  const current = useRef(initial);
  const [tab, setTab] = useState<Tab>('set');
  const [errors, setErrors] = useState<string[]>([]);
  const [trial, setTrial] = useState<TrialView | null>(null);
  const [busy, setBusy] = useState(false);
  const change = useCallback((edit: (d: SetDraft) => SetDraft) => {
    current.current = edit(current.current);
    setDraft(current.current);
  }, []);
  const set = draft.set;

  const save = async () => {
    setBusy(true);
    try {
      const shown = await onSave(current.current);
      setErrors(shown);
      if (shown.length > 0) setTrial(null);
    } finally {
      setBusy(false);
    }
  };
  const tryIt = async () => {
    setBusy(true);
    try {
      const view = await onTry(current.current);
      setErrors(view.errors ?? []);
      setTrial(view.errors ? null : view);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`模板集：${set.name}`}
      onClose={onClose}
      width={1080}
      testId="template-editor"
      footer={
        <>
          <button type="button" data-testid="template-try" disabled={!hasDocument || busy} title={hasDocument ? '用此模板的审核公式检查当前打开的文档' : '没有打开的文档'} onClick={() => void tryIt()}>
            用当前文档试用
          </button>
          <span style={{ flex: 1 }} />
          <button type="button" onClick={onClose}>取消</button>
          <button type="button" className="is-primary" data-testid="template-save" disabled={busy} onClick={() => void save()}>保存</button>
        </>
      }
    >
      {errors.length > 0 ? (
        <div className="bd-te-problems" role="alert" data-testid="template-errors">
          模板有 {errors.length} 处问题，未保存：
          <ul>{errors.map((e, i) => <li key={i}>{e}</li>)}</ul>
        </div>
      ) : null}
      {trial ? <TrialPanel trial={trial} /> : null}
      <div className="bd-te-tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" data-tab={t.id} aria-selected={tab === t.id} className={tab === t.id ? 'is-active' : ''} onClick={() => setTab(t.id)}>
            {t.label}{t.id === 'proposals' && draft.proposals.length > 0 ? `（${draft.accepted.length}/${draft.proposals.length}）` : ''}
          </button>
        ))}
      </div>
      {tab === 'set' ? (
        <div>
          <div className="bd-te-fields">
            <span>标识</span>
            <CommitInput name="setId" value={set.id} onCommit={(v) => change((d) => setSetFields(d, { id: v.trim() }))} title="小写英文字母、数字和“-”，如 bureau-2026；文档按它找到模板" />
            <span>名称</span>
            <CommitInput name="setName" value={set.name} onCommit={(v) => change((d) => setSetFields(d, { name: v.trim() }))} />
            <span>金额单位</span>
            <select name="amountUnit" value={set.amountUnit} onChange={(e) => change((d) => setSetFields(d, { amountUnit: e.target.value as SetDraft['set']['amountUnit'] }))}>
              <option value="万元">万元</option>
              <option value="元">元</option>
            </select>
            <span>公开主体</span>
            <select name="entityKind" value={set.entityKind} onChange={(e) => change((d) => setSetFields(d, { entityKind: e.target.value as SetDraft['set']['entityKind'] }))}>
              <option value="部门">部门</option>
              <option value="单位">单位</option>
            </select>
            <span>公开内容</span>
            <select name="figuresWord" value={figuresWord(set)} onChange={(e) => change((d) => setFiguresWord(d, e.target.value as '预算' | '决算'))}
              title="决算：审核和填报中称“决算数”“上年决算数”">
              <option value="预算">预算</option>
              <option value="决算">决算</option>
            </select>
          </div>
          <p className="bd-muted">{set.tables.length} 张表；{set.tables.map((t) => t.no).join('、')}</p>
          {notes.length > 0 ? (
            <>
              <p style={{ marginBottom: 0 }}>请核对（生成时取了默认值的地方）：</p>
              <ul className="bd-te-notes" data-testid="template-notes">{notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
            </>
          ) : null}
        </div>
      ) : null}
      {tab === 'tables' ? <TemplateEditorTables draft={draft} onChange={change} /> : null}
      {tab === 'rules' ? <TemplateEditorRules draft={draft} onChange={change} /> : null}
      {tab === 'proposals' ? <TemplateEditorProposals draft={draft} onChange={change} /> : null}
      {tab === 'outline' ? <TemplateEditorOutline draft={draft} onChange={change} /> : null}
    </Dialog>
  );
}

function TrialPanel({ trial }: { trial: TrialView }) {
  if (!trial.value) {
    return (
      <div className="bd-te-trial" data-testid="template-trial">
        {trial.message}
        {trial.lines ? <ul>{trial.lines.map((l, i) => <li key={i}>{l}</li>)}</ul> : null}
      </div>
    );
  }
  const { errors, warnings, first } = trial.value;
  return (
    <div className="bd-te-trial" data-testid="template-trial">
      用当前文档试用：{errors} 个错误、{warnings} 个提示{errors + warnings === 0 ? '，没有发现问题' : `${first.length < errors + warnings ? `，前 ${first.length} 个：` : '：'}`}
      {first.length > 0 ? <ul>{first.map((f, i) => <li key={i}>【{SEVERITY[f.severity]}】{f.message}</li>)}</ul> : null}
    </div>
  );
}
