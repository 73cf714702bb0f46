import { useCallback, useEffect, useState } from 'react';
import { builtinSource, builtinTemplateSets } from '../../core/template/registry';
import type { StoredSetRead } from '../../core/template/edit/stored-sets';
import { Dialog } from './Dialog';
import './template-editor.css';

export interface TemplateManagerDialogProps {
  /** The officer's kept sets, read through the loader. */
  listOwn: () => Promise<StoredSetRead[]>;
  /** The open document's set: it cannot be removed while the document is open. */
  openTemplateId: string | null;
  onEdit: (read: StoredSetRead) => void;
  /** Resolves true when the set was removed (the officer may refuse). */
  onRemove: (id: string) => Promise<boolean>;
  onCreate: () => void;
  onClose: () => void;
}

/** 模板 → 管理模板集: the built-in sets and the officer's own (id, name, parent); own ones can be edited or removed. */
export function TemplateManagerDialog({ listOwn, openTemplateId, onEdit, onRemove, onCreate, onClose }: TemplateManagerDialogProps) {
  const [own, setOwn] = useState<StoredSetRead[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const reload = useCallback(() => {
    listOwn().then(setOwn, (e: unknown) => setFailure(`无法读取已保存的模板集：${e instanceof Error ? e.message : String(e)}`));
  }, [listOwn]);
  useEffect(reload, []);
  const builtin = builtinTemplateSets();
  return (
    <Dialog
      title="管理模板集"
      onClose={onClose}
      width={820}
      testId="template-manager"
      footer={
        <>
          <button type="button" onClick={onCreate}>从空白模板工作簿创建…</button>
          <button type="button" className="is-primary" onClick={onClose}>关闭</button>
        </>
      }
    >
      <p className="bd-dialog-hint">内置模板随程序提供，不能删除；自己的模板保存在本机，命令行（templates）也能使用。</p>
      <div className="bd-te-scroll">
        <table className="bd-te-grid">
          <thead>
            <tr><th>标识</th><th>名称</th><th>扩展自</th><th>来源</th><th /></tr>
          </thead>
          <tbody>
            {builtin.map((s) => {
              const parent = (builtinSource(s.id) as { extends?: unknown } | undefined)?.extends;
              return (
                <tr key={s.id} data-set-id={s.id}>
                  <td className="bd-te-code">{s.id}</td>
                  <td>{s.name}</td>
                  <td className="bd-te-code">{typeof parent === 'string' ? parent : ''}</td>
                  <td>内置</td>
                  <td />
                </tr>
              );
            })}
            {(own ?? []).map((r) => (
              <tr key={r.id} data-set-id={r.id} data-own="">
                <td className="bd-te-code">{r.id}</td>
                <td>
                  {r.result.ok ? r.result.set.name : (
                    <span className="bd-te-error">有 {r.result.errors.length} 处错误，无法使用：{r.result.errors[0]}</span>
                  )}
                </td>
                <td className="bd-te-code">{r.parent ?? ''}</td>
                <td>自己的{r.id === openTemplateId ? '（当前文档使用）' : ''}</td>
                <td className="bd-te-row-actions">
                  <button type="button" disabled={!r.result.ok} onClick={() => onEdit(r)}>编辑</button>
                  <button
                    type="button"
                    disabled={r.id === openTemplateId}
                    title={r.id === openTemplateId ? '当前文档使用此模板，不能删除' : undefined}
                    onClick={() => void onRemove(r.id).then((removed) => removed && reload())}
                  >
                    删除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {own && own.length === 0 ? <p className="bd-muted">还没有自己的模板集。可用“模板 → 加载模板集…”或“从空白模板工作簿创建…”添加。</p> : null}
      {own === null && !failure ? <p className="bd-muted">正在读取…</p> : null}
      {failure ? <p className="bd-te-error">{failure}</p> : null}
    </Dialog>
  );
}
