/**
 * Generated text as blocks: what the preview pane shows and what the Word builder lays out. Plain data, so that a
 * test compares sentences and the renderer shows them without knowing Word.
 */

export interface GridCell {
  text: string;
  colSpan?: number;
  /** Vertical merge: the first cell of a merged run has rowSpan > 1; covered cells are absent from later rows. */
  rowSpan?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  /** A body paragraph. `generated` is false for officer text printed as written. */
  | { kind: 'para'; id: string; text: string; generated: boolean; overridden?: boolean; generatedText?: string }
  /** A numbered heading inside a section that is not an outline node ("1、项目名称：…" stays a para). */
  | { kind: 'heading'; id: string; level: 1 | 2 | 3; text: string }
  /** A small table inside the text (绩效目标表): title lines and a grid with merged cells. */
  | { kind: 'grid'; id: string; title: string; subtitle?: string; columns: number[]; rows: GridCell[][] };

export const para = (id: string, text: string, generated = true): Block => ({ kind: 'para', id, text, generated });
