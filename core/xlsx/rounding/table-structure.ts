import type { RowData } from '../../document/document';
import type { TableDef } from '../../template/template.schema';
import type { SumTerm } from '../../structure/formula';
import { tableShape } from '../../structure/table-shape';
import { TableStructure } from '../../structure/table-structure';

/**
 * The sums a table must keep, as two trees read from the structure model: rows (合计 → 类 → 款 → 项, or fixed
 * rows' formulas) and columns (合计 = 基本支出 + 项目支出, 小计 = Σ parts). A side-by-side table (表1, 表4) is two
 * independent blocks. A formula term with a minus is a child marked negative.
 */
export interface Block {
  rows: string[];
  cols: string[];
  /** parent id → child ids, in printed order */
  rowChildren: Map<string, string[]>;
  colChildren: Map<string, string[]>;
  rowRoots: string[];
  colRoots: string[];
  /** Children that enter their parent's sum with a minus ("a = b - c": c); absent means none. */
  rowNegative?: Set<string>;
  colNegative?: Set<string>;
}

interface Tree {
  children: Map<string, string[]>;
  roots: string[];
  negative: Set<string>;
}

/** A tree from signed sums: each id is the child of the first sum (in `ids` order) that takes it. */
function treeFrom(ids: string[], termsOf: (id: string) => readonly SumTerm[] | undefined): Tree {
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  const negative = new Set<string>();
  const known = new Set(ids);
  for (const id of ids) {
    const terms = termsOf(id)?.filter((t) => known.has(t.ref) && t.ref !== id && !hasParent.has(t.ref));
    if (!terms || terms.length === 0) continue;
    children.set(id, terms.map((t) => t.ref));
    for (const t of terms) {
      hasParent.add(t.ref);
      if (t.sign < 0) negative.add(t.ref);
    }
  }
  return { children, roots: ids.filter((id) => !hasParent.has(id)), negative };
}

/**
 * 合计 → 类 → 款 → 项 by code; in a project table each project under the deepest group row printed above it.
 * Organisation rows (部门/单位) are not part of the tree: they are subtotals of 类 rows that 合计 already sums, and
 * are set from their members after balancing (orgSubtotals).
 */
function codedRowTree(s: TableStructure): Tree {
  const children = new Map<string, string[]>();
  const hasParent = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    if (s.rows[i].org !== undefined) continue;
    const kids = [...s.children(i)].filter((k) => s.rows[k].org === undefined);
    if (kids.length === 0) continue;
    children.set(s.rows[i].id, kids.map((k) => s.rows[k].id));
    for (const k of kids) hasParent[k] = 1;
  }
  const roots: string[] = [];
  for (let i = 0; i < s.length; i++) if (!hasParent[i] && s.rows[i].org === undefined) roots.push(s.rows[i].id);
  return { children, roots, negative: new Set() };
}

/** Organisation rows in dependency order (单位 before their 部门) with their members, for setting after rounding. */
export function orgSubtotals(table: TableDef, rows: RowData[]): { id: string; members: string[] }[] {
  const s = new TableStructure(table, rows);
  const orgs = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.org !== undefined);
  const members = (i: number) => [...s.children(i)].map((k) => rows[k].id);
  return [...orgs.filter(({ r }) => r.org === 'unit'), ...orgs.filter(({ r }) => r.org === 'department')].map(({ r, i }) => ({ id: r.id, members: members(i) }));
}

export function tableBlocks(table: TableDef, rows: RowData[]): Block[] {
  const shape = tableShape(table);
  const formulaOf = new Map(shape.formulas.map((f) => [f.col, f.terms]));
  const colTree = (cols: string[]) => treeFrom(cols, (id) => formulaOf.get(id));
  const block = (rowIds: string[], cols: string[], rt: Tree): Block => {
    const ct = colTree(cols);
    return {
      rows: rowIds, cols, rowChildren: rt.children, rowRoots: rt.roots, colChildren: ct.children, colRoots: ct.roots,
      rowNegative: rt.negative, colNegative: ct.negative,
    };
  };
  const model = table.rows;
  if (model.kind === 'sideBySide') {
    return ([0, 1] as const).map((side) => {
      const rowIds = [...model.sides[side], model.totals[side]].map((d) => d.id);
      const cols = shape.amountCols.filter((c) => (shape.colSide.get(c) ?? 0) === side);
      return block(rowIds, cols, treeFrom(rowIds, (id) => shape.fixedTerms.get(id)));
    });
  }
  if (model.kind === 'fixed') return [block(shape.fixedRowIds, shape.amountCols, treeFrom(shape.fixedRowIds, (id) => shape.fixedTerms.get(id)))];
  return [block(rows.map((r) => r.id), shape.amountCols, codedRowTree(new TableStructure(table, rows)))];
}
