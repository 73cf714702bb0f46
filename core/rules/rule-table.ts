import type { RowData } from '../document/document';
import type { TableDef } from '../template/template.schema';
import { isProjectRow, TableStructure, TOTAL_ROW_ID } from '../structure/table-structure';
import type { TableShape } from '../structure/table-shape';

export { isProjectRow, rowKey } from '../structure/table-structure';
export const TOTAL_KEY = TOTAL_ROW_ID;

/**
 * A table as the rule engine sees it: its number in the set and the words findings use for its rows and columns,
 * over the document's structure model (rows by id and key, code levels, children and the Float64 amount mirror).
 * The engine points it at a new TableStructure when the row list changes; rules never scan a table per instance.
 */
export class RuleTable {
  readonly shape: TableShape;
  readonly amountCols: string[];
  readonly colIndex: Map<string, number>;
  readonly stride: number;
  readonly nameCol: number;
  readonly levels: number[];
  readonly labels: Map<string, string>;
  private readonly headers = new Map<string, string>();
  s: TableStructure;
  /** The structure of the table while the document has no such table (no rows). */
  readonly empty: TableStructure;

  constructor(
    readonly tableNo: number,
    readonly def: TableDef,
  ) {
    this.s = this.empty = new TableStructure(def, []);
    this.shape = this.s.shape;
    this.amountCols = this.shape.amountCols;
    this.colIndex = this.shape.colIndex;
    this.stride = this.shape.stride;
    this.nameCol = this.shape.nameSlot;
    this.levels = this.shape.levels;
    this.labels = this.shape.labels;
    for (const c of def.columns) this.headers.set(c.id, c.header[c.header.length - 1].replace(/\s+/g, ''));
  }

  get rows(): RowData[] {
    return this.s.rows;
  }
  get values(): Float64Array {
    return this.s.values;
  }
  get byKey(): Map<string, number> {
    return this.s.byKey;
  }
  get keys(): string[] {
    return this.s.keys;
  }
  get first(): Uint8Array {
    return this.s.first;
  }
  get rowLevel(): Int8Array {
    return this.s.level;
  }

  /** Index of the first row with this id. */
  rowById(id: string): number | undefined {
    return this.s.pos.get(id);
  }

  /** 0 = 类, 1 = 款, 2 = 项 by code length; -1 for rows without a code, project rows and the 合计 row. */
  levelOf(row: RowData): number {
    return row.code === undefined || isProjectRow(row) ? -1 : this.levels.indexOf(row.code.length);
  }

  isTotal(row: RowData): boolean {
    return row.id === TOTAL_KEY;
  }

  /** The rows a row sums in the structure model (类 → 款, 合计 → 类, a 部门/单位 row → its members). */
  children(key: string): Int32Array {
    return this.s.childrenOfKey(key);
  }

  under(key: string): readonly number[] {
    return this.s.under(key);
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
    return this.headers.get(col) ?? col;
  }
}
