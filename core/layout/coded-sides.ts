import type { RowData } from '../document/document';
import type { RowModel, TableDef } from '../template/template.schema';
import type { PrintedLine } from './printed-layout';

/**
 * Coded side-by-side tables (决算 表6: 人员经费 301/303 on the left, 公用经费 302/310… on the right). The rows are one
 * coded list, stored, summed and checked like any coded table; only printing splits them: each row goes to the side
 * that lists its 类, the two lists are zipped by index, and the last line holds both sides' totals, read from the
 * 合计 row's columns of each side.
 */

type CodedModel = Extract<RowModel, { kind: 'coded' }>;

/** Index of the side a row prints on: the first side listing its 类, else the last side (no row is ever hidden). */
export function codedSideOfRow(model: CodedModel, row: Pick<RowData, 'code'>): 0 | 1 {
  const sides = model.sides;
  if (!sides || row.code === undefined) return 0;
  const cls = row.code.slice(0, model.levels[0]);
  return sides[0].classes.includes(cls) ? 0 : 1;
}

/** The side that lists a column, or undefined when the table is not coded side by side. */
export function codedSideOfColumn(table: TableDef, colId: string): 0 | 1 | undefined {
  const model = table.rows;
  if (model.kind !== 'coded' || !model.sides) return undefined;
  return model.sides[0].columns.includes(colId) ? 0 : model.sides[1].columns.includes(colId) ? 1 : undefined;
}

/** Indentation of a coded row inside its side's label (款 under 类), since one line carries two rows' levels. */
export function codedSideIndent(model: CodedModel, row: RowData | undefined): number {
  return Math.max(0, model.levels.indexOf(row?.code?.length ?? -1));
}

/** The printed lines: rows split by side in stored order, zipped by index, then the totals line. */
export function codedSideLines(rows: readonly RowData[], model: CodedModel): PrintedLine[] {
  const lists: [string[], string[]] = [[], []];
  let hasTotal = false;
  for (const r of rows) {
    if (r.id === 'total') hasTotal = true;
    else lists[codedSideOfRow(model, r)].push(r.id);
  }
  const [left, right] = lists;
  const lines: PrintedLine[] = [];
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i++) {
    lines.push({ key: `s${i}`, rowIds: [left[i] ?? null, right[i] ?? null], level: 0, isTotal: false, isOrg: false, emphasis: false });
  }
  if (hasTotal) lines.push({ key: 'totals', rowIds: ['total', 'total'], level: 0, isTotal: true, isOrg: false, emphasis: true });
  return lines;
}
