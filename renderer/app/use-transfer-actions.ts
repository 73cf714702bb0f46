import { useCallback, useMemo, useRef } from 'react';
import type { Classification } from '../../core/codes';
import { guessClassification, parseCodeCsv } from '../../core/codes';
import type { Host } from '../../core/ipc/contract';
import { parseTemplateSetText } from '../../core/template/registry';
import { groupByCauseIndexed, isTableFinding } from '../../core/rules/causes';
import { GROUPING_LIMIT } from './findings-view';
import { countBySeverity } from '../../core/rules/finding-order';
import { loadedTemplateSet, registerTemplateSet, stripExt, templateFor, templateSets } from './core-adapter';
import type { DocumentControls } from './use-document';
import { importWorkbook, type Importer } from './import-workbook';
import { coreWorker } from '../worker/core-client';
import { showProgress } from './ProgressDialog';
import { keepTemplateSet } from './kept-sets';
import type { PayloadOf, RunOutcome, ValueOf, WorkerKind } from '../../core/worker/protocol';
import type { Notify } from './use-grid-edits';
import type { Prompts } from './use-prompts';

export interface TransferActions {
  importExcel(): Promise<void>;
  exportExcel(): Promise<void>;
  exportWord(): Promise<void>;
  /** Every table as CSV, in one zip. */
  exportCsv(): Promise<void>;
  /** The whole disclosure as open-data JSON. */
  exportData(): Promise<void>;
  importCodes(): Promise<void>;
  loadTemplate(): Promise<void>;
}

const DISCARD_FOR_IMPORT = {
  title: '未保存的修改',
  message: '导入会新建一个文档，当前文档有未保存的修改，继续将丢失这些修改。是否继续？',
  okLabel: '继续导入',
};

/**
 * One worker job with the progress dialog shown while it runs; its 取消 terminates the worker. The page's thread
 * never parses or builds a workbook, so a heavy or hostile file cannot freeze the window.
 */
export function inWorker<K extends WorkerKind>(title: string, kind: K, payload: PayloadOf<K>): Promise<RunOutcome<ValueOf<K>>> {
  const client = coreWorker();
  const dialog = showProgress(title, () => client.cancel());
  return client.run(kind, payload, dialog.update).finally(() => dialog.close());
}

/**
 * 导入 Excel / 导出 Word / 导入科目表 / 加载模板集 (also kept in the officer's store). Import and export run in a Web Worker (renderer/worker) with a
 * progress dialog and 取消; a cancelled job leaves the open document untouched. Every imported thing is validated by
 * core and reported in Chinese.
 */
