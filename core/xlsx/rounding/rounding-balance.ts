import type { TableData } from '../../document/document';
import type { TemplateSet } from '../../template/template.schema';
import { allocate1D, allocate2D, remainderOf, roundHalfAway, floorDiv, type Preference } from './largest-remainder';
import { orgSubtotals, tableBlocks, type Block } from './table-structure';

/**
 * 舍位平衡: converts tables read in 元 (amounts in 分) to 万元 (hundredths) so that every printed sum still holds.
 *
 * Top-down: the roots are rounded ordinarily; then each group that must sum (children rows of a row, part columns
 * of a column) is rounded by largest remainder to its already rounded parent. Where both a row group and a column
 * group constrain the same cells (children rows × part columns) the cells are rounded as a matrix with both margins
 * fixed. Tables are processed most detailed first and a memory of "this figure went up / down" makes the same
 * figure round the same way in every table. Every cell whose value differs from ordinary rounding is listed.
 */

export interface RoundingAdjustment {
  table: string;
  row: string;
  col: string;
  /** The figure as read, in 分. */
  fen: number;
  /** Ordinary rounding, hundredths of 万元. */
  rounded: number;
  /** Value after balancing, hundredths of 万元. */
  adjusted: number;
}

/** A group whose figures did not add up already in the source, so it could not be balanced. */
export interface UnbalancedGroup {
  table: string;
  /** What should have summed, in Chinese. */
  description: string;
}

export interface BalanceResult {
  tables: Record<string, TableData>;
  adjustments: RoundingAdjustment[];
  unbalanced: UnbalancedGroup[];
}

const ROLE_ORDER = ['expenditure', 'income', 'gpbExpenditure', 'gpbBasic', 'gpbProjects', 'govFund', 'stateCapital', 'carryover', 'sangong', 'fiscalOverview', 'overview', 'other'];

export function balanceToWan(tablesInFen: Record<string, TableData>, template: TemplateSet): BalanceResult {
  const memory = new Map<number, 'up' | 'down'>();
  const pref: Preference = (v) => memory.get(v);
  const out: Record<string, TableData> = {};
  const adjustments: RoundingAdjustment[] = [];
  const unbalanced: UnbalancedGroup[] = [];
  const ordered = [...template.tables].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  for (const table of ordered) {
    const data = tablesInFen[table.id];
    if (!data) continue;
    const exact = new Map<string, Record<string, number>>();
    for (const r of data.rows) exact.set(r.id, r.values);
    const result = new Map<string, Map<string, number>>();
    const get = (row: string, col: string) => exact.get(row)?.[col] ?? 0;
    const set = (row: string, col: string, v: number) => {
      let m = result.get(row);
      if (!m) result.set(row, (m = new Map()));
      m.set(col, v);
      const fen = get(row, col);
      if (remainderOf(fen) !== 0) memory.set(fen, v > floorDiv(fen) ? 'up' : 'down');
    };
    const nameOf = (row: string) => data.rows.find((r) => r.id === row)?.name ?? row;
    const colName = (col: string) => table.columns.find((c) => c.id === col)?.header.join('/') ?? col;
    for (const block of tableBlocks(table, data.rows)) {
      balanceBlock(block, get, set, pref, (d) => unbalanced.push({ table: table.id, description: d }), nameOf, colName);
    }
    const rounded = {
      rows: data.rows.map((r) => {
        const values: Record<string, number> = {};
        for (const [col, fen] of Object.entries(r.values)) {
          const v = result.get(r.id)?.get(col) ?? roundHalfAway(fen);
          if (v !== 0) values[col] = v;
          if (v !== roundHalfAway(fen)) adjustments.push({ table: table.id, row: r.id, col, fen, rounded: roundHalfAway(fen), adjusted: v });
        }
        return { ...r, values };
      }),
    };
    setOrgSubtotals(table, rounded.rows);
    for (const r of rounded.rows) {
      if (r.org === undefined) continue;
      const cols = new Set([...Object.keys(r.values), ...Object.keys(exact.get(r.id) ?? {})]);
      for (const col of cols) {
        const fen = get(r.id, col);
        const v = r.values[col] ?? 0;
        if (v !== roundHalfAway(fen)) adjustments.push({ table: table.id, row: r.id, col, fen, rounded: roundHalfAway(fen), adjusted: v });
      }
    }
    out[table.id] = rounded;
  }
  for (const [id, data] of Object.entries(tablesInFen)) if (!out[id]) out[id] = data;
  const tableIndex = (id: string) => template.tables.findIndex((t) => t.id === id);
  adjustments.sort((a, b) => tableIndex(a.table) - tableIndex(b.table));
  return { tables: out, adjustments, unbalanced };
}

