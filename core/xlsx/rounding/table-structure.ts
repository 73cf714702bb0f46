import type { RowData } from '../../document/document';
import type { TableDef } from '../../template/template.schema';
import { parseSignedSum } from '../../structure/formula';

/**
 * The sums a table must keep, as two trees: rows (合计 → 类 → 款 → 项, or fixed rows' formulas) and columns
 * (合计 = 基本支出 + 项目支出, 小计 = Σ parts). A side-by-side table (表1, 表4) is two independent blocks.
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

function treeFrom(
  ids: string[],
  formulaOf: (id: string) => string | undefined,
): { children: Map<string, string[]>; roots: string[]; negative: Set<string> } {
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  const negative = new Set<string>();
  const known = new Set(ids);
  for (const id of ids) {
    const formula = formulaOf(id);
    const terms = (formula ? parseSignedSum(formula) : null)?.filter((t) => known.has(t.ref) && t.ref !== id && !hasParent.has(t.ref));
    if (terms && terms.length > 0) {
      children.set(id, terms.map((t) => t.ref));
      for (const t of terms) {
        hasParent.add(t.ref);
        if (t.sign < 0) negative.add(t.ref);
      }
    }
  }
  return { children, roots: ids.filter((id) => !hasParent.has(id)), negative };
}

/**
 * 合计 → 类 → 款 → 项 by code; in a project table each project under the deepest group row printed above it.
 * Organisation rows (部门/单位) are not part of the tree: they are subtotals of 类 rows that 合计 already sums, and
 * are set from their members after balancing (orgSubtotals).
 */
function codedRowTree(rows: RowData[], levels: number[]): { children: Map<string, string[]>; roots: string[] } {
  const children = new Map<string, string[]>();
  const byCode = new Map<string, string>();
  const isProject = (r: RowData) => /^p\d+$/.test(r.id);
  for (const r of rows) if (r.code && !isProject(r) && r.org === undefined) byCode.set(r.code, r.id);
  const total = rows.find((r) => r.id === 'total');
  const roots: string[] = total ? [total.id] : [];
  const add = (parent: string, child: string) => {
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  };
  for (const r of rows) {
    if (r.id === 'total' || r.org !== undefined) continue;
    const code = r.code ?? '';
    let parent: string | undefined;
    for (const len of [...levels].reverse()) {
      if (len > code.length || (len === code.length && !isProject(r))) continue;
      const candidate = byCode.get(code.slice(0, len));
      if (candidate && candidate !== r.id) {
        parent = candidate;
        break;
      }
    }
    if (parent) add(parent, r.id);
    else if (total) add(total.id, r.id);
    else roots.push(r.id);
  }
  return { children, roots };
}

/** Organisation rows in dependency order (单位 before their 部门) with their members, for setting after rounding. */
export function orgSubtotals(rows: RowData[], levels: number[]): { id: string; members: string[] }[] {
  const tree = codedRowTree(rows, levels);
  const top = new Set(tree.children.get('total') ?? tree.roots);
  const orgs = rows.filter((r) => r.org !== undefined);
  const members = (id: string) => rows.filter((r) => r.unit === id && (r.org !== undefined || top.has(r.id))).map((r) => r.id);
  return [...orgs.filter((r) => r.org === 'unit'), ...orgs.filter((r) => r.org === 'department')].map((r) => ({ id: r.id, members: members(r.id) }));
}

export function tableBlocks(table: TableDef, rows: RowData[]): Block[] {
  const amountCols = table.columns.filter((c) => c.kind === 'amount');
  const colTree = (cols: typeof amountCols) => treeFrom(cols.map((c) => c.id), (id) => cols.find((c) => c.id === id)?.formula);
  const model = table.rows;
  if (model.kind === 'sideBySide') {
    return [0, 1].map((side) => {
      const defs = [...model.sides[side], model.totals[side]];
      const cols = amountCols.filter((c) => (c.side ?? 0) === side);
      const rowIds = defs.map((d) => d.id);
      const rt = treeFrom(rowIds, (id) => defs.find((d) => d.id === id)?.formula);
      const ct = colTree(cols);
      return { rows: rowIds, cols: cols.map((c) => c.id), rowChildren: rt.children, rowRoots: rt.roots, colChildren: ct.children, colRoots: ct.roots, rowNegative: rt.negative, colNegative: ct.negative };
    });
  }
  const ct = colTree(amountCols);
  const cols = amountCols.map((c) => c.id);
  if (model.kind === 'fixed') {
    const rowIds = model.rows.map((d) => d.id);
    const rt = treeFrom(rowIds, (id) => model.rows.find((d) => d.id === id)?.formula);
    return [{ rows: rowIds, cols, rowChildren: rt.children, rowRoots: rt.roots, colChildren: ct.children, colRoots: ct.roots, rowNegative: rt.negative, colNegative: ct.negative }];
  }
  if ((model.kind === 'coded' && model.subtotals) || model.kind === 'projects') {
    const rt = codedRowTree(rows, model.levels);
    return [{ rows: rows.map((r) => r.id), cols, rowChildren: rt.children, rowRoots: rt.roots, colChildren: ct.children, colRoots: ct.roots, colNegative: ct.negative }];
  }
  // Coded rows without subtotals: every row is a part of the 合计 row.
  const total = rows.find((r) => r.id === 'total');
  const others = rows.filter((r) => r.id !== 'total' && r.org === undefined).map((r) => r.id);
  const rowChildren = new Map<string, string[]>();
  if (total && others.length > 0) rowChildren.set(total.id, others);
  return [{ rows: rows.map((r) => r.id), cols, rowChildren, rowRoots: total ? [total.id] : others, colChildren: ct.children, colRoots: ct.roots, colNegative: ct.negative }];
}
