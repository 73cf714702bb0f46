/**
 * Generated text as blocks: what the preview pane shows and what the Word builder lays out. Plain data, so that a
 * test compares sentences and the renderer shows them without knowing Word.
 */
import type { Claim, FigureSpan, Traced, VerbatimRange } from './trace';

export interface GridCell {
  text: string;
  colSpan?: number;
  /** Vertical merge: the first cell of a merged run has rowSpan > 1; covered cells are absent from later rows. */
  rowSpan?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}

/**
 * A body paragraph. `generated` is false for officer text printed as written. A generated paragraph carries its
 * trace (core/text/trace.ts): `spans` index into `text`; when the officer typed over it, the trace moves to
 * `generatedSpans` beside `generatedText`, the wording the figures were checked against.
 */
export interface ParaBlock {
  kind: 'para';
  id: string;
  text: string;
  generated: boolean;
  overridden?: boolean;
  generatedText?: string;
  spans?: FigureSpan[];
  claims?: Claim[];
  verbatim?: VerbatimRange[];
  generatedSpans?: FigureSpan[];
}

export type Block =
  | ParaBlock
  /** A numbered heading inside a section that is not an outline node ("1、项目名称：…" stays a para). */
  | { kind: 'heading'; id: string; level: 1 | 2 | 3; text: string }
  /** A small table inside the text (绩效目标表): title lines and a grid with merged cells. */
  | { kind: 'grid'; id: string; title: string; subtitle?: string; columns: number[]; rows: GridCell[][] };

/** A paragraph from plain text, or from traced text whose figures, claims and quotes it keeps. */
export function para(id: string, text: string | Traced, generated = true): ParaBlock {
  if (typeof text === 'string') return { kind: 'para', id, text, generated };
  const block: ParaBlock = { kind: 'para', id, text: text.text, generated };
  if (text.spans.length) block.spans = text.spans;
  if (text.claims.length) block.claims = text.claims;
  if (text.verbatim.length) block.verbatim = text.verbatim;
  return block;
}
