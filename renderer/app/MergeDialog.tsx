import { useEffect, useMemo, useState } from 'react';
import type { BudgetDocument } from '../../core/document/document';
import type { Host, OpenedFile } from '../../core/ipc/contract';
import { mergeUnits, refuseReason, snapshotsOf, type MergeUnit } from '../../core/merge/merge-units';
import { remergePlan, remergePlanLines, remergeSize, type RemergePlan } from '../../core/merge/remerge';
import type { TemplateSet } from '../../core/template/template.schema';
import { parseDocumentOffThread } from './core-adapter';
import { Dialog } from './Dialog';
import type { SessionPort } from './session-port';
import type { Notify } from './use-grid-edits';
import type { Prompts } from './use-prompts';
import './merge.css';

/** A unit file read for consolidation: the name shown, and its document with the template it names. */
export interface LoadedUnit {
  name: string;
  unit: MergeUnit;
  template: TemplateSet;
}

export interface ReadUnits {
  units: LoadedUnit[];
  unreadable: { name: string; reason: string }[];
}

/** The same hash the command line records (hex SHA-256 of the file's bytes), so either can re-merge the other's. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice()));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Parses each unit file (in the worker); `file` is what the snapshot records for it (by default its path). */
export async function readUnits(files: readonly OpenedFile[], fileOf: (f: OpenedFile, i: number) => string = (f) => f.path || f.name): Promise<ReadUnits> {
  const out: ReadUnits = { units: [], unreadable: [] };
  for (const [i, f] of files.entries()) {
    const sha256 = await sha256Hex(f.bytes);
    const parsed = await parseDocumentOffThread(f.bytes.slice()).catch(() => ({ ok: false as const, message: '文件内容无法识别' }));
    if (!parsed.ok) out.unreadable.push({ name: f.name, reason: parsed.message });
    else out.units.push({ name: f.name, unit: { file: fileOf(f, i), sha256, doc: parsed.doc }, template: parsed.template });
  }
  return out;
}

/** Why the units cannot be summed, naming the files as the officer chose them; undefined when they can. */
export function mergeRefusal(read: ReadUnits): string | undefined {
  if (read.unreadable.length > 0) return `无法读取：${read.unreadable.map((u) => `“${u.name}”（${u.reason}）`).join('、')}`;
  const first = read.units[0];
  if (!first) return '请至少选择一个下属单位文件';
  return refuseReason(read.units.map((u) => ({ ...u.unit, file: u.name })), first.template);
}

/**
 * 文件 → 汇总下属单位…: the chosen unit files listed (unit, year, template), the 部门 name asked for, and the 部门
 * document summed by core's mergeUnits, the function the command line's `merge` runs. Units of different templates
 * or years are refused with the reason, naming the files.
 */