export function useTransferActions(host: Host, controls: DocumentControls, prompts: Prompts, notify: Notify, onReport: (title: string, text: string) => void): TransferActions {
  const ref = useRef(controls);
  ref.current = controls;

  const importExcel = useCallback(async () => {
    // Asked in the page, not through host.confirm: the whole import is one in-app dialogue.
    if (ref.current.state.dirty && !(await prompts.confirm(DISCARD_FOR_IMPORT))) return notify('已取消导入');
    const file = await host.openFile('xlsx');
    if (!file) return;
    notify(`正在导入“${file.name}”…`);
    const importer: Importer = (bytes, options) => inWorker(`正在导入“${file.name}”`, 'importXlsx', { bytes, options });
    const outcome = await importWorkbook(file, { host, prompts, templates: templateSets(), importer });
    const { formatImportReport, reportCounts } = await import('../../core/xlsx/import/import-report');
    if (outcome.kind === 'cancelled') return notify('已取消导入');
    if (outcome.kind === 'failed') {
      notify(`无法导入“${file.name}”：${outcome.message}`, 'error');
      if (outcome.report) onReport('导入报告', formatImportReport(outcome.report));
      return;
    }
    const { document, report } = outcome.result;
    const template = templateFor(document);
    if (!template) return notify(`无法导入“${file.name}”：找不到模板“${document.meta.templateId}”，请先在“导入…”中加载该模板集`, 'error');
    ref.current.load(document, template, { path: null, name: `${stripExt(file.name)}.ysgk` }, true);
    const counts = reportCounts(report);
    const titles = Object.fromEntries(template.tables.map((t) => [t.id, `${t.no}`]));
    onReport('导入报告', formatImportReport(report, titles));
    const remembered = outcome.answered === 0 ? '' : outcome.saveError ? `；${outcome.saveError}，下次导入时需重新选择对应关系` : '；所选对应关系已记住';
    notify(`已导入“${file.name}”：${counts.errors} 个问题、${counts.warnings} 个提示，请查看导入报告${remembered}`, counts.errors || outcome.saveError ? 'error' : 'info');
  }, [host, prompts, notify, onReport]);

  /** With 错误 open, every export asks first (in the page, in both hosts); true to go on. */
  const goOnDespiteErrors = useCallback(async (): Promise<boolean> => {
    const findings = await ref.current.settledFindings();
    const { errors } = countBySeverity(findings);
    if (errors === 0) return true;
    // Said in problems, as the findings panel groups them: one typo is one problem, however many 错误 it causes.
    const session = ref.current.state.session;
    let problems = errors;
    // The panel's limit, counted as the panel counts it (table findings: text findings are never grouped).
    if (session && findings.filter(isTableFinding).length <= GROUPING_LIMIT) {
      try {
        problems = groupByCauseIndexed(findings, session.doc, session.template).filter((g) => g.members.some((f) => f.severity === 'error')).length;
      } catch {
        // Findings a step behind the document: count 错误 instead.
      }
    }
    const what = problems < errors ? `${problems} 处问题（${errors} 个错误）` : `${errors} 个错误`;
    return prompts.confirm({ title: '存在错误', message: `文档还有 ${what}，仍要导出吗？`, okLabel: '仍然导出' });
  }, [prompts]);

  /**
   * Export with 错误 open asks first, in the page in both hosts (a native box cannot be tested and the browser's may
   * be suppressed); 取消 says so. The document itself is never marked. Large workbooks report progress.
   */
  const exportAs = useCallback(async (kind: 'xlsx' | 'docx') => {
    const { session, file } = ref.current.state;
    if (!session) return;
    if (!(await goOnDespiteErrors())) return notify('已取消导出');
    const what = kind === 'xlsx' ? 'Excel 工作簿' : 'Word 文档';
    notify(`正在生成 ${what}…`);
    // The worker gets a copy of the document as it is now: edits made while it runs do not mix into the file.
    const payload = { doc: session.doc, template: session.template };
    const built = kind === 'xlsx' ? await inWorker(`正在生成 ${what}`, 'exportXlsx', payload) : await inWorker(`正在生成 ${what}`, 'exportDocx', payload);
    if (!built.ok) {
      if ('cancelled' in built) return notify('已取消导出');
      return notify(`无法导出 ${what}：${built.message}`, 'error');
    }
    const bytes = built.value;
    const saved = await host.saveFile({ suggestedName: `${stripExt(file.name)}.${kind}`, bytes, kind });
    notify(saved ? `已导出“${saved.name}”` : '已取消导出');
  }, [host, notify, goOnDespiteErrors]);
  const exportExcel = useCallback(() => exportAs('xlsx'), [exportAs]);

  /**
   * Open data for a portal or an analyst: every table as CSV (one zip, one save) or the whole disclosure as JSON
   * (docs/open-data.schema.json). Loaded on first use; with 错误 open it asks like the other exports.
   */
  const exportOpenData = useCallback(async (kind: 'zip' | 'json') => {
    const { session, file } = ref.current.state;
    if (!session) return;
    if (!(await goOnDespiteErrors())) return notify('已取消导出');
    let bytes: Uint8Array;
    if (kind === 'zip') {
      const { documentCsvZip } = await import('../../core/opendata/csv');
      bytes = documentCsvZip(session.doc, session.template);
    } else {
      const { openDataJson } = await import('../../core/opendata/open-data');
      bytes = new TextEncoder().encode(openDataJson(session.doc, session.template));
    }
    const saved = await host.saveFile({ suggestedName: `${stripExt(file.name)}-开放数据.${kind}`, bytes, kind });
    notify(saved ? `已导出“${saved.name}”` : '已取消导出');
  }, [host, notify, goOnDespiteErrors]);
  const exportCsv = useCallback(() => exportOpenData('zip'), [exportOpenData]);
  const exportData = useCallback(() => exportOpenData('json'), [exportOpenData]);
  const exportWord = useCallback(() => exportAs('docx'), [exportAs]);

  const importCodes = useCallback(async () => {
    const session = ref.current.state.session;
    const file = await host.openFile('csv');
    if (!file || !session) return;
    const year = session.doc.meta.year;
    // Read once as functional (economic codes are valid functional lengths), then take the list's classification
    // from its codes and read again if it is economic, so the right structural checks apply.
    const read = async (classification: Classification) => {
      if (/\.xlsx$/i.test(file.name)) {
        const r = await inWorker(`正在读取“${file.name}”`, 'importCodeList', { bytes: file.bytes, classification, year });
        if (r.ok) return r.value;
        return { ok: false, entries: [], errors: [], stopped: 'cancelled' in r ? '已取消导入' : `无法导入“${file.name}”：${r.message}` };
      }
      return parseCodeCsv(new TextDecoder('utf-8').decode(file.bytes), { classification, year });
    };
    let r: Awaited<ReturnType<typeof read>> = await read('functional');
    const classification = guessClassification(r.entries.map((e) => e.code));
    if (classification === 'economic' && !('stopped' in r)) r = await read('economic');
    if ('stopped' in r && r.stopped) return notify(r.stopped, r.stopped === '已取消导入' ? 'info' : 'error');
    const { entries, errors } = r;
    ref.current.learnCodes(entries.map((e) => ({ classification, code: e.code, name: e.name, year })));
    if (errors.length) onReport('科目表导入', [`已导入 ${entries.length} 个科目；以下行未导入：`, ...errors].join('\n'));
    notify(`已导入 ${entries.length} 个${year}年${classification === 'economic' ? '经济' : '功能'}分类科目`, errors.length ? 'error' : 'info');
  }, [host, notify, onReport]);

  const loadTemplate = useCallback(async () => {
    const file = await host.openFile('template');
    if (!file) return;
    // A set that extends a built-in set (or one loaded earlier) is resolved against it, then validated whole.
    const text = new TextDecoder('utf-8').decode(file.bytes);
    const result = parseTemplateSetText(text, loadedTemplateSet);
    if (!result.ok) {
      onReport('模板集无效', result.errors.join('\n'));
      return notify(`模板集“${file.name}”无效`, 'error');
    }
    registerTemplateSet(result.set);
    // Kept as given (an extends stays an extends), so it is there next time and for the command line too.
    const notKept = await keepTemplateSet(host, result.set.id, text);
    if (notKept) return notify(`已加载模板集“${result.set.name}”，可在“新建”中选用；${notKept}`, 'error');
    notify(`已加载并保存模板集“${result.set.name}”，可在“新建”中选用，下次启动仍在`);
  }, [host, notify, onReport]);

  return useMemo(() => ({ importExcel, exportExcel, exportWord, exportCsv, exportData, importCodes, loadTemplate }), [importExcel, exportExcel, exportWord, exportCsv, exportData, importCodes, loadTemplate]);
}
