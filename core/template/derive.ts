import type { Amount } from '../amount/amount';
import type { RowData } from '../document/document';
import type { TableDef } from './template.schema';
import { formulaRefs, parseSignedSum } from '../structure/formula';

/**
 * A full recomputation of a table's derived cells from its inputs: column formulas (total = basic + project),
 * 类/款 rows and the 合计 row of coded tables, the 合计 of project tables, fixed-row formulas (收入总计 …).
 * Used to build consistent data (the sample, test documents); the editor's incremental path lives in
 * core/commands. Rows are returned in the same order, in canonical form (zero amounts absent).
 */
export function deriveTable(def: TableDef, rows: readonly RowData[]): RowData[] {
  const out = rows.map((r) => ({ ...r, values: { ...r.values } }));
  const amountCols = def.columns.filter((c) => c.kind === 'amount');
  const colSide = new Map(def.columns.map((c) => [c.id, c.side]));
  const rowSide = fixedRowSides(def);
  const applyColumnFormulas = (row: RowData) => {
    for (const col of orderedFormulaColumns(def)) {
      if (def.rows.kind === 'sideBySide' && rowSide.get(row.id) !== colSide.get(col.id)) continue;
      row.values[col.id] = signedSum(col.formula!, (ref) => row.values[ref] ?? 0);
    }
  };
  out.forEach(applyColumnFormulas);

  const model = def.rows;
  const byId = new Map(out.map((r) => [r.id, r]));
  if (model.kind === 'coded' || model.kind === 'projects') {
    const isProject = (r: RowData) => model.kind === 'projects' && /^p\d+$/.test(r.id);
    const groups = out.filter((r) => r.id !== 'total' && !isProject(r));
    const groupByCode = new Map(groups.map((r) => [r.code ?? r.id, r]));
    const parentOf = (r: RowData): RowData | undefined => {
      const code = r.code ?? r.id;
      const shorter = model.levels.filter((n) => (isProject(r) ? n <= code.length : n < code.length)).sort((a, b) => b - a);
      for (const n of shorter) {
        const p = groupByCode.get(code.slice(0, n));
        if (p && p !== r) return p;
      }
      return undefined;
    };
    const childrenOf = new Map<RowData, RowData[]>();
    const top: RowData[] = [];
    for (const r of out) {
      if (r.id === 'total') continue;
      const p = parentOf(r);
      if (p) childrenOf.set(p, [...(childrenOf.get(p) ?? []), r]);
      else top.push(r);
    }
    const subtotals = model.kind === 'projects' || model.subtotals;
    if (subtotals) {
      // Deepest groups first, so a 类 sums 款 that are already summed.
      const ordered = [...childrenOf.keys()].sort((a, b) => (b.code ?? b.id).length - (a.code ?? a.id).length);
      for (const g of ordered) {
        for (const col of amountCols) g.values[col.id] = childrenOf.get(g)!.reduce((s, c) => s + (c.values[col.id] ?? 0), 0);
      }
    }
    const total = byId.get('total');
    if (total) for (const col of amountCols) total.values[col.id] = top.reduce((s, c) => s + (c.values[col.id] ?? 0), 0);
  } else {
    for (const row of orderedFixedRows(def)) {
      const target = byId.get(row.id);
      if (!target) continue;
      for (const col of amountCols) {
        if (model.kind === 'sideBySide' && colSide.get(col.id) !== rowSide.get(row.id)) continue;
        target.values[col.id] = signedSum(row.formula, (ref) => byId.get(ref)?.values[col.id] ?? 0);
      }
    }
  }
  for (const r of out) {
    for (const [k, v] of Object.entries(r.values)) if (v === 0) delete r.values[k];
  }
  return out;
}

/** A template formula over values; an unparseable one (refused by set validation) computes 0. */
function signedSum(formula: string, value: (ref: string) => Amount): Amount {
  let total = 0;
  for (const t of parseSignedSum(formula) ?? []) total += t.sign * value(t.ref);
  return total;
}

function fixedRowSides(def: TableDef): Map<string, 0 | 1> {
  const sides = new Map<string, 0 | 1>();
  if (def.rows.kind === 'sideBySide') {
    for (const side of [0, 1] as const) {
      for (const r of [...def.rows.sides[side], def.rows.totals[side]]) sides.set(r.id, side);
    }
  }
  return sides;
}

/** Formula columns, each after the formula columns it reads. */
function orderedFormulaColumns(def: TableDef) {
  const formulaCols = def.columns.filter((c) => c.kind === 'amount' && c.formula !== undefined);
  return topoOrder(formulaCols.map((c) => ({ item: c, id: c.id, refs: formulaRefs(c.formula!) })));
}

/** Fixed rows that have a formula, each after the formula rows it reads. */
function orderedFixedRows(def: TableDef) {
  const model = def.rows;
  const rows = model.kind === 'fixed' ? model.rows : model.kind === 'sideBySide' ? [...model.sides[0], ...model.sides[1], ...model.totals] : [];
  const withFormula = rows.filter((r) => r.formula !== undefined) as (typeof rows[number] & { formula: string })[];
  return topoOrder(withFormula.map((r) => ({ item: r, id: r.id, refs: formulaRefs(r.formula) })));
}

function topoOrder<T>(nodes: { item: T; id: string; refs: string[] }[]): T[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: T[] = [];
  const visit = (id: string) => {
    const node = byId.get(id);
    if (!node || done.has(id) || visiting.has(id)) return; // a cycle was refused by validation; be safe anyway
    visiting.add(id);
    for (const ref of node.refs) visit(ref);
    visiting.delete(id);
    done.add(id);
    out.push(node.item);
  };
  for (const n of nodes) visit(n.id);
  return out;
}
