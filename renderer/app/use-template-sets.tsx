import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Host } from '../../core/ipc/contract';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { draftFromInference, draftFromSet, draftToText, validateDraft, type SetDraft } from '../../core/template/edit/set-draft';
import { trialMismatch } from '../../core/template/edit/rule-example';
import { storedSetProblem, type StoredSetRead } from '../../core/template/edit/stored-sets';
import { keepTemplateSet, readKept } from './kept-sets';
import { loadedTemplateSet, registerTemplateSet, stripExt, templateSets, unregisterTemplateSet } from './core-adapter';
import type { DocumentControls } from './use-document';
import type { Notify } from './use-grid-edits';
import type { Prompts } from './use-prompts';
import { inWorker } from './use-transfer-actions';
import { TemplateEditorDialog, type TrialView } from './TemplateEditorDialog';
import { TemplateManagerDialog } from './TemplateManagerDialog';

/**
 * The officer's own template sets in the app: registered at startup from the host's store, proposed from a blank
 * workbook (on the worker), edited in the set editor, saved as one .json file and kept in the store, listed and
 * removed in 管理模板集. The dialogs are rendered by the element this hook returns.
 */
export interface TemplateSetRuns {
  /** Registers the kept sets; resolves to a Chinese line naming those that cannot be used, or null. */
  registerStored(): Promise<string | null>;
  fromWorkbook(): Promise<void>;
  manage(): void;
}

export interface TemplateSetActions {
  /** The same object on every render, so the menu handler that calls it is not rebuilt by the dialogs' state. */
  run: TemplateSetRuns;
  dialog: ReactNode;
}

type View =
  | { kind: 'manager' }
  | { kind: 'editor'; draft: SetDraft; notes: string[]; editing: string | null; source: string };

function freshSetId(): string {
  const taken = new Set(templateSets().map((s) => s.id));
  let id = 'bureau-set';
  for (let n = 2; taken.has(id); n++) id = `bureau-set-${n}`;
  return id;
}

