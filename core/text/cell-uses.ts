import type { CellRef } from '../document/document';
import type { RenderedNode } from './generate';
import type { FigureSpan } from './trace';

/**
 * Which sentences of the text use a cell: the reverse of the trace. From a table cell the officer can see every
 * sentence a change there will rewrite ("在说明中查看"), and the preview can show, for a figure, the cells it
 * comes from.
 */

const same = (a: CellRef, b: CellRef) => a.table === b.table && a.row === b.row && a.col === b.col;

/** The cells a printed figure reads: its own sources, and for a share the whole it is a share of. */
export function figureCells(span: FigureSpan): CellRef[] {
  return span.share ? [...span.cells, ...span.share.whole.filter((w) => !span.cells.some((c) => same(c, w)))] : span.cells;
}

export interface SentenceUse {
  /** Outline node the paragraph belongs to (opens that section). */
  nodeId: string;
  nodeTitle: string;
  paragraphId: string;
  text: string;
  /** The printed figures of the paragraph that read the cell ("17.68万元", "2.35%"). */
  figures: string[];
}

/** Every generated paragraph whose figures or statements read the cell, in reading order. */
export function sentencesUsingCell(nodes: readonly RenderedNode[], cell: CellRef): SentenceUse[] {
  const out: SentenceUse[] = [];
  const walk = (list: readonly RenderedNode[]) => {
    for (const n of list) {
      for (const b of n.blocks) {
        if (b.kind !== 'para') continue;
        // An officer's rewrite keeps the generated trace beside it: the sentence still states those figures.
        const spans = b.spans ?? b.generatedSpans ?? [];
        const figures = spans.filter((s) => figureCells(s).some((c) => same(c, cell))).map((s) => s.text);
        const claimed = (b.claims ?? []).some((c) => c.cells.some((x) => same(x, cell)));
        if (figures.length || claimed) out.push({ nodeId: n.node.id, nodeTitle: n.title, paragraphId: b.id, text: b.text, figures });
      }
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}
