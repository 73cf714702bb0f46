import type { RowData } from '../document/document';
import { tableShape, type TableShape } from './table-shape';
import type { TableDef } from '../template/template.schema';

/**
 * The structure of one table's current row list: rows by id, key and position; the code tree (合计 → 类 → 款 → 项,
 * a project under its 项, 部门/单位 rows over their members) or, for fixed rows, the template's row formulas as
 * signed terms; which rows are computed and in which order (terms before the sums that read them); and the amounts
 * mirrored into one Float64Array, one slot per cell (row × stride + column), so that a cell is a dense integer id.
 *
 * Built once per row list; a row-list change builds a new one (StructureModel). Everything that asks "what sums
 * into what" — the editor's recomputation, deriveTable, 舍位平衡, the rule engine — reads this.
 */
export const TOTAL_ROW_ID = 'total';
const PROJECT_ID = /^p\d+$/;

export function isProjectRowId(id: string): boolean {
  return PROJECT_ID.test(id);
}

/** Project rows (表7) are p1, p2, …: many share a code, so they are keyed by id. */
export function isProjectRow(row: RowData): boolean {
  return PROJECT_ID.test(row.id);
}

/** How rows match across tables: by code (208, 2101501, c208 ↔ 208), else by id (total, inTotal, p3). */
export function rowKey(row: RowData): string {
  return row.code !== undefined && !isProjectRow(row) ? row.code : row.id;
}

const EMPTY = new Int32Array(0);

export class TableStructure {
  readonly shape: TableShape;
  readonly length: number;
  /** Row id → first position. */
  readonly pos = new Map<string, number>();
  /** Per row: rowKey; the first row of each key; whether the row is that first row. */
  readonly keys: string[];
  readonly byKey = new Map<string, number>();
  readonly first: Uint8Array;
  /** 0 = 类, 1 = 款, 2 = 项 by code length; -1 for rows without a code, project rows and the 合计 row. */
  readonly level: Int8Array;
  /** Children (CSR): a group row's members in the code tree, or a fixed row's formula terms, with their signs. */
  private readonly childStart: Int32Array;
  private readonly childRow: Int32Array;
  private readonly childSign: Int8Array;
  /** Rows whose amounts are computed from their children (合计, 类/款 with subtotals, 部门/单位, formula rows). */
  readonly computed: Uint8Array;
  /** For each row, the computed rows that read it (CSR). */
  private readonly depStart: Int32Array;
  private readonly depRow: Int32Array;
  /** Evaluation rank: 0 for inputs, else 1 + the highest rank among the row's terms. */
  readonly rank: Int32Array;
  /** Computed rows in topological order (by rank). */
  readonly order: Int32Array;
  /** Amount mirror: row i, column c at i × stride + c (exact integers). */
  readonly values: Float64Array;
  /** Snapshot of what decides the structure, to notice a row list changed outside the commands. */
  private readonly ids: string[];
  private readonly codes: (string | undefined)[];
  private readonly units: (string | undefined)[];
  private readonly orgs: (string | undefined)[];
  private underMap: Map<string, number[]> | undefined;