export function useTemplateSets(host: Host, controls: DocumentControls, prompts: Prompts, notify: Notify, onReport: (title: string, text: string) => void): TemplateSetActions {
  const ref = useRef(controls);
  ref.current = controls;
  const [view, setView] = useState<View | null>(null);

  const registerStored = useCallback(async () => {
    let reads: StoredSetRead[];
    try {
      reads = await readKept(host);
    } catch (error) {
      return `无法读取已保存的模板集：${error instanceof Error ? error.message : String(error)}`;
    }
    for (const r of reads) if (r.result.ok) registerTemplateSet(r.result.set);
    const problems = reads.map(storedSetProblem).filter((p): p is string => p !== null);
    return problems.length > 0 ? problems.join('；') : null;
  }, [host]);

  const fromWorkbook = useCallback(async () => {
    const file = await host.openFile('xlsx');
    if (!file) return;
    const options = { id: freshSetId(), name: `${stripExt(file.name)}（由空白模板生成）` };
    const r = await inWorker(`正在读取“${file.name}”`, 'inferSet', { bytes: file.bytes, options });
    if (!r.ok) return notify('cancelled' in r ? '已取消' : `无法读取“${file.name}”：${r.message}`, 'cancelled' in r ? 'info' : 'error');
    if (!r.value.ok) {
      onReport('无法由工作簿生成模板集', r.value.message);
      return notify(`无法由“${file.name}”生成模板集`, 'error');
    }
    setView({ kind: 'editor', draft: draftFromInference(r.value), notes: r.value.notes, editing: null, source: file.name });
    notify(`已由“${file.name}”生成模板集草稿，请核对后保存`);
  }, [host, notify, onReport]);

  const manage = useCallback(() => setView({ kind: 'manager' }), []);
  const close = useCallback(() => setView(null), []);

  /** 保存: validated through the loader, kept in the store, registered, then written as a .json file. */
  const save = useCallback(async (draft: SetDraft, editing: string | null): Promise<string[]> => {
    const id = draft.set.id;
    if (getBuiltinTemplateSet(id)) return [`模板标识“${id}”与内置模板相同，请改用另一个标识`];
    const result = validateDraft(draft, loadedTemplateSet);
    if (!result.ok) return result.errors;
    const text = draftToText(draft);
    const kept = await host.listTemplateSets().catch(() => []);
    if (id !== editing && kept.some((s) => s.id === id)) {
      const go = await prompts.confirm({ title: '覆盖模板集', message: `本机已保存模板集“${id}”，用当前模板覆盖它吗？`, okLabel: '覆盖' });
      if (!go) return [];
    }
    const problem = await keepTemplateSet(host, id, text);
    if (problem) return [problem];
    registerTemplateSet(result.set);
    setView(null);
    const file = await host.saveFile({ suggestedName: `${result.set.name}.json`, bytes: new TextEncoder().encode(text), kind: 'json' }).catch(() => null);
    notify(`已保存模板集“${result.set.name}”（${id}），可在“新建”中选用${file ? `；文件：${file.name}` : '（未另存文件）'}`);
    return [];
  }, [host, prompts, notify]);

  /** 用当前文档试用: the edited set's rules over the open document, when its tables are the document's. */
  const tryOnDocument = useCallback(async (draft: SetDraft): Promise<TrialView> => {
    const session = ref.current.state.session;
    if (!session) return { message: '没有打开的文档' };
    const result = validateDraft(draft, loadedTemplateSet);
    if (!result.ok) return { errors: result.errors };
    const mismatch = trialMismatch(result.set, session.template);
    if (mismatch.length > 0) return { message: '当前文档的表与此模板不对应，无法试用：', lines: mismatch };
    const run = await inWorker('正在用当前文档试用模板', 'trySet', { json: JSON.stringify(session.doc), template: result.set, limit: 10 });
    if (!run.ok) return { message: 'cancelled' in run ? '已取消试用' : run.message };
    return { value: run.value };
  }, []);

  const remove = useCallback(async (id: string): Promise<boolean> => {
    const session = ref.current.state.session;
    if (session?.doc.meta.templateId === id) {
      notify(`当前文档使用模板集“${id}”，不能删除；请先打开或新建使用其他模板的文档`, 'error');
      return false;
    }
    if (!(await prompts.confirm({ title: '删除模板集', message: `从本机删除模板集“${id}”吗？已用它编制的文档需要重新加载该模板文件才能打开。`, okLabel: '删除' }))) return false;
    try {
      await host.removeTemplateSet(id);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
      return false;
    }
    unregisterTemplateSet(id);
    notify(`已删除模板集“${id}”`);
    return true;
  }, [host, prompts, notify]);

  const edit = useCallback((read: StoredSetRead) => {
    if (!read.result.ok) return;
    const notes = read.parent ? [`此模板扩展自“${read.parent}”；保存后成为完整的模板，不再随“${read.parent}”变化`] : [];
    setView({ kind: 'editor', draft: draftFromSet(read.result.set), notes, editing: read.id, source: '' });
  }, []);

  let dialog: ReactNode = null;
  if (view?.kind === 'manager') {
    dialog = (
      <TemplateManagerDialog
        listOwn={() => readKept(host)}
        openTemplateId={controls.state.session?.doc.meta.templateId ?? null}
        onEdit={edit}
        onRemove={remove}
        onCreate={() => {
          setView(null);
          void fromWorkbook().catch((e: unknown) => notify(`操作失败：${e instanceof Error ? e.message : String(e)}`, 'error'));
        }}
        onClose={close}
      />
    );
  } else if (view?.kind === 'editor') {
    dialog = (
      <TemplateEditorDialog
        key={`${view.editing ?? ''}:${view.source}`}
        initial={view.draft}
        notes={view.notes}
        hasDocument={!!controls.state.session}
        onSave={(draft) => save(draft, view.editing)}
        onTry={tryOnDocument}
        onClose={close}
      />
    );
  }

  const run = useMemo(() => ({ registerStored, fromWorkbook, manage }), [registerStored, fromWorkbook, manage]);
  return { run, dialog };
}
