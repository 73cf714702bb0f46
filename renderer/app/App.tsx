import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Command } from '../../core/commands/command';
import { setMeta } from '../../core/commands/document-fields.command';
import { deleteRows, insertRow, rowsUnder } from '../../core/commands/rows.command';
import type { CellRef } from '../../core/document/document';
import { buildActions, derivationOf, findAction, type ActionId, type ActionState } from '../../core/actions/actions';
import type { OpenedFile, OpenedFolder } from '../../core/ipc/contract';
import { snapshotsOf } from '../../core/merge/merge-units';
import { serializeDocumentBytes } from '../../core/file/serialize';
import type { Finding } from '../../core/rules/finding';
import type { GridHandle } from '../grid/grid-edits';
import type { AppHost } from '../host/select-host';
import { asksInPage } from '../host/web-host';
import { CodePicker } from './CodePicker';
import { sectionOfInput } from '../../core/inputs/input-section';
import { GoToCellContext } from './navigation';
import { TextUsesDialog } from './TextUsesDialog';
import { BatchDialog } from './BatchDialog';
import { MergeDialog, runRemerge } from './MergeDialog';
import { useFindingsView } from './use-findings-view';
import { cellFindings } from '../grid/cell-findings';
import { derivations, templateSets } from './core-adapter';
import { FindingsPanel } from './FindingsPanel';
import { NewDocumentDialog } from './NewDocumentDialog';
import { Outline } from './Outline';
import { outlineItems, type OutlineItem } from './outline-model';
import { preloadInputsView, SectionPane } from './SectionPane';
import { SettingsDialog } from './SettingsDialog';
import { StatusBar } from './StatusBar';
import { useNotice } from './use-notice';
import { TablePane } from './TablePane';
import { Toolbar } from './Toolbar';
import { useAutosave, writeRecoveryNow } from './use-autosave';
import { ErrorBoundary, TestFault } from './ErrorBoundary';
import type { TableDef } from '../../core/template/template.schema';
import { useDerive, useFix } from './use-derive';
import { useDocument } from './use-document';
import { useFileActions, userMessage } from './use-file-actions';
import { useGridEdits } from './use-grid-edits';
import { usePrompts } from './use-prompts';
import { useShortcuts } from './use-shortcuts';
import { useTransferActions } from './use-transfer-actions';
import { useTemplateSets } from './use-template-sets';
import { ReportDialog } from './ReportDialog';

type DialogKind = 'settings' | 'picker' | 'new' | null;

