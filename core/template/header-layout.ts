import type { ColumnDef, FixedRowDef, TableDef } from './template.schema';

/**
 * The printed multi-level header of a table, computed once from the columns' header paths so that the grid, the
 * Excel workbook and the Word tables merge exactly the same cells.
 *
 * Rules: the grid has as many header rows as the longest path; a path's leaf spans every row left below it (a
 * one-level "合计" beside a two-level group covers both rows); a group label spans the adjacent columns that share
 * it and everything above it.
 */

export interface HeaderCell {
  /** 0-based header row. */
  row: number;
  /** 0-based column index (position in table.columns). */
  col: number;
  rowSpan: number;
  colSpan: number;
  label: string;
  /** Set for a leaf cell: the column it heads. */
  columnId?: string;
}

export interface HeaderLayout {
  /** Number of header rows. */
  depth: number;
  /** Cells in reading order (row by row, left to right); covered positions have no cell. */
  cells: HeaderCell[];
}

export function headerLayout(columns: readonly Pick<ColumnDef, 'id' | 'header'>[]): HeaderLayout {
  const depth = columns.reduce((max, c) => Math.max(max, c.header.length), 0);
  const cells: HeaderCell[] = [];
  for (let row = 0; row < depth; row++) {
    let col = 0;
    while (col < columns.length) {
      const path = columns[col].header;
      if (row >= path.length) {
        col++; // covered by this column's leaf, which spans down from a higher row
        continue;
      }
      if (row === path.length - 1) {
        cells.push({ row, col, rowSpan: depth - row, colSpan: 1, label: path[row], columnId: columns[col].id });
        col++;
        continue;
      }
      // A group label: merge the run of adjacent columns with the same labels from the top down to this row.
      let end = col + 1;
      while (end < columns.length && sameGroup(columns[end].header, path, row)) end++;
      cells.push({ row, col, rowSpan: 1, colSpan: end - col, label: path[row] });
      col = end;
    }
  }
  return { depth, cells };
}

function sameGroup(candidate: readonly string[], path: readonly string[], row: number): boolean {
  if (candidate.length - 1 <= row) return false; // the candidate's leaf is at this row or above: not in the group
  for (let r = 0; r <= row; r++) if (candidate[r] !== path[r]) return false;
  return true;
}

/** A dense matrix of the header (depth × columns): every position gives the label printed there (merged cells repeat it). */
export function headerMatrix(columns: readonly Pick<ColumnDef, 'id' | 'header'>[]): string[][] {
  const { depth, cells } = headerLayout(columns);
  const matrix = Array.from({ length: depth }, () => Array.from({ length: columns.length }, () => ''));
  for (const cell of cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) matrix[r][c] = cell.label;
    }
  }
  return matrix;
}

/**
 * The 2021-style column-number row (栏次) as printed: amount columns numbered 1, 2, 3 …; code and name columns
 * "**" ("** ** ** ** 1 2 3" in the 2021 release).
 */
export function columnNumbers(table: Pick<TableDef, 'columns'>): string[] {
  let n = 0;
  return table.columns.map((c) => (c.kind === 'amount' ? String(++n) : '**'));
}

/**
 * Whether a table prints the column-number row: the set's display option, except for the side-by-side 收支总表
 * (表一/表四 of the 2021 release print none).
 */
export function hasColumnNumberRow(set: { display: { columnNumberRow: boolean } }, table: Pick<TableDef, 'rows'>): boolean {
  return set.display.columnNumberRow && table.rows.kind !== 'sideBySide';
}

/** Fills the set's placeholders: {主体} (部门/单位), {单位名称}, {年度}. Unknown placeholders are kept as written. */
export function fillPlaceholders(text: string, values: { 主体?: string; 单位名称?: string; 年度?: string | number }): string {
  return text.replace(/\{(主体|单位名称|年度)\}/g, (whole, key: keyof typeof values) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/** The printed title: "{主体}收支总体情况表" → 部门收支总体情况表 / 单位收支总体情况表. */
export function tableTitle(table: Pick<TableDef, 'title'>, entityKind: '部门' | '单位'): string {
  return fillPlaceholders(table.title, { 主体: entityKind });
}

/** The empty-table note of a table, filled for a document; undefined when the template has none. */
export function tableEmptyNote(
  table: Pick<TableDef, 'emptyNote'>,
  meta: { entityKind: '部门' | '单位'; unitName: string; year: number },
): string | undefined {
  if (table.emptyNote === undefined) return undefined;
  return fillPlaceholders(table.emptyNote, { 主体: meta.entityKind, 单位名称: meta.unitName, 年度: meta.year });
}

/** The leaf header label of a column: the name users, findings and the CLI use ("基本支出"). */
export function leafLabel(column: Pick<ColumnDef, 'header'>): string {
  return column.header[column.header.length - 1];
}

/**
 * The level of a classification code in a table's code levels: 0 = 类, 1 = 款, 2 = 项; -1 when the length fits
 * no level (a structurally wrong code).
 */
export function rowLevel(code: string, levels: readonly number[]): number {
  return levels.indexOf(code.length);
}

/** Splits a full code into its printed parts per level: "2080505" with [3,5,7] → ["208", "05", "05"]. */
export function codeParts(code: string, levels: readonly number[]): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const end of levels) {
    if (code.length < end) break;
    parts.push(code.slice(start, end));
    start = end;
  }
  return parts;
}

/** The part of a code a split code column shows: lei → "208", kuan → "05", xiang → "05"; full → the code. */
export function codePartFor(code: string, part: 'lei' | 'kuan' | 'xiang' | 'full', levels: readonly number[]): string {
  if (part === 'full') return code;
  const index = part === 'lei' ? 0 : part === 'kuan' ? 1 : 2;
  return codeParts(code, levels)[index] ?? '';
}

const normalize = (s: string) => s.replace(/[\s\u3000]/g, '');

/**
 * Finds a column by its printed label, ignoring the spaces used for letter spacing ("项 目" = "项目"). A label that
 * is ambiguous as a leaf ("合计" on both sides of 表4) can be qualified with its group: "财政拨款支出/合计".
 * Returns the first match.
 */
export function columnByLabel<C extends Pick<ColumnDef, 'header'>>(table: { columns: readonly C[] }, label: string): C | undefined {
  const wanted = normalize(label);
  if (wanted.includes('/')) {
    const parts = wanted.split('/');
    return table.columns.find((c) => {
      const path = c.header.map(normalize);
      return parts.length <= path.length && parts.every((p, i) => path[path.length - parts.length + i] === p);
    });
  }
  return table.columns.find((c) => normalize(leafLabel(c)) === wanted);
}

/** A fixed row's name without the code its label is printed with ("210 卫生健康支出" → "卫生健康支出"). */
export function fixedRowName(row: Pick<FixedRowDef, 'label' | 'code'>): string {
  if (row.code && row.label.startsWith(row.code)) return row.label.slice(row.code.length).trim();
  return row.label;
}
