import type { ColumnDef, FixedRowDef, TableDef } from '../template/template.schema';
import { parseSignedSum, type SumTerm } from './formula';

/**
 * What a table's definition alone says about its structure, built once per definition and cached: its amount
 * columns (their position is the column's slot in a row of the value mirror), the column formulas in dependency
 * order, the sides of a side-by-side table, and for fixed-row tables which rows are signed sums of which.
 */
export interface ColumnFormula {
  col: string;
  terms: SumTerm[];
}

/** Functional codes when a table does not say (表1/表4 支出 lists): 类 3, 款 5, 项 7 digits. */
const DEFAULT_LEVELS = [3, 5, 7];

export interface TableShape {
  def: TableDef;
  amountCols: string[];
  amountColSet: Set<string>;
  /** Column → slot in a row of the value mirror; text, code and name columns all map to the name slot. */
  colIndex: Map<string, number>;
  /** Slots per row: the amount columns plus one standing for the row's code/name texts. */
  stride: number;
  nameSlot: number;
  /** Code lengths of 类/款/项 (coded and project tables; the functional default for fixed lists with codes). */
  levels: number[];
  /** Column formulas in dependency order (a formula reading another formula column comes after it). */
  formulas: ColumnFormula[];
  formulaColSet: Set<string>;
  /** Side-by-side tables: the side of each column and of each row. */
  colSide: Map<string, 0 | 1>;
  rowSide: Map<string, 0 | 1>;
  /** Fixed-row tables: rows computed as a signed sum of other rows (cycles of a broken set left as inputs). */
  fixedTerms: Map<string, SumTerm[]>;
  /** Fixed rows in template order, with their printed labels (spaces removed). */
  fixedRowIds: string[];
  labels: Map<string, string>;
}

const cache = new WeakMap<TableDef, TableShape>();

export function tableShape(def: TableDef): TableShape {
  let s = cache.get(def);
  if (!s) cache.set(def, (s = buildShape(def)));
  return s;
}

/** The fixed rows of a fixed or side-by-side table (left side, right side, then the totals line). */
export function fixedRowDefs(def: TableDef): (FixedRowDef & { side?: 0 | 1 })[] {
  const rows = def.rows;
  if (rows.kind === 'fixed') return rows.rows;
  if (rows.kind !== 'sideBySide') return [];
  return [
    ...rows.sides[0].map((r) => ({ ...r, side: 0 as const })),
    ...rows.sides[1].map((r) => ({ ...r, side: 1 as const })),
    { ...rows.totals[0], side: 0 },
    { ...rows.totals[1], side: 1 },
  ];
}

function buildShape(def: TableDef): TableShape {
  const amountCols = def.columns.filter((c) => c.kind === 'amount').map((c) => c.id);
  const amountColSet = new Set(amountCols);
  const colIndex = new Map<string, number>();
  amountCols.forEach((id, i) => colIndex.set(id, i));
  const nameSlot = amountCols.length;
  for (const c of def.columns) if (c.kind !== 'amount') colIndex.set(c.id, nameSlot);
  if (!colIndex.has('name')) colIndex.set('name', nameSlot);
  const colSide = new Map<string, 0 | 1>();
  for (const c of def.columns) if (c.side !== undefined) colSide.set(c.id, c.side);
  const formulas = orderFormulas(def.columns, amountColSet);
  const model = def.rows;
  const levels = model.kind === 'coded' || model.kind === 'projects' ? model.levels : DEFAULT_LEVELS;
  const fixed = fixedRowDefs(def);
  const rowSide = new Map<string, 0 | 1>();
  const labels = new Map<string, string>();
  const ids = new Set(fixed.map((r) => r.id));
  const fixedTerms = new Map<string, SumTerm[]>();
  for (const r of fixed) {
    if (r.side !== undefined) rowSide.set(r.id, r.side);
    labels.set(r.id, r.label.replace(/\s+/g, ''));
    const terms = r.formula ? parseSignedSum(r.formula) : null;
    if (terms && terms.every((t) => ids.has(t.ref) && t.ref !== r.id)) fixedTerms.set(r.id, terms);
  }
  dropCycles(fixedTerms);
  return {
    def, amountCols, amountColSet, colIndex, stride: amountCols.length + 1, nameSlot, levels, formulas,
    formulaColSet: new Set(formulas.map((f) => f.col)), colSide, rowSide, fixedTerms, fixedRowIds: fixed.map((r) => r.id), labels,
  };
}

/** A row formula cycle (a broken bureau set) leaves the rows on it as inputs. */
function dropCycles(terms: Map<string, SumTerm[]>): void {
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): boolean => {
    const s = state.get(id);
    if (s === 2) return true;
    if (s === 1) return false;
    state.set(id, 1);
    let ok = true;
    for (const t of terms.get(id) ?? []) if (!visit(t.ref)) ok = false;
    if (!ok) terms.delete(id);
    state.set(id, 2);
    return true;
  };
  for (const id of [...terms.keys()]) visit(id);
}

function orderFormulas(columns: readonly ColumnDef[], amountCols: Set<string>): ColumnFormula[] {
  const byCol = new Map<string, SumTerm[]>();
  for (const c of columns) {
    if (c.kind !== 'amount' || !c.formula) continue;
    const terms = parseSignedSum(c.formula);
    if (terms && terms.every((t) => amountCols.has(t.ref) && t.ref !== c.id)) byCol.set(c.id, terms);
  }
  const out: ColumnFormula[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (col: string): boolean => {
    const s = state.get(col);
    if (s === 'done') return true;
    if (s === 'visiting') return false;
    state.set(col, 'visiting');
    const terms = byCol.get(col)!;
    for (const t of terms) if (byCol.has(t.ref) && !visit(t.ref)) return false;
    state.set(col, 'done');
    out.push({ col, terms });
    return true;
  };
  for (const col of byCol.keys()) visit(col);
  return out;
}

/** Whether a column belongs to a row's side (always, outside side-by-side tables). */
export function sameSide(shape: TableShape, rowId: string, col: string): boolean {
  const side = shape.rowSide.get(rowId);
  return side === undefined || (shape.colSide.get(col) ?? side) === side;
}

/** The amount columns a sum row fills: the input columns of its own side (formula columns follow from them). */
export function sumColumnsForRow(shape: TableShape, rowId: string): string[] {
  return shape.amountCols.filter((c) => !shape.formulaColSet.has(c) && sameSide(shape, rowId, c));
}
