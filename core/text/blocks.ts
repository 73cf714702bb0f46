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

/**
 * A paragraph written to lead into what follows ("…合计824.50万元，其中：", "具体情况见下表（按项目分别填报）：") when
 * nothing follows it: the lead-in goes and the sentence ends there, so the release never stops mid-sentence or points
 * at a table it does not have. Figures, claims and quotes before the cut are kept as they were.
 */
export function endWithoutLead(block: ParaBlock): void {
  const text = block.text;
  let cut = text.replace(/[，,]?\s*其中\s*[：:]\s*$/, '');
  if (cut === text) cut = text.replace(/[^。；！？]*见下表[^。；！？]*[：:]\s*$/, '');
  if (cut === text) cut = text.replace(/[：:]\s*$/, '');
  cut = cut.replace(/[，,；;\s]+$/, '');
  if (!/[。！？]$/.test(cut)) cut += '。';
  if (cut === text) return;
  block.text = cut;
  const keep = cut.length - 1;
  if (block.spans) block.spans = block.spans.filter((s) => s.start + s.text.length <= keep);
  if (block.verbatim) block.verbatim = block.verbatim.filter((v) => v.start + v.length <= keep);
}

/** A paragraph from plain text, or from traced text whose figures, claims and quotes it keeps. */
export function para(id: string, text: string | Traced, generated = true): ParaBlock {
  if (typeof text === 'string') return { kind: 'para', id, text, generated };
  const block: ParaBlock = { kind: 'para', id, text: text.text, generated };
  if (text.spans.length) block.spans = text.spans;
  if (text.claims.length) block.claims = text.claims;
  if (text.verbatim.length) block.verbatim = text.verbatim;
  return block;
}