/** 部门/单位 rows print the sum of their members' rounded figures, as any subtotal does. */
function setOrgSubtotals(table: TemplateSet['tables'][number], rows: TableData['rows']): void {
  if (table.rows.kind !== 'coded' && table.rows.kind !== 'projects') return;
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const { id, members } of orgSubtotals(table, rows)) {
    const org = byId.get(id);
    if (!org || members.length === 0) continue;
    const values: Record<string, number> = {};
    for (const m of members) for (const [col, v] of Object.entries(byId.get(m)?.values ?? {})) values[col] = (values[col] ?? 0) + v;
    for (const col of Object.keys(values)) if (values[col] === 0) delete values[col];
    org.values = values;
  }
}

type Get = (row: string, col: string) => number;
type Set = (row: string, col: string, v: number) => void;

function descendantsBfs(roots: string[], children: Map<string, string[]>): string[] {
  const order: string[] = [];
  const queue = [...roots];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    order.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return order;
}

function balanceBlock(
  block: Block,
  get: Get,
  set: Set,
  pref: Preference,
  report: (description: string) => void,
  rowName: (id: string) => string,
  colName: (id: string) => string,
): void {
  const colOrder = descendantsBfs(block.colRoots, block.colChildren);
  const colParents = colOrder.filter((c) => block.colChildren.has(c));
  const rowOrder = descendantsBfs(block.rowRoots, block.rowChildren);
  // A part with a minus ("a = b - c") is balanced as its negation, so every group is a plain sum; rounding half
  // away from zero and floor/ceiling choices are symmetric, so negating back keeps each figure's rounding.
  const rs = (r: string) => (block.rowNegative?.has(r) ? -1 : 1);
  const cs = (c: string) => (block.colNegative?.has(c) ? -1 : 1);
  const value = new Map<string, number>();
  const key = (r: string, c: string) => `${r}\u0001${c}`;
  const put = (r: string, c: string, v: number) => {
    value.set(key(r, c), v);
    set(r, c, v);
  };
  const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rowConsistent = (r: string, parentCol: string, cols: string[]) => get(r, parentCol) === sumOf(cols.map((c) => cs(c) * get(r, c)));
  const colConsistent = (parentRow: string, rows: string[], c: string) => get(parentRow, c) === sumOf(rows.map((r) => rs(r) * get(r, c)));
  const warned = new Set<string>();
  const warnOnce = (k: string, text: string) => {
    if (!warned.has(k)) {
      warned.add(k);
      report(text);
    }
  };

  /** Splits a row's already rounded column-parent into its part columns. */
  const splitColumns = (r: string) => {
    for (const pc of colParents) {
      const parts = block.colChildren.get(pc) as string[];
      const target = value.get(key(r, pc)) ?? roundHalfAway(get(r, pc));
      const alloc = rowConsistent(r, pc, parts) ? allocate1D(parts.map((c) => cs(c) * get(r, c)), target, pref) : undefined;
      if (!alloc && rowConsistent(r, pc, parts)) warnOnce(`b${r}${pc}`, `“${rowName(r)}”行的“${colName(pc)}”各组成列无法平衡到合计，已按四舍五入，请核对尾差`);
      if (!alloc && !rowConsistent(r, pc, parts)) warnOnce(`r${r}${pc}`, `“${rowName(r)}”行的“${colName(pc)}”不等于各组成列之和，未做舍位平衡`);
      parts.forEach((c, i) => put(r, c, alloc ? cs(c) * alloc[i] : roundHalfAway(get(r, c))));
    }
  };

  for (const r of block.rowRoots) {
    for (const c of block.colRoots) put(r, c, roundHalfAway(get(r, c)));
    splitColumns(r);
  }
  for (const p of rowOrder) {
    const kids = block.rowChildren.get(p);
    if (!kids) continue;
    // Column roots: children rows sum to the parent row.
    for (const c of block.colRoots) {
      const ok = colConsistent(p, kids, c);
      const alloc = ok ? allocate1D(kids.map((k) => rs(k) * get(k, c)), value.get(key(p, c)) as number, pref) : undefined;
      if (!ok) warnOnce(`c${p}${c}`, `“${rowName(p)}”的“${colName(c)}”不等于其下各行之和，未做舍位平衡`);
      if (ok && !alloc) warnOnce(`a${p}${c}`, `“${rowName(p)}”的“${colName(c)}”其下各行无法平衡到合计，已按四舍五入，请核对尾差`);
      kids.forEach((k, i) => put(k, c, alloc ? rs(k) * alloc[i] : roundHalfAway(get(k, c))));
    }
    // Part columns: a matrix with row margins (each child's column parent) and column margins (the parent's parts).
    for (const pc of colParents) {
      const parts = block.colChildren.get(pc) as string[];
      const rowsOk = kids.every((k) => rowConsistent(k, pc, parts));
      const colsOk = parts.every((c) => colConsistent(p, kids, c));
      // Signed cell y = rs·cs·x: its rows sum to rs·(row margin) and its columns to cs·(column margin).
      const signed = (k: string, c: string) => rs(k) * cs(c) * get(k, c);
      let matrix: number[][] | undefined;
      if (rowsOk && colsOk) {
        matrix = allocate2D(
          kids.map((k) => parts.map((c) => signed(k, c))),
          kids.map((k) => rs(k) * (value.get(key(k, pc)) as number)),
          parts.map((c) => cs(c) * (value.get(key(p, c)) as number)),
          pref,
        );
      }
      if (!matrix && colsOk) {
        const byCol = parts.map((c) => allocate1D(kids.map((k) => signed(k, c)), cs(c) * (value.get(key(p, c)) as number), pref));
        if (byCol.every((x) => x)) matrix = kids.map((_, i) => byCol.map((col) => (col as number[])[i]));
      }
      if (!matrix && rowsOk) {
        const byRow = kids.map((k) => allocate1D(parts.map((c) => signed(k, c)), rs(k) * (value.get(key(k, pc)) as number), pref));
        if (byRow.every((x) => x)) matrix = byRow as number[][];
      }
      if (!colsOk) for (const c of parts) if (!colConsistent(p, kids, c)) warnOnce(`c${p}${c}`, `“${rowName(p)}”的“${colName(c)}”不等于其下各行之和，未做舍位平衡`);
      if (!rowsOk) for (const k of kids) if (!rowConsistent(k, pc, parts)) warnOnce(`r${k}${pc}`, `“${rowName(k)}”行的“${colName(pc)}”不等于各组成列之和，未做舍位平衡`);
      if (!matrix && rowsOk && colsOk) warnOnce(`m${p}${pc}`, `“${rowName(p)}”之下各行的“${colName(pc)}”各组成列无法同时满足行、列合计，已按四舍五入，请核对尾差`);
      kids.forEach((k, i) => parts.forEach((c, j) => put(k, c, matrix ? rs(k) * cs(c) * matrix[i][j] : roundHalfAway(get(k, c)))));
    }
  }
}
