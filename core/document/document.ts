import type { Amount } from '../amount/amount';

/**
 * The disclosure document: everything the officer prepares for one release, saved as one JSON file (*.ysgk).
 *
 * Canonical form (so that "undo all" gives a deep-equal document and files diff cleanly):
 * - amounts are integers in hundredths of the printed unit; a zero amount is never stored (absent = 0);
 * - empty texts are never stored (absent = "");
 * - rows keep the order they are printed in.
 */
export const FORMAT_NAME = 'budget-disclosure';
export const FORMAT_VERSION = 2;
export const FILE_EXTENSION = 'ysgk';

export type EntityKind = '部门' | '单位';
export type AmountUnit = '万元' | '元';

export interface DocumentMeta {
  /** Unit name as printed on the cover and the closing line: 若羌县医疗保障局. */
  unitName: string;
  /** The name after "编制部门：" on every table (may be an abbreviation: 乌尔禾区医保局). */
  compiler: string;
  entityKind: EntityKind;
  year: number;
  templateId: string;
  amountUnit: AmountUnit;
  /** Release date, ISO yyyy-mm-dd. */
  date: string;
  /** Region line on the cover: 新疆维吾尔自治区巴音郭楞蒙古自治州. */
  region?: string;
  /** 行政 / 参公 / 事业: decides whether 机关运行经费 must equal 公用经费. */
  unitType?: '行政' | '参公' | '事业' | '其他';
  /**
   * Zero amounts print blank (true) or as 0.00 (false) in the grid and both exports. Absent: the template's
   * display default. Import takes it from how the workbook printed its zeros.
   */
  blankZero?: boolean;
  /**
   * How amounts are written in the generated sentences: 'fixed2' with two decimals as the tables print them
   * (824.50万元), 'minimal' in the shortest form (824.5万元) as some releases write. Absent: 'fixed2'.
   * Percentages always print two decimals.
   */
  textAmountStyle?: 'fixed2' | 'minimal';
}

export interface RowData {
  /**
   * Stable id within its table: the full classification code for coded rows ("2101501"), "total" for the 合计 row,
   * the template's row id for fixed rows, "p<n>" for project rows.
   */
  id: string;
  /** Full classification code (coded and project rows). */
  code?: string;
  /** Name as printed: the code's name, or the project's name. */
  name?: string;
  /** Amount cells by column id; zero is absent. */
  values: Record<string, Amount>;
  /** Text cells by column id (rare: text columns of a table); empty is absent. */
  texts?: Record<string, string>;
  /**
   * An organisation row as releases print them above the codes (部门 "医保局", 单位 "[040001]乌尔禾区医保局"): its
   * figures are the subtotal of the rows that name it in `unit`. Id "org<n>"; `name` as printed; no code.
   */
  org?: OrgLevel;
  /** The organisation row (id) this row belongs to: a 单位 row for coded rows, a 部门 row for 单位 rows. */
  unit?: string;
}

export type OrgLevel = 'department' | 'unit';

export interface TableData {
  rows: RowData[];
  /** A note printed under the table ("注：…", "备注：本单位未安排…，因此本表为空表。"), as the release words it. */
  note?: string;
}

export const ORG_ROW_ID = /^org\d+$/;

/** Organisation rows (部门 / 单位 subtotals) are not classification rows: rules by code and the code tree skip them. */
export function isOrgRow(row: RowData): boolean {
  return row.org !== undefined;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface BudgetDocument {
  format: typeof FORMAT_NAME;
  version: number;
  meta: DocumentMeta;
  /** Table data by template table id. Every table of the set is present (possibly with no rows). */
  tables: Record<string, TableData>;
  /**
   * The officer's text inputs, by dotted key ("overview.duties", "reason.item.2101501", "usage.class.208",
   * "projects", …). Structured inputs (lists, indicator trees) are JSON values. The keys are listed in
   * core/inputs/INPUTS.md.
   */
  inputs: Record<string, JsonValue>;
  /** Last year's budget figures (上年预算数) by item key ("income.gpb", "item.2101501", "sangong.reception", …). */
  priorYear: Record<string, Amount>;
}

/** A cell is addressed by table id, row id and column id: the same triple in rules, findings, commands and the UI. */
export interface CellRef {
  table: string;
  row: string;
  col: string;
}

export function cellKey(ref: CellRef): string {
  return `${ref.table}\u0001${ref.row}\u0001${ref.col}`;
}

export function parseCellKey(key: string): CellRef {
  const [table, row, col] = key.split('\u0001');
  return { table, row, col };
}

export function getAmount(doc: BudgetDocument, ref: CellRef): Amount {
  const row = findRow(doc, ref.table, ref.row);
  return row?.values[ref.col] ?? 0;
}

export function findRow(doc: BudgetDocument, tableId: string, rowId: string): RowData | undefined {
  const table = doc.tables[tableId];
  if (!table) return undefined;
  return table.rows.find((r) => r.id === rowId);
}

/** Deep copy through JSON: documents are plain data by design. */
export function cloneDocument(doc: BudgetDocument): BudgetDocument {
  return JSON.parse(JSON.stringify(doc)) as BudgetDocument;
}

/** Whether zero amounts print blank: the document's own setting, else the template's default. */
export function blankZeroOf(meta: Pick<DocumentMeta, 'blankZero'>, templateDefault: boolean): boolean {
  return meta.blankZero ?? templateDefault;
}
