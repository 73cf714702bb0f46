import { useCallback, useMemo, useRef, useState } from 'react';
import type { FileStamp, Host, LockHolder, OpenedFile } from '../../core/ipc/contract';
import type { TemplateSet } from '../../core/template/template.schema';
import { withAbsoluteUnitFiles } from '../../core/merge/unit-paths';
import { newDocument, parseDocumentOffThread, sampleDocument, serializeOffThread, templateFor, type ParsedFile } from './core-adapter';
import type { DocumentControls } from './use-document';
import type { Notify } from './use-grid-edits';
import type { Prompts } from './use-prompts';

/** How a file comes in: from disk (its own path), a crash-recovery copy, or an old version (both pathless, unsaved). */
export type OpenMode = 'file' | 'recovered' | 'history';

/** The open document is someone else's: 保存 goes to 另存为. */
export interface ReadOnlyNotice {
  name: string;
  holder: LockHolder;
}

export interface FileActions {
  openFile(file: OpenedFile, mode?: OpenMode): Promise<boolean>;
  open(): Promise<void>;
  /** A file the host hands over (second launch, drop): asks first, then reads it afresh (stamp and lock). */
  openHanded(file: OpenedFile): Promise<void>;
  save(saveAs?: boolean): Promise<boolean>;
  createNew(template: TemplateSet): Promise<boolean>;
  startup(): Promise<void>;
  /** 文件 → 历史版本…: choose a saved version of the open document and open it as an unsaved copy. */
  history(): Promise<void>;
  /** Asks before the open document's unsaved changes would be lost. */
  confirmDiscard(): Promise<boolean>;
  /** Set while the open document is held by another instance. */
  readOnly: ReadOnlyNotice | null;
}

const SAMPLE_NAME = '示例-若羌县医疗保障局2024年部门预算.ysgk';

/**
 * The officer-facing text of a failed host call: Electron wraps errors from the main process as "Error invoking
 * remote method 'host:saveFile': Error: 无法保存…"; only the Chinese sentence the host wrote is shown.
 */
export function userMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^[A-Za-z]*Error:\s*/, '');
}

/** A host call that must never break the flow it is part of (an older host may lack it). */
function quietly(call: () => Promise<unknown>): Promise<void> {
  try {
    return call().then(() => undefined, () => undefined);
  } catch {
    return Promise.resolve();
  }
}

