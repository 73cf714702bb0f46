import type { CellRef } from '../../core/document/document';
import type { ColumnDef } from '../../core/template/template.schema';

/** One target cell of an edit, with the text the officer typed or pasted (parsed by the app through core). */
export interface CellEdit {
  ref: CellRef;
  col: ColumnDef;
  text: string;
}

/** What the grid asks the app to do; every call becomes exactly one core command (one undo step). */
export interface GridEdits {
  commit(edit: CellEdit): void;
  paste(edits: CellEdit[], size: { rows: number; cols: number }): void;
  clear(edits: CellEdit[]): void;
  /** A message for the status line (e.g. "粘贴区域超出表格，已截断"). */
  notify(message: string, tone?: 'info' | 'error'): void;
}

/** The grid's imperative surface for menus and toolbars. */
export interface GridHandle {
  copy(): Promise<void>;
  paste(): Promise<void>;
  pasteText(text: string): void;
  /** Document row ids of the rows the selection covers (side 0 for ordinary tables). */
  selectedRowIds(): string[];
  focusCell(ref: CellRef, flash: boolean): void;
  /** The cell that has the grid's focus, if any (在说明中查看 lists the sentences that read it). */
  focusedCell?(): CellRef | null;
  /** Ends an edit in progress, committing it (before save/export, so the file holds what the officer sees). */
  stopEditing(): void;
}
