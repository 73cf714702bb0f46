import type { BudgetDocument, RowData } from '../document/document';
import type { FixedRowDef, TableDef } from '../template/template.schema';

/**
 * Per-table index the rule engine evaluates against: rows by id and by key (code, else id), the amount cells
 * mirrored into one Float64Array (row-major, one slot per amount column, exact integers), and lazily the
 * parent → children and prefix → rows maps. Rebuilt only when the table's row list changes; never scanned per
 * rule instance.
 */

/** Functional codes when a table does not say (表1/表4 支出 lists): 类 3, 款 5, 项 7 digits. */
const DEFAULT_LEVELS = [3, 5, 7];
export const TOTAL_KEY = 'total';

export class TableIndex {
  readonly tableNo: number;
  readonly def: TableDef;
  /** Amount column ids in template order; their position is the column index in the mirror. */
  readonly amountCols: string[];
  readonly colIndex = new Map<string, number>();
  /** Slots per row: the amount columns plus one pseudo column standing for the row's name/code text. */
  readonly stride: number;
  readonly nameCol: number;
  readonly levels: number[];
  readonly labels = new Map<string, string>();
  rows: RowData[] = [];
  values: Float64Array = new Float64Array(0);
  byKey = new Map<string, number>();
  /** Rows whose id is not their key or that repeat a key (most rows are found through byKey: id = code). */
  private idExtra = new Map<string, number>();
  /** Per row: its key (rowKey), its level (levelOf) and whether it is the first row with that key. */
  keys: string[] = [];
  rowLevel: Int8Array = new Int8Array(0);
  first: Uint8Array = new Uint8Array(0);
  private childrenMap: Map<string, number[]> | undefined;
  private underMap: Map<string, number[]> | undefined;

  constructor(tableNo: number, def: TableDef) {
    this.tableNo = tableNo;
    this.def = def;
    this.amountCols = def.columns.filter((c) => c.kind === 'amount').map((c) => c.id);
    this.amountCols.forEach((id, i) => this.colIndex.set(id, i));
    this.nameCol = this.amountCols.length;
    for (const c of def.columns) if (c.kind !== 'amount') this.colIndex.set(c.id, this.nameCol);
    if (!this.colIndex.has('name')) this.colIndex.set('name', this.nameCol);
    this.stride = this.amountCols.length + 1;
    const model = def.rows;
    this.levels = model.kind === 'coded' || model.kind === 'projects' ? model.levels : DEFAULT_LEVELS;
    const fixed: FixedRowDef[] =
      model.kind === 'fixed' ? model.rows : model.kind === 'sideBySide' ? [...model.sides[0], ...model.sides[1], ...model.totals] : [];
    for (const r of fixed) this.labels.set(r.id, r.label.replace(/\s+/g, ''));
  }

  /** Re-reads the row list and every amount from the document (after load or a row-list change). */
  rebuild(doc: BudgetDocument): void {
    this.rows = doc.tables[this.def.id]?.rows ?? [];
    const n = this.rows.length;
    const stride = this.stride;
    this.values = new Float64Array(n * stride);
    this.byKey = new Map();
    this.idExtra = new Map();
    this.keys = new Array<string>(n);
    this.rowLevel = new Int8Array(n);
    this.first = new Uint8Array(n);
    this.childrenMap = undefined;
    this.underMap = undefined;
    const colIndex = this.colIndex;
    const nameCol = this.nameCol;
    for (let i = 0; i < n; i++) {
      const row = this.rows[i];
      const project = isProjectRow(row);
      const key = row.code !== undefined && !project ? row.code : row.id;
      this.keys[i] = key;
      if (!this.byKey.has(key)) {
        this.byKey.set(key, i);
        this.first[i] = 1;
        if (row.id !== key && !this.idExtra.has(row.id)) this.idExtra.set(row.id, i);
      } else if (!this.idExtra.has(row.id)) this.idExtra.set(row.id, i);
      this.rowLevel[i] = row.code === undefined || project ? -1 : this.levels.indexOf(row.code.length);
      // Documents are sparse (zero is absent): walk the present values, not every column.
      const values = row.values;
      const base = i * stride;
      for (const col in values) {
        const c = colIndex.get(col);
        if (c !== undefined && c !== nameCol) this.values[base + c] = values[col];
      }
    }
  }

  /** Index of the first row with this id. */
  rowById(id: string): number | undefined {
    const i = this.byKey.get(id);
    if (i !== undefined && this.rows[i].id === id) {
      const extra = this.idExtra.get(id);
      return extra !== undefined && extra < i ? extra : i;
    }
    return this.idExtra.get(id);
  }

