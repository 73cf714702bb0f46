import type { RowData } from '../../document/document';
import type { SheetGrid } from './sheet-reader';
import type { LocatedTable } from './table-locator';
import type { ImportIssue, UnmatchedLabel } from './import-report';
import { ReadContext, type ReadOptions } from './read-context';
import { readCodedRows } from './coded-rows';
import { readCodedSides, readsTwoLists } from './coded-sides';
import { readFixedRows } from './fixed-rows';

export type { ReadOptions } from './read-context';
export { amountOf, preciseAmountOf } from './read-context';

/**
 * Reads the body of a located table into document rows (amounts in hundredths of the sheet's unit) and keeps what
 * the release printed: every figure as printed (computed cells included), organisation and subtotal rows, notes.
 * Every cell that cannot be read is reported with its address, never guessed.
 */
export interface ReadTableResult {
  rows: RowData[];
  /** Rows kept (organisation and subtotal rows included). */
  read: number;
  issues: ImportIssue[];
  /** Notes printed in or under the table, joined by line breaks. */
  note?: string;
  /** "rowId\u0001col" of the amount cells the sheet printed. */
  printed: Set<string>;
  zeros: number;
  blanks: number;
  unmatched: Omit<UnmatchedLabel, 'tableTitle'>[];
  mapped: { table: string; kind: 'row'; label: string; to: string | null }[];
}

export function readTable(grid: SheetGrid, loc: LocatedTable, options: ReadOptions = {}): ReadTableResult {
  const ctx = new ReadContext(grid, loc, options);
  const kind = loc.table.rows.kind;
  const rows = readsTwoLists(loc) ? readCodedSides(ctx) : kind === 'coded' || kind === 'projects' ? readCodedRows(ctx) : readFixedRows(ctx);
  const read = new Set([...ctx.printed].map((k) => k.split('\u0001')[0])).size;
  return {
    rows,
    read,
    issues: ctx.issues,
    ...(ctx.notes.length > 0 ? { note: ctx.notes.join('\n') } : {}),
    printed: ctx.printed,
    zeros: ctx.zeros,
    blanks: ctx.blanks,
    unmatched: ctx.unmatched,
    mapped: ctx.mapped,
  };
}
