import { formatAmount, parseAmount } from '../../amount/amount';
import type { ColumnDef } from '../../template/template.schema';
import { address, cellAt, type SheetCell, type SheetGrid } from './sheet-reader';
import { columnKey, isNoteText, isTotalLabel, norm } from './labels';
import { headerVocabulary } from './column-matcher';
import type { LocatedTable } from './table-locator';
import type { ImportIssue, UnmatchedLabel } from './import-report';
import type { ImportMap } from './import-map';

/**
 * What reading one table's body needs and collects: amounts by column (with the cells the sheet printed, so that
 * import can tell a printed figure from a missing one), how zeros were printed (blank or 0.00), notes, issues and
 * the labels nothing matched.
 */
export interface ReadOptions {
  /** Insert missing 类/款 rows (not for our own export, which is restored as it was). */
  addParents?: boolean;
  /**
   * Read 万元 figures to six decimals (units of 0.000001 万元 = 1 分) instead of two: for workbooks whose cells hold
   * more precision than they display; the caller then rounds them with 舍位平衡.
   */
  precise?: boolean;
  map?: ImportMap;
}

/**
 * The part of each sheet row one reading sees: all of it, or one printed list of a two-list table (its sheet columns
 * and the label of its total, 人员经费合计), so that the other list's cells are neither its labels nor its blanks.
 */
export interface ReadScope {
  /** Sheet columns [from, to). */
  span?: [number, number];
  totalLabel?: string;
}

export class ReadContext {
  readonly issues: ImportIssue[] = [];
  readonly unmatched: Omit<UnmatchedLabel, 'tableTitle'>[] = [];
  readonly mapped: { table: string; kind: 'row'; label: string; to: string | null }[] = [];
  readonly notes: string[] = [];
  /** "rowId\u0001col" of every amount cell the sheet printed for a row the import kept. */
  readonly printed = new Set<string>();
  /** Printed amount cells of kept rows that were an explicit zero ("0.00", 0) or left empty. */
  zeros = 0;
  blanks = 0;
  readonly amountCols: ColumnDef[];
  readonly textCols: ColumnDef[];

  constructor(
    readonly grid: SheetGrid,
    readonly loc: LocatedTable,
    readonly options: ReadOptions,
    readonly scope: ReadScope = {},
  ) {
    const { table } = loc;
    this.amountCols = table.columns.filter((c) => c.kind === 'amount' && loc.columns.has(c.id));
    this.textCols = table.columns.filter((c) => c.kind === 'text' && loc.columns.has(c.id));
    this.vocabulary = headerVocabulary(table, options.map);
  }

  private readonly vocabulary: Set<string>;

  issue(severity: ImportIssue['severity'], message: string, row?: number, col?: number): void {
    this.issues.push({
      severity, table: this.loc.table.id, sheet: this.grid.name,
      ...(row !== undefined ? { cell: col !== undefined ? address(row, col) : `第${row + 1}行` } : {}), message,
    });
  }

  /** Amount cells of a row (one side of a side-by-side table); a cell that cannot be read is reported and left out. */
  readAmounts(r: number, side?: 0 | 1): Record<string, number> {
    const values: Record<string, number> = {};
    for (const col of this.amountCols) {
      if (side !== undefined && (col.side ?? 0) !== side) continue;
      const c = this.loc.columns.get(col.id) as number;
      const cell = cellAt(this.grid, r, c);
      const v = this.options.precise ? preciseAmountOf(cell) : amountOf(cell);
      if (v.ok) {
        if (v.value !== 0) values[col.id] = v.value;
      } else {
        this.issue('error', `${v.message}（“${col.header.join('/')}”列），该单元格未导入`, r, c);
      }
    }
    return values;
  }

  /** Records the printed cells of a row the import keeps, and how its zeros were printed. */
  keep(rowId: string, r: number, side?: 0 | 1): void {
    for (const col of this.amountCols) {
      if (side !== undefined && (col.side ?? 0) !== side) continue;
      const cell = cellAt(this.grid, r, this.loc.columns.get(col.id) as number);
      this.printed.add(`${rowId}\u0001${col.id}`);
      if (cell.mergedCopy) continue;
      const text = cell.text.trim();
      if (text === '') this.blanks++;
      else if (cell.num === 0 || /^[+-]?0+(\.0+)?$/.test(text)) this.zeros++;
    }
  }

  readTexts(r: number): Record<string, string> | undefined {
    const texts: Record<string, string> = {};
    for (const col of this.textCols) {
      const t = cellAt(this.grid, r, this.loc.columns.get(col.id) as number).text;
      if (t) texts[col.id] = t;
    }
    return Object.keys(texts).length > 0 ? texts : undefined;
  }

  text(r: number, colId: string | undefined): string {
    return colId && this.loc.columns.has(colId) ? cellAt(this.grid, r, this.loc.columns.get(colId) as number).text : '';
  }

