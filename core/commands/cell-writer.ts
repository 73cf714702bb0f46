import type { Amount } from '../amount/amount';
import type { BudgetDocument, CellRef, RowData } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { documentIndex, type DocumentIndex } from './doc-index';
import { sumColumnsForRow } from './table-model';

/** One cell value to write: a number goes to row.values (amount), a string to row.texts (text column). */
export interface CellValue extends CellRef {
  value: Amount | string;
}

/**
 * Writes cells in canonical form (zero / empty removed) and remembers the first old value of every cell it touches,
 * so a command can return the exact inverse and the precise list of cells that really changed.
 */
export class CellWriter {
  readonly index: DocumentIndex;
  private olds = new Map<string, CellValue>();

  constructor(
    readonly doc: BudgetDocument,
    readonly template: TemplateSet,
  ) {
    this.index = documentIndex(doc, template);
  }

  /** Returns true when the stored value changed. */
  write(table: string, row: RowData, col: string, value: Amount | string): boolean {
    const old = readCell(row, col, typeof value === 'number');
    if (old === value) return false;
    const key = `${table}\u0001${row.id}\u0001${col}`;
    if (!this.olds.has(key)) this.olds.set(key, { table, row: row.id, col, value: old });
    writeCell(row, col, value);
    return true;
  }

  /** Old values of the cells whose value now differs: the entries of the inverse. */
  inverseEntries(): CellValue[] {
    const out: CellValue[] = [];
    for (const o of this.olds.values()) {
      const row = this.index.row(o.table, o.row);
      if (!row) continue;
      if (readCell(row, o.col, typeof o.value === 'number') !== o.value) out.push(o);
    }
    return out;
  }

  changedCells(): CellRef[] {
    return this.inverseEntries().map(({ table, row, col }) => ({ table, row, col }));
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
 * sums above it (款, 类, 合计; fixed-row formulas), each row once, lower ranks first. Work is proportional to the
 * path from the edited rows to the top, not to the table.
 */
export function propagate(w: CellWriter, tableId: string, dirty: Map<string, Set<string>>): void {
  const t = w.index.table(tableId);
  if (!t) return;
  const model = t.model;
  const rankOf = (id: string) => t.rank.get(id) ?? 0;
  while (dirty.size > 0) {
    let min = Infinity;
    for (const id of dirty.keys()) min = Math.min(min, rankOf(id));
    const batch = [...dirty.keys()].filter((id) => rankOf(id) === min);
    for (const id of batch) {
      const cols = dirty.get(id)!;
      dirty.delete(id);
      const row = w.index.row(tableId, id);
      if (!row) continue;
      const changed = new Set<string>();
      const terms = t.terms.get(id);
      if (terms) {
        const side = model.rowSide.get(id);
        for (const c of cols) {
          if (!model.amountColSet.has(c) || model.formulaColSet.has(c)) continue;
          if (side !== undefined && (model.colSide.get(c) ?? side) !== side) continue;
          let v = 0;
          for (const term of terms) v += term.sign * (w.index.row(tableId, term.ref)?.values[c] ?? 0);
          if (w.write(tableId, row, c, v)) changed.add(c);
        }
      } else {
        for (const c of cols) if (model.amountColSet.has(c)) changed.add(c);
      }
      for (const f of model.formulas) {
        if (!f.terms.some((term) => changed.has(term.ref) || cols.has(term.ref))) continue;
        let v = 0;
        for (const term of f.terms) v += term.sign * (row.values[term.ref] ?? 0);
        if (w.write(tableId, row, f.col, v)) changed.add(f.col);
      }
      if (changed.size === 0) continue;
      for (const dep of t.dependents.get(id) ?? []) {
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
  for (const r of t.rows) dirty.set(r.id, new Set([...sumColumnsForRow(t.model, r.id), ...t.model.formulaColSet]));
  return dirty;
}

/** Whether a cell is computed (a formula column, or a sum row's amount cell): the grid shows it read-only. */
export function isComputedCell(doc: BudgetDocument, template: TemplateSet, ref: CellRef): boolean {
  const t = documentIndex(doc, template).table(ref.table);
  if (!t) return false;
  if (t.model.formulaColSet.has(ref.col)) return true;
  return t.model.amountColSet.has(ref.col) && t.terms.has(ref.row);
}
