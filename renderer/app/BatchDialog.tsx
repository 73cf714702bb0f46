import { useEffect, useMemo, useRef, useState } from 'react';
import type { OpenedFile, OpenedFolder } from '../../core/ipc/contract';
import type { UnitResult } from '../../core/batch/unit-check';
import { formatAmount } from '../../core/amount/amount';
import { checkingWorker } from '../worker/core-client';
import { Dialog } from './Dialog';
import './batch.css';

/** One line of the summary: a unit checked, one that could not be read, or one still waiting. */
interface Line {
  file: OpenedFile | null;
  name: string;
  result: UnitResult | null;
  reason?: string;
}

type SortKey = 'name' | 'unit' | 'total' | 'errors' | 'warnings' | 'importIssues';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: '文件' }, { key: 'unit', label: '单位' }, { key: 'total', label: '收支总计' },
  { key: 'errors', label: '错误' }, { key: 'warnings', label: '提示' }, { key: 'importIssues', label: '导入问题' },
];

function sortValue(line: Line, key: SortKey): string | number {
  if (key === 'name') return line.name;
  const r = line.result;
  if (!r || !r.ok) return key === 'unit' ? '' : -1;
  return key === 'unit' ? r.summary.unit : r.summary[key];
}

/**
 * 审核 → 批量审核文件夹…: every unit file of a folder checked in a worker of its own, one after another, shown as a
 * sortable summary while it runs (the same summary as the CLI's `batch`); a double-click opens a unit.
 */
export function BatchDialog({ folder, onOpen, onClose }: { folder: OpenedFolder; onOpen: (file: OpenedFile) => void; onClose: () => void }) {
  const [lines, setLines] = useState<Line[]>(() => [
    ...folder.files.map((f) => ({ file: f, name: f.name, result: null })),
    ...folder.skipped.map((s) => ({ file: null, name: s.name, result: { ok: false as const, reason: s.reason } })),
  ]);
  const [done, setDone] = useState(0);
  const [stopped, setStopped] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'errors', desc: true });
  const client = useRef(checkingWorker('batch'));

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      for (const [i, f] of folder.files.entries()) {
        if (cancelled) return;
        // A copy of the bytes: the worker may take them over, the line keeps the file for opening it later.
        const outcome = await client.current.run('checkUnit', { name: f.name, bytes: f.bytes.slice(), options: {} });
        if (cancelled) return;
        const result: UnitResult = outcome.ok ? outcome.value.result : { ok: false, reason: outcome.message };
        setLines((ls) => ls.map((l, k) => (k === i ? { ...l, result } : l)));
        setDone(i + 1);
      }
    })();
    return () => {
      cancelled = true;
      client.current.cancel();
    };
  }, [folder]);

  const sorted = useMemo(() => {
    const out = [...lines];
    out.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.desc ? -c : c;
    });
    return out;
  }, [lines, sort]);

  const total = folder.files.length;
  const running = done < total && !stopped;
  const withErrors = lines.filter((l) => l.result?.ok && l.result.summary.errors > 0).length;
  const unreadable = lines.filter((l) => l.result && !l.result.ok).length;
  return (
    <Dialog
      title={`批量审核：${folder.name}`}
      onClose={onClose}
      width={980}
      testId="batch-dialog"
      footer={
        <>
          {running ? <button type="button" onClick={() => { client.current.cancel(); setStopped(true); }}>停止</button> : null}
          <button type="button" className="is-primary" onClick={onClose}>关闭</button>
        </>
      }
    >
      <div className="bd-batch-progress" data-testid="batch-progress">
        <progress max={Math.max(1, total)} value={done} />
        <span>
          {running ? `正在审核 ${done}/${total}` : stopped ? `已停止：完成 ${done}/${total}` : `已完成 ${total} 个文件`}
          {`：有错误 ${withErrors} 个，无法读取 ${unreadable} 个`}
        </span>
      </div>
      {total + folder.skipped.length === 0 ? <p className="bd-muted">该文件夹中没有 .ysgk 或 .xlsx 文件。</p> : null}
      <div className="bd-batch-table-wrap">
        <table className="bd-batch-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="bd-plain" onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.key !== 'name' && c.key !== 'unit' }))}>
                    {c.label}{sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
              <th>第一个错误 / 原因</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((l) => {
              const r = l.result;
              const opens = l.file && /\.ysgk$/i.test(l.name);
              return (
                <tr
                  key={l.name}
                  data-file={l.name}
                  className={!r ? 'is-waiting' : !r.ok ? 'is-unreadable' : r.summary.errors > 0 ? 'has-errors' : ''}
                  title={opens ? '双击打开此单位的文件' : l.file ? 'Excel 工作簿请用“导入 → Excel 工作簿”打开' : undefined}
                  onDoubleClick={opens ? () => onOpen(l.file!) : undefined}
                >
                  <td>{l.name}</td>
                  <td>{r?.ok ? r.summary.unit : ''}</td>
                  <td className="bd-num">{r?.ok ? formatAmount(r.summary.total) : ''}</td>
                  <td className="bd-num">{r?.ok ? r.summary.errors : ''}</td>
                  <td className="bd-num">{r?.ok ? r.summary.warnings : ''}</td>
                  <td className="bd-num">{r?.ok ? r.summary.importIssues : ''}</td>
                  <td>{!r ? '等待审核…' : r.ok ? r.summary.firstError : `无法读取：${r.reason}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