  /** The row's cells this reading sees (a merged copy is the master's, which may lie in the other list). */
  private cells(r: number): SheetCell[] {
    const row = this.grid.rows[r] ?? [];
    const span = this.scope.span;
    return span ? row.slice(span[0], span[1]) : row;
  }

  blankRow(r: number): boolean {
    return this.cells(r).every((c) => (c.text === '' || (this.scope.span !== undefined && c.mergedCopy)) && !c.noResult);
  }

  /** 合计 as any table prints it, or this list's own total (人员经费合计). */
  isTotal(label: string): boolean {
    return isTotalLabel(label) || (this.scope.totalLabel !== undefined && norm(label) === norm(this.scope.totalLabel));
  }

  /** Takes over what a reading of one printed list collected. */
  absorb(part: ReadContext): void {
    this.issues.push(...part.issues);
    this.unmatched.push(...part.unmatched);
    this.mapped.push(...part.mapped);
    this.notes.push(...part.notes);
    for (const k of part.printed) this.printed.add(k);
    this.zeros += part.zeros;
    this.blanks += part.blanks;
  }

  /**
   * A note in or under the table: the row's only text, worded as a note ("注：", "备注：", "……为空表") or a long
   * sentence, and no figure. Returns the note, or undefined.
   */
  noteOf(r: number): string | undefined {
    const cells = this.cells(r).filter((c) => c.text !== '' && !c.mergedCopy);
    if (cells.length !== 1 || cells[0].num !== undefined) return undefined;
    const text = cells[0].text.trim();
    if (parseAmount(text.replace(/[,，]/g, '')).ok) return undefined;
    return isNoteText(text) ? text : undefined;
  }

  /** A header printed again inside the body (a budget system's export repeats it on every page). */
  repeatedHeader(r: number): boolean {
    const cells = this.cells(r).filter((c) => c.text !== '' && !c.mergedCopy);
    if (cells.length < 2 || cells.some((c) => c.num !== undefined)) return false;
    return cells.filter((c) => this.vocabulary.has(columnKey(c.text))).length >= 2;
  }

  firstText(r: number): string {
    return this.cells(r).find((c) => c.text !== '' && !(this.scope.span !== undefined && c.mergedCopy))?.text ?? '';
  }

  /** The figures of a row or column as printed, for the mapping step's preview. */
  sampleOfRow(r: number, side?: 0 | 1): string[] {
    const out: string[] = [];
    for (const col of this.amountCols) {
      if (side !== undefined && (col.side ?? 0) !== side) continue;
      const t = cellAt(this.grid, r, this.loc.columns.get(col.id) as number).text;
      if (t) out.push(t);
    }
    if (out.length === 0) {
      // Amount columns are unknown when the row is what failed to match: show the row's figures as printed.
      for (const cell of this.cells(r)) if (cell.num !== undefined && !cell.mergedCopy) out.push(formatAmount(Math.round(cell.num * 100)));
    }
    return out.slice(0, 6);
  }
}

const DASHES = /^[-—－–/\\]+$/;

export function amountOf(cell: SheetCell): { ok: true; value: number } | { ok: false; message: string } {
  if (cell.noResult) return { ok: false, message: '公式没有保存计算结果（请在 Excel/WPS 中打开并保存后再导入）' };
  if (cell.num !== undefined) {
    const r = parseAmount(cell.num);
    return r.ok ? r : { ok: false, message: `数值“${cell.text}”${r.message.includes('两位') ? '超过两位小数' : '无效'}` };
  }
  const text = cell.text.trim();
  if (text === '' || DASHES.test(text)) return { ok: true, value: 0 };
  const r = parseAmount(text);
  return r.ok ? r : { ok: false, message: `“${text}”不是数字` };
}

const PRECISE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{0,6}))?$/;

/** A figure in millionths of the unit (six decimals at most), for 舍位平衡 of over-precise 万元 cells. */
export function preciseAmountOf(cell: SheetCell): { ok: true; value: number } | { ok: false; message: string } {
  if (cell.noResult) return amountOf(cell);
  if (cell.num !== undefined) {
    const v = Math.round(cell.num * 1_000_000);
    return Number.isFinite(v) && Math.abs(v) < 1e15 ? { ok: true, value: v } : { ok: false, message: `数值“${cell.text}”无效` };
  }
  const text = cell.text.trim().replace(/，/g, ',').replace(/\s/g, '');
  if (text === '' || DASHES.test(text)) return { ok: true, value: 0 };
  const m = PRECISE.exec(text);
  if (!m || (m[2] === undefined && !m[3])) return { ok: false, message: `“${cell.text.trim()}”不是数字` };
  const whole = Number((m[2] ?? '0').replace(/,/g, ''));
  const value = whole * 1_000_000 + Number((m[3] ?? '').padEnd(6, '0'));
  return { ok: true, value: m[1] === '-' ? -value : value };
}