export function MergeDialog({ files, onCreate, onClose }: {
  files: readonly OpenedFile[];
  onCreate: (doc: BudgetDocument, template: TemplateSet, name: string) => void;
  onClose: () => void;
}) {
  const [read, setRead] = useState<ReadUnits | null>(null);
  const [name, setName] = useState('');
  useEffect(() => {
    let live = true;
    void readUnits(files).then((r) => live && setRead(r));
    return () => {
      live = false;
    };
  }, [files]);
  const refusal = useMemo(() => (read ? mergeRefusal(read) : undefined), [read]);
  const [failure, setFailure] = useState<string | null>(null);
  const canMerge = !!read && !refusal && name.trim() !== '';

  const merge = () => {
    if (!read || !canMerge) return;
    const template = read.units[0]!.template;
    const r = mergeUnits(read.units.map((u) => u.unit), template, name.trim());
    if (!r.ok) return setFailure(r.message);
    onCreate(r.doc, template, name.trim());
  };

  return (
    <Dialog
      title="汇总下属单位"
      onClose={onClose}
      width={760}
      testId="merge-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>取消</button>
          <button type="button" className="is-primary" disabled={!canMerge} onClick={merge}>汇总</button>
        </>
      }
    >
      <p className="bd-dialog-hint">将以下 {files.length} 个下属单位文件逐表相加，生成一份新的部门文档（未保存）。</p>
      <div className="bd-merge-table-wrap">
        <table className="bd-merge-table" data-testid="merge-units">
          <thead>
            <tr><th>文件</th><th>单位</th><th>年度</th><th>模板</th></tr>
          </thead>
          <tbody>
            {files.map((f) => {
              const u = read?.units.find((x) => x.name === f.name);
              const bad = read?.unreadable.find((x) => x.name === f.name);
              return (
                <tr key={f.path || f.name} className={bad ? 'is-unreadable' : ''}>
                  <td>{f.name}</td>
                  <td>{!read ? '正在读取…' : u ? u.unit.doc.meta.unitName : `无法读取：${bad?.reason ?? ''}`}</td>
                  <td>{u ? u.unit.doc.meta.year : ''}</td>
                  <td>{u ? u.template.name : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {refusal || failure ? <p className="bd-merge-refusal" role="alert" data-testid="merge-refusal">不能汇总：{failure ?? refusal}</p> : null}
      <label className="bd-merge-name">
        部门名称
        <input
          type="text"
          value={name}
          placeholder="例如：某某县教育局"
          autoFocus
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') merge();
          }}
        />
      </label>
      <p className="bd-muted">部门文档记录每个单位文件的内容，单位文件修改后可用“文件 → 重新汇总…”更新部门数。</p>
    </Dialog>
  );
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/**
 * 重新汇总: reads the unit files the 部门 document names again (the desktop host reads them beside the document; a
 * browser cannot, so the officer chooses them and they are matched by file name) and plans the update with core's
 * remergePlan, the one the command line's `merge --update` uses. Resolves to the plan, a reason, or null (cancelled).
 */
export async function planRemerge(host: Host, prompts: Prompts, doc: BudgetDocument, template: TemplateSet, documentPath: string | null): Promise<RemergePlan | null> {
  const snapshots = snapshotsOf(doc);
  if (snapshots.length === 0) return { ok: false, message: '当前文档不是汇总生成的部门文档（没有下属单位记录），无法重新汇总' };
  const wanted = snapshots.map((s) => s.file);
  let found: (OpenedFile | null)[];
  const reasons: string[] = [];
  const read = await host.readUnitFiles({ documentPath, files: wanted });
  if (read) {
    found = read.map((r) => r.opened);
    read.forEach((r) => r.opened === null && reasons.push(`“${r.file}”（${r.reason ?? '无法读取'}）`));
  } else {
    const ok = await prompts.confirm({
      title: '重新汇总',
      message: `浏览器版不能直接读取磁盘上的文件。请在下一步选择以下 ${wanted.length} 个下属单位文件：\n${wanted.map(baseName).join('、')}`,
      okLabel: '选择文件',
    });
    if (!ok) return null;
    const chosen = await host.openUnitFiles();
    if (!chosen) return null;
    found = wanted.map((w) => chosen.find((c) => c.name === baseName(w)) ?? null);
    found.forEach((f, i) => f === null && reasons.push(`“${wanted[i]}”（未选择）`));
  }
  if (reasons.length > 0) return { ok: false, message: `找不到下属单位文件：${reasons.join('、')}` };
  const opened = found as OpenedFile[];
  // Each snapshot keeps the file as it was recorded, so the document names the same files after the update.
  const units = await readUnits(opened, (_f, i) => wanted[i]!);
  if (units.unreadable.length > 0) return { ok: false, message: mergeRefusal(units)! };
  return remergePlan(doc, template, units.units.map((u) => u.unit));
}

/** 文件 → 重新汇总…: plan, show every amount, summed input and 上年预算数 that changes (old → new), and apply it as one undoable command. */
export async function runRemerge(host: Host, prompts: Prompts, session: SessionPort, documentPath: string | null, notify: Notify): Promise<void> {
  const plan = await planRemerge(host, prompts, session.doc, session.template, documentPath);
  if (!plan) return;
  if (!plan.ok) return notify(`未重新汇总：${plan.message}`, 'error');
  if (plan.unchanged) return notify('各下属单位文件没有变化，部门文档无需更新');
  const units = plan.changedUnits.length ? `有变化的单位：${plan.changedUnits.join('、')}` : '';
  const lines = remergePlanLines(plan);
  const ok = lines.length > 0
    ? await prompts.confirmChanges(`重新汇总${units ? `（${units}）` : ''}`, lines)
    : await prompts.confirm({ title: '重新汇总', message: `${units}。各表金额、汇总的人员、采购、资产等数据和上年预算数都没有变化，只更新部门文档记录的下属单位内容。`, okLabel: '更新' });
  if (!ok) return;
  const r = session.execute(plan.command);
  notify(r.ok ? `已重新汇总：${remergeSize(plan)}（可撤销）` : r.message, r.ok ? 'info' : 'error');
}