export function App({ appHost }: { appHost: AppHost }) {
  const { host } = appHost;
  const controls = useDocument();
  const { session, version, lastChanges, findings, parts, dirty, file, checking } = controls.state;
  const { notice, notify, clear: clearNotice } = useNotice();
  const { prompts, dialog: prompt } = usePrompts();
  const files = useFileActions(host, controls, notify, prompts);
  const clearError = useCallback(() => clearNotice('error'), [clearNotice]);
  const edits = useGridEdits(session, notify, clearError);
  const template = session?.template ?? null;
  const meta = session?.doc.meta;
  const items = useMemo(
    () => (template && meta ? outlineItems(template, meta) : []),
    [template, meta?.entityKind, meta?.unitName, meta?.year],
  );
  // Findings one cell explains, grouped under that cause, and the counts the outline, panel and status bar show.
  const view = useFindingsView(session, items, parts, findings, lastChanges);
  // One list for the menu bar, the toolbar, the shortcuts and (in the desktop app) the native menu.
  const actions = useMemo(() => buildActions(derivations()), []);
  const actionState: ActionState = {
    hasDocument: !!session,
    canUndo: session?.canUndo() ?? false,
    canRedo: session?.canRedo() ?? false,
    readOnly: !!files.readOnly,
    errorCount: view.errors,
    consolidated: !!session && snapshotsOf(session.doc).length > 0,
  };
  // Read when an action runs (a shortcut or the desktop menu may fire between renders).
  const stateRef = useRef(actionState);
  stateRef.current = actionState;
  const findingsRef = useRef(findings);
  findingsRef.current = findings;
  const [report, setReport] = useState<{ title: string; text: string } | null>(null);
  const onReport = useCallback((title: string, text: string) => setReport({ title, text }), []);
  const transfer = useTransferActions(host, controls, prompts, notify, onReport);
  const templates = useTemplateSets(host, controls, prompts, notify, onReport);
  const gridRef = useRef<GridHandle | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogKind>(null);
  // 在说明中查看: the cell whose sentences are listed.
  const [textUses, setTextUses] = useState<CellRef | null>(null);
  // 批量审核: the folder whose units are being checked.
  const [batch, setBatch] = useState<OpenedFolder | null>(null);
  // 汇总下属单位: the unit files chosen, while the 部门 name is asked.
  const [mergeFiles, setMergeFiles] = useState<OpenedFile[] | null>(null);
  const [hostKind, setHostKind] = useState<'electron' | 'web' | null>(null);
  // A finding clicked in another table: that table's grid focuses the cell once its rows are rendered.
  const [pendingFocus, setPendingFocus] = useState<CellRef | null>(null);

  // The web host asks its questions (恢复? 放弃修改?) in the page's own dialog; registered before startup asks one.
  useEffect(() => {
    if (!asksInPage(host)) return;
    host.askInPage(prompts.confirm);
    return () => host.askInPage(null);
  }, [host, prompts]);
  useEffect(() => {
    void host.kind().then(setHostKind);
    // The officer's kept sets first: the startup document may have been made with one.
    void templates.run.registerStored().then((problem) => files.startup().then(() => {
      if (problem) notify(problem, 'error');
      window.setTimeout(preloadInputsView, 500);
    }));
  }, []);
  useEffect(() => host.onOpenFile((f) => void files.openHanded(f).catch((e: unknown) => notify(userMessage(e), 'error'))), [host, files, notify]);
  useAutosave(host, controls.state);

  const selected = items.find((i) => i.id === selectedId) ?? items.find((i) => i.kind === 'table') ?? null;
  const table = selected?.tableId ? template?.tables.find((t) => t.id === selected.tableId) : undefined;
  // Only the open table's cells are outlined: the maps skip every other table's findings.
  const findingsByCell = useMemo(() => cellFindings(parts, table?.id ?? ''), [parts, table]);

  // Window title and the unsaved mark.
  useEffect(() => {
    if (!session) return;
    const m = session.doc.meta;
    void host.setDocumentState({ title: `${file.name} — ${m.unitName} ${m.year}年${m.entityKind}预算 — 预算公开编制助手`, dirty });
  }, [host, session, file.name, dirty, version]);

  const run = useCallback((cmd: Command) => {
    if (!session) return;
    const r = session.execute(cmd);
    if (!r.ok) notify(r.message, 'error');
  }, [session, notify]);

  const deriveAsync = useDerive(session, prompts, notify);
  const derive = useCallback((id: string) => void deriveAsync(id).catch((e: unknown) => notify(`操作失败：${userMessage(e)}`, 'error')), [deriveAsync, notify]);
  // 修正 goes to the cell it changed; the outline/grid navigation is defined further down (openFinding).
  const goToRef = useRef<(cell: CellRef) => void>(() => undefined);
  const goToCell = useCallback((cell: CellRef) => goToRef.current(cell), []);
  const fixAsync = useFix(session, prompts, notify, goToCell);
  const fix = useCallback((f: Finding) => void fixAsync(f).catch((e: unknown) => notify(`操作失败：${userMessage(e)}`, 'error')), [fixAsync, notify]);

  // 审核 → 下一个/上一个错误 walks the 错误 in the panel's order, from the last one it went to.
  const reviewAt = useRef(-1);
  const openFindingRef = useRef<(f: Finding) => void>(() => undefined);
  const review = useCallback((delta: 1 | -1) => {
    const errors = findingsRef.current.filter((f) => f.severity === 'error');
    if (errors.length === 0) return notify('没有错误');
    const at = reviewAt.current < 0 && delta < 0 ? errors.length - 1 : (((reviewAt.current + delta) % errors.length) + errors.length) % errors.length;
    reviewAt.current = at;
    const f = errors[at]!;
    openFindingRef.current(f);
    notify(`错误 ${at + 1}/${errors.length}：${f.message}`);
  }, [notify]);

  const remerge = useCallback(async () => {
    if (session) await runRemerge(host, prompts, session, file.path, notify);
  }, [host, prompts, session, file.path, notify]);

  /** Runs an action from the menu bar, a toolbar button, a shortcut or the desktop menu, if it is enabled now. */
  const onMenu = useCallback((command: ActionId) => {
    const action = findAction(actions, command);
    if (!action || !action.enabledWhen(stateRef.current)) return;
    // The officer moved on: whatever the status line said about the previous action is over.
    clearNotice();
    const derivation = derivationOf(command);
    if (derivation) return derive(derivation);
    const activeIsField = () => {
      const a = document.activeElement as HTMLElement | null;
      return !!a && (a.tagName === 'TEXTAREA' || (a.tagName === 'INPUT' && !a.classList.contains('bd-ime-proxy')));
    };
    // Commit a cell edit in progress first: the file must hold what the officer sees. The grid reports the
    // committed value through an event, so the file action waits one task.
    const afterEdit = (action: () => Promise<unknown>) => {
      gridRef.current?.stopEditing();
      window.setTimeout(() => void action().catch((e: unknown) => notify(`操作失败：${userMessage(e)}`, 'error')), 0);
    };
    switch (command) {
      case 'new': return setDialog('new');
      case 'open': return void files.open();
      case 'save': return afterEdit(() => files.save(false));
      case 'saveAs': return afterEdit(() => files.save(true));
      case 'history': return void files.history().catch((e: unknown) => notify(`无法打开历史版本：${userMessage(e)}`, 'error'));
      case 'undo': {
        const label = session!.undoLabel();
        const r = session!.undo();
        return notify(r.ok ? `已撤销：${label ?? ''}` : r.message);
      }
      case 'redo': {
        const label = session!.redoLabel();
        const r = session!.redo();
        return notify(r.ok ? `已重做：${label ?? ''}` : r.message);
      }
      case 'copy':
        if (activeIsField()) return void document.execCommand('copy');
        return void gridRef.current?.copy().catch(() => notify('无法访问剪贴板，请使用 Ctrl+C', 'error'));
      case 'paste':
        if (activeIsField()) return void document.execCommand('paste');
        return void gridRef.current?.paste().catch(() => notify('无法读取剪贴板，请使用 Ctrl+V', 'error'));
      case 'settings': return setDialog('settings');
      case 'exportExcel': return afterEdit(() => transfer.exportExcel());
      case 'importExcel': return void transfer.importExcel().catch((e: unknown) => notify(`导入失败：${userMessage(e)}`, 'error'));
      case 'exportWord': return afterEdit(() => transfer.exportWord());
      case 'exportCsv': return afterEdit(() => transfer.exportCsv());
      case 'exportData': return afterEdit(() => transfer.exportData());
      case 'batchCheck':
        return void host.openFolder().then((folder) => folder && setBatch(folder)).catch((e: unknown) => notify(`无法读取文件夹：${userMessage(e)}`, 'error'));
      case 'mergeUnits':
        return void host.openUnitFiles().then((chosen) => chosen && setMergeFiles(chosen)).catch((e: unknown) => notify(`无法读取单位文件：${userMessage(e)}`, 'error'));
      case 'remerge': return afterEdit(remerge);
      case 'textUses': {
        const cell = gridRef.current?.focusedCell?.() ?? null;
        if (!cell) return notify('请先在表格中选中一个单元格，再查看说明中引用它的句子');
        return setTextUses(cell);
      }
      case 'importCodes': return void transfer.importCodes().catch((e: unknown) => notify(`导入失败：${userMessage(e)}`, 'error'));
      case 'loadTemplate': return void transfer.loadTemplate().catch((e: unknown) => notify(`加载失败：${userMessage(e)}`, 'error'));
      case 'templateFromWorkbook': return void templates.run.fromWorkbook().catch((e: unknown) => notify(`操作失败：${userMessage(e)}`, 'error'));
      case 'manageTemplates': return templates.run.manage();
      case 'about': return notify('预算公开编制助手：填写部门/单位预算公开表格，实时审核各表数字的一致性。');
      case 'nextError': return review(1);
      case 'previousError': return review(-1);
      default: return notify('此功能尚未就绪', 'error');
    }
  }, [actions, session, files, transfer, templates.run, notify, clearNotice, derive, review, remerge]);

  useEffect(() => host.onMenuCommand(onMenu), [host, onMenu]);
  useShortcuts(actions, onMenu, true);

  const openFinding = useCallback((f: Finding) => {
    const cell = f.cells[0];
    if (!cell) {
      // The form that edits the finding's input (a reason, last year's figures, a rewritten paragraph …).
      const node = f.input && template ? sectionOfInput(template.outline, f.input) : undefined;
      const section = node ? items.find((i) => i.id === node.id) : undefined;
      if (section) setSelectedId(section.id);
      return;
    }
    const item = items.find((i) => i.tableId === cell.table);
    if (item && item.id !== selected?.id) {
      setPendingFocus(cell);
      setSelectedId(item.id);
    } else gridRef.current?.focusCell(cell, true);
  }, [items, selected, template]);
  useEffect(() => {
    goToRef.current = (cell: CellRef) => openFinding({ cells: [cell] } as unknown as Finding);
    openFindingRef.current = openFinding;
  }, [openFinding]);


  const onSelectItem = useCallback((item: OutlineItem) => setSelectedId(item.id), []);

  if (!session || !template) {
    // A question asked while opening (恢复上次未保存的文档?) is shown over the loading screen.
    return <div className="bd-loading">正在打开文档…{prompt}</div>;
  }

  /**
   * Deletes the selected rows. Under a 类 or 款 row there are rows that deleting the heading alone would leave to the
   * level above (core's rowsUnder): the officer chooses whether they go too.
   */
  const deleteSelectedRows = async (t: TableDef) => {
    const ids = (gridRef.current?.selectedRowIds() ?? []).filter((id) => id !== 'total');
    if (ids.length === 0) return notify('请先选中要删除的行（合计行不能删除）');
    const below = rowsUnder(session.doc, session.template, t.id, ids);
    let all = ids;
    if (below.length > 0) {
      const named = (r: { id: string; code?: string; name?: string }) => `${r.code ?? r.id} ${r.name ?? ''}`.trim();
      const list = below.slice(0, 8).map(named).join('、') + (below.length > 8 ? ` 等 ${below.length} 行` : '');
      const chosen = new Set(ids);
      const heads = (session.doc.tables[t.id]?.rows ?? []).filter((r) => chosen.has(r.id) && r.code !== undefined);
      const answer = await prompts.choose({
        title: '删除行',
        message: `${heads.map(named).join('、')} 下还有下级科目：${list}。\n可一并删除，或只删除所选的行（下级科目归入上一级）。均可撤销。`,
        okLabel: `一并删除 ${ids.length + below.length} 行`,
        otherLabel: '只删除所选的行',
      });
      if (answer === null) return;
      if (answer === 'ok') all = [...ids, ...below.map((r) => r.id)];
    }
    run(deleteRows(t.id, all));
  };

  return (
    <GoToCellContext.Provider value={goToCell}>
    <div className="bd-app">
      <Toolbar
        actions={actions}
        state={actionState}
        onRun={onMenu}
        undoLabel={session.undoLabel()}
        redoLabel={session.redoLabel()}
        dirty={dirty}
        fileName={file.name}
        hostKind={hostKind}
      />
      <div className="bd-main">
        <Outline items={items} counts={view.outline} selectedId={selected?.id ?? null} onSelect={onSelectItem} />
        <div className="bd-center">
          <ErrorBoundary
            resetKey={`${table?.id ?? selected?.id ?? ''}:${controls.state.loadId}`}
            onError={writeRecoveryNow}
            fallback={(retry) => (
              <div className="bd-pane-error" role="alert" data-testid="pane-error">
                <p>这一部分显示时出错。文档和已做的修改都还在，可以继续保存；如有未保存的修改，已另写一份恢复副本。</p>
                <p>请点“重新显示”，或选择其他表格后再回来。问题反复出现时，请先保存文档，再重新打开软件。</p>
                <button type="button" onClick={retry}>重新显示</button>
              </div>
            )}
          >
            <TestFault at="pane" />
            {table ? (
              <TablePane
                key={`${table.id}:${controls.state.loadId}`}
                session={session}
                table={table}
                version={version}
                lastChanges={lastChanges}
                findingsByCell={findingsByCell}
                edits={edits}
                gridRef={gridRef}
                initialFocus={pendingFocus?.table === table.id ? pendingFocus : null}
                onInitialFocusDone={() => setPendingFocus(null)}
                derivations={derivations()
                  .filter((d) => d.role === table.role)
                  .map((d) => ({ id: d.id, label: '从来源表生成', title: d.label }))}
                onDerive={derive}
                onInsertRow={() => setDialog('picker')}
                onDeleteRows={() => void deleteSelectedRows(table)}
              />
            ) : selected ? (
              <SectionPane session={session} item={selected} version={version} />
            ) : null}
          </ErrorBoundary>
          <FindingsPanel
            groups={view.groups}
            summary={view}
            template={template}
            findings={findings}
            checking={checking}
            onOpen={openFinding}
            onFix={fix}
          />
        </div>
      </div>
      <StatusBar notice={notice} findings={findings} summary={view} readOnly={files.readOnly} />
      {dialog === 'settings' ? (
        <SettingsDialog meta={session.doc.meta} onSave={(patch) => run(setMeta(patch))} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'picker' && table ? (
        <CodePicker
          table={table}
          doc={session.doc}
          onClose={() => setDialog(null)}
          onInsert={(code, name) => {
            setDialog(null);
            const before = session.doc.tables[table.id]?.rows.length ?? 0;
            run(insertRow({ table: table.id, code, name }));
            const rows = session.doc.tables[table.id]?.rows ?? [];
            if (rows.length > before) {
              const inserted = rows.find((r) => r.code === code && (table.rows.kind !== 'projects' || r.name === name));
              if (inserted) window.setTimeout(() => gridRef.current?.focusCell({ table: table.id, row: inserted.id, col: 'name' }, true), 50);
            }
          }}
        />
      ) : null}
      {prompt}
      {batch ? (
        <BatchDialog
          folder={batch}
          onClose={() => setBatch(null)}
          onOpen={(file) => {
            setBatch(null);
            void files.openHanded(file).catch((e: unknown) => notify(userMessage(e), 'error'));
          }}
        />
      ) : null}
      {mergeFiles ? (
        <MergeDialog
          files={mergeFiles}
          onClose={() => setMergeFiles(null)}
          onCreate={(doc, _template, name) => {
            setMergeFiles(null);
            // Opened as an unsaved copy (no path, 保存 asks where), the way a recovered document is.
            void files.confirmDiscard().then(async (go) => {
              if (!go) return;
              setSelectedId(null);
              const opened = await files.openFile({ path: '', name: `${name}.ysgk`, bytes: serializeDocumentBytes(doc) }, 'history');
              const units = snapshotsOf(doc).map((u) => u.name);
              if (opened) notify(`已汇总 ${units.length} 个下属单位：${units.join('、')}（新文档尚未保存）`);
            }).catch((e: unknown) => notify(`汇总失败：${userMessage(e)}`, 'error'));
          }}
        />
      ) : null}
      {textUses ? (
        <TextUsesDialog session={session} cell={textUses} onClose={() => setTextUses(null)} onOpenSection={(id) => setSelectedId(id)} />
      ) : null}
      {templates.dialog}
      {report ? <ReportDialog title={report.title} text={report.text} onClose={() => setReport(null)} /> : null}
      {dialog === 'new' ? (
        <NewDocumentDialog
          sets={templateSets()}
          onClose={() => setDialog(null)}
          onCreate={(set) => {
            setDialog(null);
            setSelectedId(null);
            void files.createNew(set).then((created) => created && setDialog('settings'));
          }}
        />
      ) : null}
    </div>
    </GoToCellContext.Provider>
  );
}
