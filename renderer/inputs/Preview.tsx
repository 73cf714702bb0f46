import { useMemo, useState, type ReactNode } from 'react';
import type { RenderedNode } from '../../core/text/generate';
import type { Block, ParaBlock } from '../../core/text/blocks';
import type { CellRef } from '../../core/document/document';
import { cellPrinter } from '../../core/rules/printed';
import { figureCells } from '../../core/text/cell-uses';
import { useGoToCell } from '../app/navigation';
import './preview.css';
import { overrideKey } from '../../core/inputs/keys';
import type { SessionPort } from '../app/session-port';
import { figuresWord } from '../../core/checks/set-words';
import { commitInput, TextInput } from './fields';

type NameCell = (cell: CellRef) => string;

/**
 * The paragraph's text with each traced figure as a link: hovering names the cells it is computed from (and
 * highlights the figure), clicking goes to the first. An officer's rewrite is shown plain: its figures are his.
 */
function TracedText({ block, nameCell, word }: { block: ParaBlock; nameCell: NameCell; word: string }): ReactNode {
  const goTo = useGoToCell();
  if (block.overridden || !block.spans?.length) return block.text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of [...block.spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    if (span.start > at) parts.push(block.text.slice(at, span.start));
    const cells = figureCells(span);
    const listed = cells.slice(0, 8).map(nameCell).join('\n') + (cells.length > 8 ? `\n…共 ${cells.length} 格` : '');
    const sourceNote = span.priorKeys.length ? `\n及上年${word}数` : '';
    const title = cells.length ? `来自：\n${listed}${sourceNote}${goTo ? '\n（点击转到表格）' : ''}` : `来自上年${word}数或填写的内容`;
    parts.push(
      <span
        key={span.start}
        className={`bd-pv-fig${cells.length && goTo ? ' is-link' : ''}`}
        title={title}
        data-cells={cells.map((c) => `${c.table}/${c.row}/${c.col}`).join(' ')}
        onClick={cells.length && goTo ? () => goTo(cells[0]!) : undefined}
      >
        {span.text}
      </span>,
    );
    at = span.start + span.text.length;
  }
  if (at < block.text.length) parts.push(block.text.slice(at));
  return parts;
}

/** One paragraph as it will read in the document; generated ones can be typed over (改写) and restored. */
function Para({ session, block, nameCell }: { session: SessionPort; block: ParaBlock; nameCell: NameCell }) {
  const [editing, setEditing] = useState(false);
  const key = overrideKey(block.id);
  return (
    <div className={`bd-pv-para${block.overridden ? ' is-overridden' : ''}`} data-paragraph={block.id}>
      {editing ? (
        <TextInput value={block.text} multiline onCommit={(v) => { commitInput(session, key, v === block.generatedText ? undefined : v, '改写说明文字'); setEditing(false); }} />
      ) : (
        <p><TracedText block={block} nameCell={nameCell} word={figuresWord(session.template)} /></p>
      )}
      {block.generated ? (
        <span className="bd-pv-actions">
          {!editing ? <button type="button" className="bd-plain" onClick={() => setEditing(true)}>改写</button> : null}
          {block.overridden ? <button type="button" className="bd-plain" onClick={() => commitInput(session, key, undefined, '恢复自动生成的文字')}>恢复自动生成</button> : null}
        </span>
      ) : null}
    </div>
  );
}

function Grid({ block }: { block: Extract<Block, { kind: 'grid' }> }) {
  return (
    <div className="bd-pv-grid">
      <div className="bd-pv-grid-title">{block.title}</div>
      {block.subtitle ? <div className="bd-pv-grid-sub">{block.subtitle}</div> : null}
      <table>
        <tbody>
          {block.rows.map((row, i) => (
            <tr key={i}>
              {row.map((c, k) => (
                <td key={k} colSpan={c.colSpan} rowSpan={c.rowSpan} style={{ textAlign: c.align ?? 'center', fontWeight: c.bold ? 600 : undefined, whiteSpace: 'pre-wrap' }}>
                  {c.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The live preview: the section's generated text exactly as the Word export will print it. */
export function Preview({ session, node }: { session: SessionPort; node: RenderedNode }) {
  // Row names change with the document; the namer indexes rows lazily, so one per version is cheap.
  const version = session.version;
  const nameCell = useMemo<NameCell>(() => {
    const print = cellPrinter(session.template, session.doc);
    return (cell) => {
      const p = print(cell);
      return `${p.table} ${p.row} ${p.column}`;
    };
  }, [session, version]);
  return <PreviewNode session={session} node={node} nameCell={nameCell} />;
}

function PreviewNode({ session, node, nameCell }: { session: SessionPort; node: RenderedNode; nameCell: NameCell }) {
  return (
    <div className="bd-pv-node">
      {node.title && node.depth > 0 ? <div className={`bd-pv-h${Math.min(node.depth, 3)}`}>{node.title}</div> : null}
      {node.blocks.map((b) =>
        b.kind === 'para' ? <Para key={b.id} session={session} block={b} nameCell={nameCell} />
          : b.kind === 'grid' ? <Grid key={b.id} block={b} />
            : <div key={b.id} className={`bd-pv-h${b.level}`}>{b.text}</div>)}
      {node.children.map((c) => (c.node.kind === 'table' ? null : <PreviewNode key={c.node.id} session={session} node={c} nameCell={nameCell} />))}
    </div>
  );
}
