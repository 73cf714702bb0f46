import { useMemo } from 'react';
import type { CellRef } from '../../core/document/document';
import { cellPrinter } from '../../core/rules/printed';
import { sentencesUsingCell } from '../../core/text/cell-uses';
import { renderOutline } from '../../core/text/generate';
import { Dialog } from './Dialog';
import type { SessionPort } from './session-port';
import './text-uses.css';

/**
 * 在说明中查看: every sentence of the text that states a figure read from the cell, so the officer sees what a change
 * there rewrites. Choosing one opens its section, where the preview shows it.
 */
export function TextUsesDialog({ session, cell, onOpenSection, onClose }: {
  session: SessionPort;
  cell: CellRef;
  onOpenSection: (nodeId: string) => void;
  onClose: () => void;
}) {
  const uses = useMemo(() => sentencesUsingCell(renderOutline(session.doc, session.template), cell), [session, cell]);
  const name = useMemo(() => {
    const p = cellPrinter(session.template, session.doc)(cell);
    return `${p.table} ${p.row} ${p.column}`;
  }, [session, cell]);
  return (
    <Dialog
      title={`在说明中查看：${name}`}
      onClose={onClose}
      width={640}
      testId="text-uses-dialog"
      footer={<button type="button" className="is-primary" onClick={onClose}>关闭</button>}
    >
      {uses.length === 0 ? (
        <p className="bd-muted">说明中没有引用此格的句子。</p>
      ) : (
        <ol className="bd-text-uses">
          {uses.map((u) => (
            <li key={u.paragraphId}>
              <button type="button" className="bd-plain" onClick={() => { onOpenSection(u.nodeId); onClose(); }} title="打开此节">
                {u.nodeTitle}
              </button>
              <p>{highlight(u.text, u.figures)}</p>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}

/** The sentence with the figures that read the cell marked. */
function highlight(text: string, figures: readonly string[]) {
  if (figures.length === 0) return text;
  const pattern = new RegExp(`(${figures.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}
