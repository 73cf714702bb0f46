import type { DiskConflict, FileStamp, LockHolder } from '../../core/ipc/contract';
import { Dialog } from './Dialog';

export type ConflictChoice = 'overwrite' | 'saveAs' | 'openDisk';

/** "2026-12-04 21:30" in the officer's local time; the raw text when it is not a time. */
export function localTime(iso: string | number): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return String(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${two(t.getHours())}:${two(t.getMinutes())}`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "张三（电脑 PC-01，自 2026-12-04 09:30 起）" */
export function describeHolder(who: LockHolder): string {
  return `${who.holder || '另一位用户'}（电脑 ${who.machine || '未知'}，自 ${localTime(who.since)} 起）`;
}

/** What changed, one line per fact the disk or the lock file tells. */
export function conflictFacts(conflict: DiskConflict): string[] {
  const facts: string[] = [];
  if (conflict.missing) facts.push('磁盘上的文件已被删除或移走。');
  const { expected, now } = conflict;
  if (expected && now) facts.push(...stampFacts(expected, now));
  if (conflict.lockedBy) facts.push(`该文件正由 ${describeHolder(conflict.lockedBy)} 打开。`);
  return facts;
}

function stampFacts(expected: FileStamp, now: FileStamp): string[] {
  const facts = [`磁盘上的文件修改于 ${localTime(now.mtimeMs)}（你打开或上次保存的版本修改于 ${localTime(expected.mtimeMs)}）。`];
  if (now.size !== expected.size) facts.push(`文件大小由 ${fileSize(expected.size)} 变为 ${fileSize(now.size)}。`);
  return facts;
}

/**
 * 保存 found that the file is no longer what this window read (another PC, the command line, a sync tool) or that
 * someone else has it open. Nothing has been written yet; the officer chooses how not to lose anyone's work.
 */
export function ConflictDialog({ fileName, conflict, onAnswer }: { fileName: string; conflict: DiskConflict; onAnswer: (choice: ConflictChoice | null) => void }) {
  const changed = conflict.missing || conflict.now !== null;
  const headline = conflict.missing
    ? `“${fileName}”已不在原位置，尚未保存。`
    : changed
      ? `“${fileName}”在你打开之后已被其他程序或其他人修改，尚未保存。`
      : `“${fileName}”正由其他人打开，尚未保存。`;
  return (
    <Dialog
      title="文件已在磁盘上更改"
      onClose={() => onAnswer(null)}
      width={560}
      testId="conflict-dialog"
      footer={
        <>
          <button type="button" onClick={() => onAnswer(null)}>取消</button>
          <button type="button" data-choice="openDisk" disabled={conflict.missing} onClick={() => onAnswer('openDisk')}>打开磁盘上的版本</button>
          <button type="button" data-choice="saveAs" className="is-primary" autoFocus onClick={() => onAnswer('saveAs')}>另存为…</button>
          <button type="button" data-choice="overwrite" onClick={() => onAnswer('overwrite')}>覆盖</button>
        </>
      }
    >
      <p className="bd-dialog-hint">{headline}</p>
      <ul data-testid="conflict-facts" style={{ margin: '0 0 8px', paddingLeft: '1.5em' }}>
        {conflictFacts(conflict).map((fact) => <li key={fact}>{fact}</li>)}
      </ul>
      <p className="bd-muted" style={{ margin: 0 }}>
        覆盖：用本窗口的内容替换磁盘上的文件（被替换的内容可在“文件 → 历史版本…”或同目录的 .bak 文件中找回）。
        另存为：把本窗口的内容存为另一个文件，两份都保留。打开磁盘上的版本：放弃本窗口未保存的修改，改为打开磁盘上的文件。
      </p>
    </Dialog>
  );
}