  constructor(
    readonly def: TableDef,
    readonly rows: RowData[],
  ) {
    const shape = (this.shape = tableShape(def));
    const n = (this.length = rows.length);
    this.keys = new Array<string>(n);
    this.first = new Uint8Array(n);
    this.level = new Int8Array(n);
    this.ids = new Array<string>(n);
    this.codes = new Array<string | undefined>(n);
    this.units = new Array<string | undefined>(n);
    this.orgs = new Array<string | undefined>(n);
    this.values = new Float64Array(n * shape.stride);
    const levels = shape.levels;
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      this.ids[i] = row.id;
      this.codes[i] = row.code;
      this.units[i] = row.unit;
      this.orgs[i] = row.org;
      if (!this.pos.has(row.id)) this.pos.set(row.id, i);
      const project = isProjectRow(row);
      const key = row.code !== undefined && !project ? row.code : row.id;
      this.keys[i] = key;
      if (!this.byKey.has(key)) {
        this.byKey.set(key, i);
        this.first[i] = 1;
      }
      this.level[i] = row.code === undefined || project ? -1 : levels.indexOf(row.code.length);
    }
    this.reload();
    const lists: { row: number; sign: 1 | -1 }[][] = Array.from({ length: n }, () => []);
    const computed = (this.computed = new Uint8Array(n));
    if (def.rows.kind === 'coded' || def.rows.kind === 'projects') this.codeTree(lists, computed);
    else this.formulaRows(lists, computed);
    // CSR of children and of dependents.
    const childStart = (this.childStart = new Int32Array(n + 1));
    for (let i = 0; i < n; i++) childStart[i + 1] = childStart[i] + lists[i].length;
    this.childRow = new Int32Array(childStart[n]);
    this.childSign = new Int8Array(childStart[n]);
    for (let i = 0; i < n; i++) {
      let k = childStart[i];
      for (const t of lists[i]) {
        this.childRow[k] = t.row;
        this.childSign[k++] = t.sign;
      }
    }
    this.rank = new Int32Array(n);
    this.order = this.rankRows();
    const depCount = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) if (computed[i]) for (const t of lists[i]) depCount[t.row + 1]++;
    for (let i = 0; i < n; i++) depCount[i + 1] += depCount[i];
    this.depStart = depCount;
    this.depRow = new Int32Array(depCount[n]);
    const fill = depCount.slice(0, n);
    for (let i = 0; i < n; i++) if (computed[i]) for (const t of lists[i]) this.depRow[fill[t.row]++] = i;
  }

  /** Re-reads every amount from the rows (documents are sparse: only present values are walked). */
  reload(): void {
    const { stride, colIndex, nameSlot } = this.shape;
    const values = this.values;
    values.fill(0);
    for (let i = 0; i < this.length; i++) {
      const v = this.rows[i].values;
      const base = i * stride;
      for (const col in v) {
        const c = colIndex.get(col);
        if (c !== undefined && c !== nameSlot) values[base + c] = v[col];
      }
    }
  }

  /** Reads one cell from its row into the mirror; returns its slot, or -1 for an unknown row or column. */
  refresh(rowId: string, col: string): number {
    const r = this.pos.get(rowId);
    const c = this.shape.colIndex.get(col);
    if (r === undefined || c === undefined) return -1;
    const slot = r * this.shape.stride + c;
    if (c !== this.shape.nameSlot) this.values[slot] = this.rows[r].values[col] ?? 0;
    return slot;
  }

  /** Whether this structure still describes the row list (same array, ids, codes and organisation links). */
  matches(rows: RowData[]): boolean {
    if (rows !== this.rows || rows.length !== this.length) return false;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.id !== this.ids[i] || r.code !== this.codes[i] || r.unit !== this.units[i] || r.org !== this.orgs[i]) return false;
    }
    return true;
  }

  /** Cheap check that the row at a recorded position is still the row with that id. */
  positionOf(rowId: string): number {
    const i = this.pos.get(rowId);
    return i !== undefined && this.rows[i]?.id === rowId ? i : -1;
  }

  /** The first row with this id, else the first with this key (code). */
  find(idOrKey: string): number | undefined {
    return this.pos.get(idOrKey) ?? this.byKey.get(idOrKey);
  }

  children(i: number): Int32Array {
    return this.childRow.subarray(this.childStart[i], this.childStart[i + 1]);
  }

  childSigns(i: number): Int8Array {
    return this.childSign.subarray(this.childStart[i], this.childStart[i + 1]);
  }

  /** Children of the first row with this key (rule selectors: `sum(t3[children].*)`). */
  childrenOfKey(key: string): Int32Array {
    const i = this.byKey.get(key);
    return i === undefined ? EMPTY : this.children(i);
  }

  /** Terms of a computed row (empty for an input row). */
  terms(i: number): Int32Array {
    return this.computed[i] ? this.children(i) : EMPTY;
  }

  termSigns(i: number): Int8Array {
    return this.computed[i] ? this.childSigns(i) : (EMPTY as unknown as Int8Array);
  }

  /** The computed rows that read row i. */
  dependents(i: number): Int32Array {
    return this.depRow.subarray(this.depStart[i], this.depStart[i + 1]);
  }

  /**
   * Rows whose code starts with the key (any depth, the code itself included), e.g. 表7 projects under a 项 code;
   * under the 合计 key every row but the 合计 row. In a project table only project rows count (its 类/款/项 group
   * rows are sums of them).
   */
  under(key: string): readonly number[] {
    if (!this.underMap) {
      const projects = this.def.rows.kind === 'projects';
      const map = new Map<string, number[]>();
      const levels = this.shape.levels;
      for (let i = 0; i < this.length; i++) {
        const row = this.rows[i];
        if (row.id === TOTAL_ROW_ID || (projects && !isProjectRow(row))) continue;
        push(map, TOTAL_ROW_ID, i);
        const code = row.code;
        if (code === undefined) continue;
        for (const len of levels) if (len < code.length) push(map, code.slice(0, len), i);
        push(map, code, i);
      }
      this.underMap = map;
    }
    return this.underMap.get(key) ?? [];
  }

  /**
   * 合计 = Σ top rows; a row under the nearest printed ancestor by code (a project under its 项, or its 款 where no
   * 项 row is printed); group rows are computed when the table has subtotals (project tables always); a 部门/单位
   * row is the subtotal of the rows naming it in `unit` (organisation rows, and top rows), never part of 合计.
   */
  private codeTree(lists: { row: number; sign: 1 | -1 }[][], computed: Uint8Array): void {
    const model = this.def.rows as { kind: 'coded' | 'projects'; levels: number[]; subtotals?: boolean };
    const projects = model.kind === 'projects';
    const subtotals = projects || model.subtotals === true;
    const levels = [...model.levels].sort((a, b) => b - a);
    const rows = this.rows;
    const byCode = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.id === TOTAL_ROW_ID || r.org !== undefined || (projects && isProjectRow(r))) continue;
      const code = r.code ?? r.id;
      if (!byCode.has(code)) byCode.set(code, i);
    }
    const total = this.pos.get(TOTAL_ROW_ID);
    const orgOf = (unit: string | undefined): number | undefined => {
      const o = unit === undefined ? undefined : this.pos.get(unit);
      return o !== undefined && rows[o].org !== undefined ? o : undefined;
    };
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.id === TOTAL_ROW_ID) continue;
      if (r.org !== undefined) {
        const o = orgOf(r.unit);
        if (o !== undefined && o !== i) lists[o].push({ row: i, sign: 1 });
        continue;
      }
      const project = projects && isProjectRow(r);
      const code = r.code ?? (project ? '' : r.id);
      let parent: number | undefined;
      for (const len of levels) {
        if (len > code.length || (len === code.length && !project)) continue;
        const p = byCode.get(code.slice(0, len));
        if (p !== undefined && p !== i) {
          parent = p;
          break;
        }
      }
      if (parent !== undefined) {
        lists[parent].push({ row: i, sign: 1 });
        if (subtotals) computed[parent] = 1;
        continue;
      }
      if (total !== undefined) lists[total].push({ row: i, sign: 1 });
      const o = orgOf(r.unit);
      if (o !== undefined) lists[o].push({ row: i, sign: 1 });
    }
    if (total !== undefined) computed[total] = 1;
    for (let i = 0; i < rows.length; i++) if (rows[i].org !== undefined && lists[i].length > 0) computed[i] = 1;
  }

  /** Fixed rows: the template's row formulas over the rows present. */
  private formulaRows(lists: { row: number; sign: 1 | -1 }[][], computed: Uint8Array): void {
    for (const [id, terms] of this.shape.fixedTerms) {
      const i = this.pos.get(id);
      if (i === undefined) continue;
      for (const t of terms) {
        const j = this.pos.get(t.ref);
        if (j !== undefined) lists[i].push({ row: j, sign: t.sign });
      }
      computed[i] = 1;
    }
  }

  /** Longest chain of terms below each row; a cycle (hostile organisation links) leaves the rows on it as inputs. */
  private rankRows(): Int32Array {
    const n = this.length;
    const state = new Uint8Array(n);
    const rank = this.rank;
    const visit = (i: number): number => {
      if (state[i] === 2) return rank[i];
      if (state[i] === 1) return -1;
      state[i] = 1;
      let r = 0;
      if (this.computed[i]) {
        const kids = this.children(i);
        for (let k = 0; k < kids.length; k++) {
          const kr = visit(kids[k]);
          if (kr < 0) {
            this.computed[i] = 0;
            r = 0;
            break;
          }
          r = Math.max(r, kr + 1);
        }
      }
      state[i] = 2;
      rank[i] = r;
      return r;
    };
    let count = 0;
    for (let i = 0; i < n; i++) {
      visit(i);
      if (this.computed[i]) count++;
    }
    const order = new Int32Array(count);
    let k = 0;
    const byRank = Array.from({ length: n }, (_, i) => i).filter((i) => this.computed[i]);
    byRank.sort((a, b) => rank[a] - rank[b] || a - b);
    for (const i of byRank) order[k++] = i;
    return order;
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