/** 新建/打开/保存/另存为/历史版本 and the startup sequence (recovery → file from the command line → built-in sample). */
export function useFileActions(host: Host, controls: DocumentControls, notify: Notify, prompts: Prompts): FileActions {
  const ref = useRef(controls);
  ref.current = controls;
  // What the open file was on disk when read or last written: the next 保存 is checked against it.
  const stamp = useRef<FileStamp | undefined>(undefined);
  const [readOnly, setReadOnly] = useState<ReadOnlyNotice | null>(null);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;

  /**
   * Parses (in the worker) and loads; on failure returns the Chinese reason and leaves the open document as it was.
   */
  const load = useCallback(async (file: OpenedFile, mode: OpenMode): Promise<string | null> => {
    performance.mark('bd-open-start'); // bench/ui.bench.ts measures open → first grid rows from here
    let result: ParsedFile;
    try {
      result = await parseDocumentOffThread(file.bytes);
    } catch {
      return '文件内容无法识别';
    }
    if (!result.ok) return result.message;
    const copy = mode !== 'file';
    const name = mode === 'recovered' ? '恢复的文档.ysgk' : file.name;
    ref.current.load(result.doc, result.template, { path: copy ? null : file.path, name }, copy, result.json);
    stamp.current = copy ? undefined : file.stamp;
    const holder = copy ? null : (file.lockedBy ?? null);
    setReadOnly(holder ? { name: file.name, holder } : null);
    // A pathless copy is not the file whose lock we hold: let others have it.
    if (copy) void quietly(() => host.releaseDocument());
    return null;
  }, [host]);

  const openFile = useCallback(async (file: OpenedFile, mode: OpenMode = 'file') => {
    const failure = await load(file, mode);
    if (failure) {
      notify(`无法打开“${file.name}”：${failure}`, 'error');
      return false;
    }
    if (mode === 'recovered') notify('已恢复上次未保存的文档，请尽快保存');
    else if (mode === 'history') notify(`已打开历史版本“${file.name}”（未保存的副本，请用“另存为”保存）`);
    // The status bar keeps the holder in view; the passing message only says what happened.
    else if (file.lockedBy) notify(`已以只读方式打开“${file.name}”`);
    else notify(`已打开“${file.name}”`);
    return true;
  }, [load, notify]);

  const confirmDiscard = useCallback(async () => {
    if (!ref.current.state.dirty) return true;
    return host.confirm({ title: '未保存的修改', message: '当前文档有未保存的修改，继续将丢失这些修改。是否继续？', okLabel: '继续' });
  }, [host]);

  const open = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    const file = await host.openFile('document');
    if (file) await openFile(file);
  }, [host, openFile, confirmDiscard]);

  const openHanded = useCallback(async (file: OpenedFile) => {
    if (!(await confirmDiscard())) return;
    // Electron hands the file over unlocked; the web host (a dropped file) has no disk to read again and answers null.
    const fresh = await Promise.resolve()
      .then(() => host.reopenFile(file.path))
      .catch(() => null);
    await openFile(fresh ?? file);
  }, [host, openFile, confirmDiscard]);

  /** 打开磁盘上的版本: the open copy has unsaved changes by definition here, so say plainly they will be lost. */
  const openDiskVersion = useCallback(async (path: string, name: string): Promise<boolean> => {
    const ok = !ref.current.state.dirty || await prompts.confirm({
      title: '打开磁盘上的版本',
      message: `将放弃本窗口中尚未保存的修改，改为打开磁盘上的“${name}”。\n如需保留这些修改，请取消后选择“另存为”。`,
      okLabel: '放弃修改并打开',
    });
    if (!ok) return false;
    const file = await host.reopenFile(path);
    if (!file) {
      notify(`无法读取磁盘上的“${name}”：浏览器版不能直接读取磁盘，请用“打开”选择该文件`, 'error');
      return false;
    }
    return openFile(file);
  }, [host, prompts, notify, openFile]);

  const save = useCallback(async (saveAs = false): Promise<boolean> => {
    const { session, file } = ref.current.state;
    if (!session) return false;
    // Someone else has the file open: never write over it from here without asking; 保存 becomes 另存为.
    const asNew = saveAs || readOnlyRef.current !== null;
    // The file holds the document as it is now; an edit made while the bytes are built leaves it unsaved (below).
    const snapshotVersion = session.version;
    // A consolidated document's units go to the host as absolute paths: it records them relative to where it saves.
    const bytes = await serializeOffThread(withAbsoluteUnitFiles(session.doc, file.path));
    const path = asNew ? undefined : (file.path ?? undefined);
    let result = await host.saveFile({ path, suggestedName: file.name, bytes, kind: 'document', ...(path && stamp.current ? { basedOn: stamp.current } : {}) });
    if (result?.conflict) {
      const choice = await prompts.resolveConflict(result.name, result.conflict);
      if (choice === 'saveAs') return save(true);
      if (choice === 'openDisk') {
        await openDiskVersion(result.path, result.name);
        return false;
      }
      if (choice !== 'overwrite') {
        notify(`未保存“${result.name}”：文件已在磁盘上更改`);
        return false;
      }
      result = await host.saveFile({ path: result.path, suggestedName: file.name, bytes, kind: 'document', overwrite: true });
      if (result?.conflict) return false;
    }
    if (!result) return false;
    ref.current.setFile({ path: result.path, name: result.name });
    stamp.current = result.stamp;
    setReadOnly(result.lockedBy ? { name: result.name, holder: result.lockedBy } : null);
    if (session.version === snapshotVersion) {
      session.markSaved();
      await host.clearRecovery();
    }
    notify(`已保存“${result.name}”`);
    return true;
  }, [host, notify, prompts, openDiskVersion]);

  const createNew = useCallback(async (template: TemplateSet) => {
    if (!(await confirmDiscard())) return false;
    const year = new Date().getFullYear();
    const doc = newDocument(template, { year });
    ref.current.load(doc, template, { path: null, name: '未命名.ysgk' });
    stamp.current = undefined;
    setReadOnly(null);
    void quietly(() => host.releaseDocument());
    notify(`已新建文档（${template.name}），请填写单位名称等基本信息`);
    return true;
  }, [host, confirmDiscard, notify]);

  const history = useCallback(async () => {
    const { file } = ref.current.state;
    if (!file.path) {
      notify('当前文档尚未保存到文件，没有历史版本');
      return;
    }
    const entries = await host.listHistory(file.path);
    if (entries.length === 0) {
      const web = (await host.kind()) === 'web';
      notify(web ? '浏览器版不保留历史版本，请使用桌面版' : `“${file.name}”还没有保存过的历史版本`);
      return;
    }
    const id = await prompts.chooseVersion(file.name, entries);
    if (!id || !(await confirmDiscard())) return;
    const copy = await host.openHistory(id);
    if (!copy) notify('该历史版本已不存在（可能已被更新的版本替换）', 'error');
    else await openFile(copy, 'history');
  }, [host, prompts, notify, confirmDiscard, openFile]);

  const startup = useCallback(async () => {
    let recoveryFailure: string | null = null;
    const recovery = await host.takeRecovery().catch(() => null);
    if (recovery) {
      const restore = await host.confirm({
        title: '恢复文档',
        message: '发现上次未保存的文档副本（程序可能意外退出）。是否恢复？',
        okLabel: '恢复',
      });
      if (!restore) await host.clearRecovery();
      else {
        const failure = await load(recovery, 'recovered');
        if (!failure) {
          notify('已恢复上次未保存的文档，请尽快保存');
          return;
        }
        // A damaged or hostile copy must not stop the app, and must not be lost: it is kept for support.
        const kept = await host.setAsideRecovery().catch(() => null);
        recoveryFailure = `上次未保存的副本已损坏，无法恢复（${failure}）。${kept ? '该副本已保留，可交技术支持查看。' : ''}`;
      }
    }
    const startFile = await host.startupFile().catch(() => null);
    if (!startFile || !(await openFile(startFile))) {
      const doc = sampleDocument();
      const template = templateFor(doc);
      if (template) ref.current.load(doc, template, { path: null, name: SAMPLE_NAME });
    }
    // Said last so no later message hides it.
    if (recoveryFailure) notify(`${recoveryFailure}${startFile ? '' : '现已打开示例文档。'}`, 'error');
  }, [host, load, notify, openFile]);

  return useMemo(
    () => ({ openFile, open, openHanded, save, createNew, startup, history, confirmDiscard, readOnly }),
    [openFile, open, openHanded, save, createNew, startup, history, confirmDiscard, readOnly],
  );
}
