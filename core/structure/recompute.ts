import type { Amount } from '../amount/amount';
import type { RowData } from '../document/document';
import { sameSide, sumColumnsForRow } from './table-shape';
import type { TableStructure } from './table-structure';

/**
 * How a computed cell gets its value, in one place: a computed row's input columns are the signed sum of its terms'
 * (its side's columns only, on a side-by-side table); a column formula is the signed sum of the row's other
 * columns. The editor's incremental recomputation, the full recomputation of a table and the import's filling of
 * unprinted sums all evaluate through these.
 */

/** Σ sign × term for column `col` of computed row i, read from the rows. */
export function sumOfTerms(ts: TableStructure, i: number, col: string): Amount {
  const terms = ts.terms(i);
  const signs = ts.termSigns(i);
  let v = 0;
  for (let k = 0; k < terms.length; k++) v += signs[k] * (ts.rows[terms[k]].values[col] ?? 0);
  return v;
}

/** The value of a column formula on a row. */
export function formulaOn(row: RowData, terms: readonly { ref: string; sign: 1 | -1 }[]): Amount {
  let v = 0;
  for (const t of terms) v += t.sign * (row.values[t.ref] ?? 0);
  return v;
}

export type CellSink = (row: number, col: string, value: Amount) => void;

/**
 * Every computed cell of a table from its inputs: computed rows in topological order (sums of their side's input
 * columns, then their formula columns), and the formula columns of every other row. `skip` leaves a cell as it is
 * (the import keeps printed figures); `write` must store the value in the row before returning.
 */
export function recomputeTable(ts: TableStructure, write: CellSink, skip?: (row: number, col: string) => boolean): void {
  const shape = ts.shape;
  const formulas = (i: number) => {
    const row = ts.rows[i];
    for (const f of shape.formulas) {
      if (!sameSide(shape, row.id, f.col) || skip?.(i, f.col)) continue;
      write(i, f.col, formulaOn(row, f.terms));
    }
  };
  for (let i = 0; i < ts.length; i++) if (!ts.computed[i]) formulas(i);
  for (const i of ts.order) {
    for (const col of sumColumnsForRow(shape, ts.rows[i].id)) if (!skip?.(i, col)) write(i, col, sumOfTerms(ts, i, col));
    formulas(i);
  }
}
