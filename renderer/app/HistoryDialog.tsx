import { useState } from 'react';
import type { HistoryEntry } from '../../core/ipc/contract';
import { fileSize, localTime } from './ConflictDialog';
import { Dialog } from './Dialog';

/**
 * 文件 → 历史版本…: the versions kept of the open document (newest first). The chosen one opens as an unsaved copy,
 * so it can only be saved with 另存为 and never silently replaces the current file.
 */
export function HistoryDialog({ fileName, entries, onAnswer }: { fileName: string; entries: readonly HistoryEntry[]; onAnswer: (id: string | null) => void }) {
  const [chosen, setChosen] = useState<string | null>(entries[0]?.id ?? null);
  return (
    <Dialog
      title={`历史版本 — ${fileName}`}
      onClose={() => onAnswer(null)}
      width={520}
      testId="history-dialog"
      footer={
        <>
          <button type="button" onClick={() => onAnswer(null)}>取消</button>
          <button type="button" className="is-primary" disabled={!chosen} onClick={() => onAnswer(chosen)}>打开所选版本</button>
        </>
      }
    >
      <p className="bd-dialog-hint">每次保存都会留下一个版本（最多保留最近 10 个）。所选版本将作为未保存的副本打开，请用“另存为”保存。</p>
      <div role="radiogroup" aria-label="历史版本" data-testid="history-list" style={{ maxHeight: '40vh', overflow: 'auto' }}>
        {entries.map((entry, i) => (
          <label key={entry.id} data-history-id={entry.id} style={{ display: 'flex', gap: 8, padding: '3px 0', cursor: 'pointer' }}>
            <input type="radio" name="history-version" checked={chosen === entry.id} onChange={() => setChosen(entry.id)} />
            <span style={{ minWidth: '11em' }}>{localTime(entry.savedAt)}</span>
            <span className="bd-muted">{fileSize(entry.size)}</span>
            {i === 0 ? <span className="bd-muted">（最近一次保存）</span> : null}
          </label>
        ))}
      </div>
    </Dialog>
  );
}
