import { Dialog } from './Dialog';

/** Enough to review; a longer list is summarised (every change still happens, and one 撤销 restores them all). */
const SHOWN = 1000;

/**
 * Before a generated fill, 重新计算, 从预算文件导入 or 重新汇总 changes published figures: every cell or form entry
 * (人员情况, 上年预算数 …) it would write, old → new, and the officer decides. Lines come from core (formatChanges,
 * remergePlanLines …) so the app and the command line say the same; they are counted as 项 because not all are cells.
 */
export function ChangesDialog({ title, lines, onAnswer }: { title: string; lines: readonly string[]; onAnswer: (ok: boolean) => void }) {
  const shown = lines.slice(0, SHOWN);
  return (
    <Dialog
      title={title}
      onClose={() => onAnswer(false)}
      width={680}
      testId="changes-dialog"
      footer={
        <>
          <button type="button" onClick={() => onAnswer(false)}>取消</button>
          <button type="button" className="is-primary" onClick={() => onAnswer(true)}>修改</button>
        </>
      }
    >
      <p className="bd-dialog-hint">将修改以下 {lines.length} 项：</p>
      <ol className="bd-report" data-testid="change-list" style={{ maxHeight: '45vh', overflow: 'auto', margin: 0, paddingLeft: '2.5em' }}>
        {shown.map((line, i) => <li key={i}>{line}</li>)}
      </ol>
      {lines.length > shown.length ? <p className="bd-muted">另有 {lines.length - shown.length} 项未列出。</p> : null}
      <p className="bd-muted">修改后可用“撤销”一步恢复。</p>
    </Dialog>
  );
}