  /** Refreshes one cell from the document; returns the slot, or -1 if the row or column is unknown/unchanged. */
  refresh(doc: BudgetDocument, rowId: string, col: string): number {
    const r = this.rowById(rowId);
    const c = this.colIndex.get(col);
    if (r === undefined || c === undefined) return -1;
    const slot = r * this.stride + c;
    if (c === this.nameCol) return slot;
    const row = doc.tables[this.def.id]?.rows[r];
    const v = row?.values[col] ?? 0;
    if (this.values[slot] === v) return -1;
    this.values[slot] = v;
    return slot;
  }

  /** 0 = 类, 1 = 款, 2 = 项 by code length; -1 for rows without a code, project rows and the 合计 row. */
  levelOf(row: RowData): number {
    return row.code === undefined || isProjectRow(row) ? -1 : this.levels.indexOf(row.code.length);
  }

  isTotal(row: RowData): boolean {
    return row.id === TOTAL_KEY;
  }

  /**
   * Direct children by code: 类 rows under the 合计 row, 款 under their 类, 项 under their 款; in a project table
   * each row under the deepest group row above it (a project under its 项, or its 款 where the release prints no 项
   * rows); an organisation row's members (rows whose `unit` names it and that have no parent of their own).
   */
  children(key: string): readonly number[] {
    if (!this.childrenMap) {
      const map = new Map<string, number[]>();
      const projects = this.def.rows.kind === 'projects';
      const groups = new Set<string>();
      if (projects) for (const row of this.rows) if (!isProjectRow(row) && row.code !== undefined) groups.add(row.code);
      for (let i = 0; i < this.rows.length; i++) {
        const row = this.rows[i];
        if (row.org !== undefined) {
          if (row.unit !== undefined) push(map, row.unit, i);
          continue;
        }
        if (this.isTotal(row)) continue;
        let parent: string | undefined;
        if (projects) {
          const code = row.code ?? '';
          const own = isProjectRow(row) ? code.length : code.length - 1;
          for (let len = own; len > 0 && parent === undefined; len--) if (groups.has(code.slice(0, len)) && this.levels.includes(len)) parent = code.slice(0, len);
          parent ??= TOTAL_KEY;
        } else {
          const level = this.levelOf(row);
          if (level < 0) continue;
          parent = level === 0 ? TOTAL_KEY : row.code!.slice(0, this.levels[level - 1]);
        }
        push(map, parent, i);
        if (parent === TOTAL_KEY && row.unit !== undefined) push(map, row.unit, i);
      }
      this.childrenMap = map;
    }
    return this.childrenMap.get(key) ?? EMPTY;
  }

  /**
   * Rows whose code starts with the key (any depth, the code itself included), e.g. 表7 projects under a 项 code;
   * under the 合计 key: every row but the 合计 row. In a project table only project rows count (its 类/款/项
   * group rows are sums of them).
   */
  under(key: string): readonly number[] {
    if (!this.underMap) {
      const projects = this.def.rows.kind === 'projects';
      const map = new Map<string, number[]>();
      for (let i = 0; i < this.rows.length; i++) {
        const row = this.rows[i];
        if (this.isTotal(row) || (projects && !isProjectRow(row))) continue;
        push(map, TOTAL_KEY, i);
        const code = row.code;
        if (code === undefined) continue;
        for (const len of this.levels) if (len < code.length) push(map, code.slice(0, len), i);
        push(map, code, i);
      }
      this.underMap = map;
    }
    return this.underMap.get(key) ?? EMPTY;
  }

  /** Printed label of a row: "2101501 行政运行", "合计", or the fixed row's label. */
  rowLabel(row: RowData | undefined, key: string): string {
    if (!row) return key === TOTAL_KEY ? '合计' : key;
    if (this.isTotal(row)) return this.labels.get(row.id) ?? '合计';
    const fixed = this.labels.get(row.id);
    if (fixed !== undefined) return fixed;
    if (row.code !== undefined) return row.name ? `${row.code} ${row.name}` : row.code;
    return row.name ?? row.id;
  }

  /** Leaf header label of a column, for messages and printed findings ("合计", "基本支出"). */
  columnLabel(col: string): string {
    const def = this.def.columns.find((c) => c.id === col);
    return def ? def.header[def.header.length - 1].replace(/\s+/g, '') : col;
  }
}

const PROJECT_ID = /^p\d+$/;

/** Project rows (表7) are p1, p2, …: many share a code, so they are keyed by id. */
export function isProjectRow(row: RowData): boolean {
  return PROJECT_ID.test(row.id);
}

/** How rows match across tables: by code (208, 2101501, c208 ↔ 208), else by id (total, inTotal, p3). */
export function rowKey(row: RowData): string {
  return row.code !== undefined && !isProjectRow(row) ? row.code : row.id;
}

const EMPTY: readonly number[] = [];

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
