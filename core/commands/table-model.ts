import type { ColumnDef, TableDef, TemplateSet } from '../template/template.schema';
import { parseSignedSum as parseSumFormula, type SumTerm } from '../structure/formula';

/**
 * The static (template-derived) facts about a table that commands need on every edit: which columns are amounts,
 * which are computed by a column formula and in which order, and, for fixed-row tables, which rows are sums of
 * which other rows. Built once per table definition and cached.
 */
export interface ColumnFormula {
  col: string;
  terms: SumTerm[];
}

export interface TableModel {
  def: TableDef;
  amountCols: string[];
  amountColSet: Set<string>;
  textColSet: Set<string>;
  /** Column formulas in dependency order (a formula reading another formula column comes after it). */
  formulas: ColumnFormula[];
  formulaColSet: Set<string>;
  /** For side-by-side tables: the side each column belongs to. */
  colSide: Map<string, 0 | 1>;
  /** Fixed-row tables: rows computed as a signed sum of other rows. */
  fixedTerms: Map<string, SumTerm[]>;
  /** Fixed-row tables: for each row, the rows whose formula reads it. */
  fixedDependents: Map<string, string[]>;
  /** Fixed-row tables: evaluation rank (terms before the sums that read them). */
  fixedRank: Map<string, number>;
  /** Fixed-row tables: the side of each row (side-by-side), used to pick the columns a sum row fills. */
  rowSide: Map<string, 0 | 1>;
  /** Fixed rows in template order. */
  fixedRowIds: string[];
}

const cache = new WeakMap<TableDef, TableModel>();

export function tableModel(def: TableDef): TableModel {
  let m = cache.get(def);
  if (!m) {
    m = buildModel(def);
    cache.set(def, m);
  }
  return m;
}

export function findTable(template: TemplateSet, tableId: string): TableDef | undefined {
  return template.tables.find((t) => t.id === tableId);
}

function buildModel(def: TableDef): TableModel {
  const amountCols = def.columns.filter((c) => c.kind === 'amount').map((c) => c.id);
  const amountColSet = new Set(amountCols);
  const textColSet = new Set(def.columns.filter((c) => c.kind === 'text').map((c) => c.id));
  const colSide = new Map<string, 0 | 1>();
  for (const c of def.columns) if (c.side !== undefined) colSide.set(c.id, c.side);
  const formulas = orderFormulas(def.columns, amountColSet);
  const fixedTerms = new Map<string, SumTerm[]>();
  const fixedDependents = new Map<string, string[]>();
  const fixedRank = new Map<string, number>();
  const rowSide = new Map<string, 0 | 1>();
  const fixedRowIds: string[] = [];
  const rows = def.rows;
  const fixedDefs: { id: string; formula?: string; side?: 0 | 1 }[] = [];
  if (rows.kind === 'fixed') for (const r of rows.rows) fixedDefs.push(r);
  if (rows.kind === 'sideBySide') {
    for (const r of rows.sides[0]) fixedDefs.push({ ...r, side: 0 });
    for (const r of rows.sides[1]) fixedDefs.push({ ...r, side: 1 });
    fixedDefs.push({ ...rows.totals[0], side: 0 }, { ...rows.totals[1], side: 1 });
  }
  const ids = new Set(fixedDefs.map((r) => r.id));
  for (const r of fixedDefs) {
    fixedRowIds.push(r.id);
    if (r.side !== undefined) rowSide.set(r.id, r.side);
    if (!r.formula) continue;
    const terms = parseSumFormula(r.formula);
    if (!terms || terms.some((t) => !ids.has(t.ref) || t.ref === r.id)) continue;
    fixedTerms.set(r.id, terms);
    for (const t of terms) {
      const list = fixedDependents.get(t.ref) ?? [];
      list.push(r.id);
      fixedDependents.set(t.ref, list);
    }
  }
  // Rank by longest chain of terms; a cycle (a broken bureau set) leaves the rows involved as inputs.
  const visiting = new Set<string>();
  const rank = (id: string): number => {
    const known = fixedRank.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return -1;
    visiting.add(id);
    let r = 0;
    for (const t of fixedTerms.get(id) ?? []) {
      const tr = rank(t.ref);
      if (tr < 0) {
        fixedTerms.delete(id);
        r = 0;
        break;
      }
      r = Math.max(r, tr + 1);
    }
    visiting.delete(id);
    fixedRank.set(id, r);
    return r;
  };
  for (const id of fixedRowIds) rank(id);
  return {
    def, amountCols, amountColSet, textColSet, formulas, formulaColSet: new Set(formulas.map((f) => f.col)), colSide,
    fixedTerms, fixedDependents, fixedRank, rowSide, fixedRowIds,
  };
}

function orderFormulas(columns: readonly ColumnDef[], amountCols: Set<string>): ColumnFormula[] {
  const byCol = new Map<string, SumTerm[]>();
  for (const c of columns) {
    if (c.kind !== 'amount' || !c.formula) continue;
    const terms = parseSumFormula(c.formula);
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

/** The amount columns a sum row fills: on a side-by-side table only its own side's. */
export function sumColumnsForRow(model: TableModel, rowId: string): string[] {
  const side = model.rowSide.get(rowId);
  if (side === undefined) return model.amountCols.filter((c) => !model.formulaColSet.has(c));
  return model.amountCols.filter((c) => !model.formulaColSet.has(c) && (model.colSide.get(c) ?? side) === side);
}
