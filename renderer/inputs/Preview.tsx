import { useState } from 'react';
import type { RenderedNode } from '../../core/text/generate';
import type { Block } from '../../core/text/blocks';
import { overrideKey } from '../../core/inputs/keys';
import type { SessionPort } from '../app/session-port';
import { commitInput, TextInput } from './fields';

/** One paragraph as it will read in the document; generated ones can be typed over (改写) and restored. */
function Para({ session, block }: { session: SessionPort; block: Extract<Block, { kind: 'para' }> }) {
  const [editing, setEditing] = useState(false);
  const key = overrideKey(block.id);
  return (
    <div className={`bd-pv-para${block.overridden ? ' is-overridden' : ''}`} data-paragraph={block.id}>
      {editing ? (
        <TextInput value={block.text} multiline onCommit={(v) => { commitInput(session, key, v === block.generatedText ? undefined : v, '改写说明文字'); setEditing(false); }} />
      ) : (
        <p>{block.text}</p>
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
  return (
    <div className="bd-pv-node">
      {node.title && node.depth > 0 ? <div className={`bd-pv-h${Math.min(node.depth, 3)}`}>{node.title}</div> : null}
      {node.blocks.map((b) =>
        b.kind === 'para' ? <Para key={b.id} session={session} block={b} />
          : b.kind === 'grid' ? <Grid key={b.id} block={b} />
            : <div key={b.id} className={`bd-pv-h${b.level}`}>{b.text}</div>)}
      {node.children.map((c) => (c.node.kind === 'table' ? null : <Preview key={c.node.id} session={session} node={c} />))}
    </div>
  );
}
