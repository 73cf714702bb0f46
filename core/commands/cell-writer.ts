import type { Amount } from '../amount/amount';
import type { BudgetDocument, CellRef, RowData } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { structureOf, type StructureModel } from '../structure/structure-model';
import { formulaOn, sumOfTerms } from '../structure/recompute';
import { sameSide, sumColumnsForRow } from '../structure/table-shape';

/** One cell value to write: a number goes to row.values (amount), a string to row.texts (text column). */
export interface CellValue extends CellRef {
  value: Amount | string;
}

/**
 * Writes cells in canonical form (zero / empty removed) and remembers the first old value of every cell it touches,
 * so a command can return the exact inverse and the precise list of cells that really changed. A writer lives for one
 * command step, during which no row is replaced, so cells are remembered by their row object: a pasted column of
 * 10,000 cells builds no key string per cell and looks no row up again at the end.
 */
export class CellWriter {
  readonly index: StructureModel;
  private olds: { table: string; row: RowData; col: string; value: Amount | string }[] = [];
  /** Per column, the row objects whose old value in it is already remembered (columns are few, rows many). */
  private seen = new Map<string, Set<RowData>>();

  constructor(
    readonly doc: BudgetDocument,
    readonly template: TemplateSet,
  ) {
    this.index = structureOf(doc, template);
  }

  /** Returns true when the stored value changed. */
  write(table: string, row: RowData, col: string, value: Amount | string): boolean {
    const old = readCell(row, col, typeof value === 'number');
    if (old === value) return false;
    let rows = this.seen.get(col);
    if (rows === undefined) this.seen.set(col, (rows = new Set()));
    if (!rows.has(row)) {
      rows.add(row);
      this.olds.push({ table, row, col, value: old });
    }
    writeCell(row, col, value);
    return true;
  }

  /**
   * What the writes changed: the cells whose value now differs from before (a cell written and written back is not
   * among them), and their old values in the order first written — the entries of the inverse.
   */
  outcome(): { cells: CellRef[]; restore: CellValue[] } {
    const cells: CellRef[] = [];
    const restore: CellValue[] = [];
    for (const o of this.olds) {
      if (readCell(o.row, o.col, typeof o.value === 'number') === o.value) continue;
      cells.push({ table: o.table, row: o.row.id, col: o.col });
      restore.push({ table: o.table, row: o.row.id, col: o.col, value: o.value });
    }
    return { cells, restore };
  }
}

export function readCell(row: RowData, col: string, amount: boolean): Amount | string {
  return amount ? (row.values[col] ?? 0) : (row.texts?.[col] ?? '');
}

export function writeCell(row: RowData, col: string, value: Amount | string): void {
  if (typeof value === 'number') {
    if (value === 0) delete row.values[col];
    else row.values[col] = value;
    return;
  }
  if (value === '') {
    if (row.texts) {
      delete row.texts[col];
      if (Object.keys(row.texts).length === 0) delete row.texts;
    }
    return;
  }
  (row.texts ??= {})[col] = value;
}

/**
 * Recomputes the computed cells that depend on the dirty cells of one table: the row's formula columns, then the
 * sums above it (款, 类, 合计; fixed-row formulas), each row once, lower ranks first (the structure model's
 * topological order). Work is proportional to the path from the edited rows to the top, not to the table.
 */
export function propagate(w: CellWriter, tableId: string, dirtyById: Map<string, Set<string>>): void {
  const t = w.index.table(tableId);
  if (!t) return;
  const shape = t.shape;
  const dirty = new Map<number, Set<string>>();
  for (const [id, cols] of dirtyById) {
    const i = t.positionOf(id);
    if (i >= 0) dirty.set(i, cols);
  }
  while (dirty.size > 0) {
    let min = Infinity;
    for (const i of dirty.keys()) min = Math.min(min, t.rank[i]);
    const batch = [...dirty.keys()].filter((i) => t.rank[i] === min);
    for (const i of batch) {
      const cols = dirty.get(i)!;
      dirty.delete(i);
      const row = t.rows[i];
      const changed = new Set<string>();
      if (t.computed[i]) {
        for (const c of cols) {
          if (!shape.amountColSet.has(c) || shape.formulaColSet.has(c) || !sameSide(shape, row.id, c)) continue;
          if (w.write(tableId, row, c, sumOfTerms(t, i, c))) changed.add(c);
        }
      } else {
        for (const c of cols) if (shape.amountColSet.has(c)) changed.add(c);
      }
      for (const f of shape.formulas) {
        if (!sameSide(shape, row.id, f.col)) continue;
        if (!f.terms.some((term) => changed.has(term.ref) || cols.has(term.ref))) continue;
        if (w.write(tableId, row, f.col, formulaOn(row, f.terms))) changed.add(f.col);
      }
      if (changed.size === 0) continue;
      for (const dep of t.dependents(i)) {
        const set = dirty.get(dep);
        if (set) for (const c of changed) set.add(c);
        else dirty.set(dep, new Set(changed));
      }
    }
  }
}

/** Marks every row of a table dirty in all its amount columns: a full recompute of that table. */
export function dirtyAll(w: CellWriter, tableId: string): Map<string, Set<string>> {
  const dirty = new Map<string, Set<string>>();
  const t = w.index.table(tableId);
  if (!t) return dirty;
  for (const r of t.rows) dirty.set(r.id, new Set([...sumColumnsForRow(t.shape, r.id), ...t.shape.formulaColSet]));
  return dirty;
}

/** Whether a cell is computed (a formula column, or a sum row's amount cell): the grid shows it read-only. */
export function isComputedCell(doc: BudgetDocument, template: TemplateSet, ref: CellRef): boolean {
  const model = structureOf(doc, template);
  const i = model.position(ref.table, ref.row);
  const t = model.table(ref.table);
  if (!t) return false;
  if (t.shape.formulaColSet.has(ref.col)) return true;
  return i >= 0 && t.shape.amountColSet.has(ref.col) && t.computed[i] === 1;
}
