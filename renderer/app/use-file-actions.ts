import { useCallback, useMemo, useRef } from 'react';
import type { Host, OpenedFile } from '../../core/ipc/contract';
import type { TemplateSet } from '../../core/template/template.schema';
import { newDocument, parseDocumentBytes, sampleDocument, serializeDocument, templateFor } from './core-adapter';
import type { DocumentControls } from './use-document';
import type { Notify } from './use-grid-edits';

export interface FileActions {
  openFile(file: OpenedFile, options?: { recovered?: boolean }): boolean;
  open(): Promise<void>;
  save(saveAs?: boolean): Promise<boolean>;
  createNew(template: TemplateSet): Promise<boolean>;
  startup(): Promise<void>;
  /** Asks before the open document's unsaved changes would be lost. */
  confirmDiscard(): Promise<boolean>;
}


/** 新建/打开/保存/另存为/导出 and the startup sequence (recovery → file from the command line → built-in sample). */
export function useFileActions(host: Host, controls: DocumentControls, notify: Notify): FileActions {
  const ref = useRef(controls);
  ref.current = controls;

  const openFile = useCallback((file: OpenedFile, options: { recovered?: boolean } = {}) => {
    performance.mark('bd-open-start'); // bench/ui.bench.ts measures open → first grid rows from here
    const result = parseDocumentBytes(file.bytes);
    if (!result.ok) {
      notify(`无法打开“${file.name}”：${result.message}`, 'error');
      return false;
    }
    const recovered = options.recovered === true;
    ref.current.load(result.doc, result.template, recovered ? { path: null, name: '恢复的文档.ysgk' } : { path: file.path, name: file.name }, recovered);
    notify(recovered ? '已恢复上次未保存的文档，请尽快保存' : `已打开“${file.name}”`);
    return true;
  }, [notify]);

  const confirmDiscard = useCallback(async () => {
    if (!ref.current.state.dirty) return true;
    return host.confirm({ title: '未保存的修改', message: '当前文档有未保存的修改，继续将丢失这些修改。是否继续？', okLabel: '继续' });
  }, [host]);

  const open = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    const file = await host.openFile('document');
    if (file) openFile(file);
  }, [host, openFile, confirmDiscard]);

  const save = useCallback(async (saveAs = false) => {
    const { session, file } = ref.current.state;
    if (!session) return false;
    const bytes = serializeDocument(session.doc);
    const result = await host.saveFile({
      path: saveAs ? undefined : (file.path ?? undefined),
      suggestedName: file.name,
      bytes,
      kind: 'document',
    });
    if (!result) return false;
    ref.current.setFile({ path: result.path, name: result.name });
    session.markSaved();
    await host.clearRecovery();
    notify(`已保存“${result.name}”`);
    return true;
  }, [host, notify]);

  const createNew = useCallback(async (template: TemplateSet) => {
    if (!(await confirmDiscard())) return false;
    const year = new Date().getFullYear();
    const doc = newDocument(template, { year });
    ref.current.load(doc, template, { path: null, name: '未命名.ysgk' });
    notify(`已新建文档（${template.name}），请填写单位名称等基本信息`);
    return true;
  }, [confirmDiscard, notify]);

  const startup = useCallback(async () => {
    const recovery = await host.takeRecovery().catch(() => null);
    if (recovery) {
      const restore = await host.confirm({
        title: '恢复文档',
        message: '发现上次未保存的文档副本（程序可能意外退出）。是否恢复？',
        okLabel: '恢复',
      });
      if (restore && openFile(recovery, { recovered: true })) return;
      await host.clearRecovery();
    }
    const startFile = await host.startupFile().catch(() => null);
    if (startFile && openFile(startFile)) return;
    const doc = sampleDocument();
    const template = templateFor(doc);
    if (template) ref.current.load(doc, template, { path: null, name: '示例-若羌县医疗保障局2024年部门预算.ysgk' });
  }, [host, openFile]);

  return useMemo(
    () => ({ openFile, open, save, createNew, startup, confirmDiscard }),
    [openFile, open, save, createNew, startup, confirmDiscard],
  );
}
