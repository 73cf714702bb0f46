import type { RowData } from '../../document/document';
import { codedSideOfRow } from '../../layout/coded-sides';
import { addMissingParents, readCodedList, withTotal } from './coded-rows';
import { ReadContext } from './read-context';
import type { LocatedTable } from './table-locator';

/**
 * A coded table printed as two lists side by side (决算 表6: 人员经费 codes, names and figures on the left, 公用经费 on
 * the right, each list's total on the last line). Each list is read like any coded table, within its own sheet
 * columns; the document keeps one coded list, so the two are joined in code order (类 before its 款), and the two
 * totals are the 合计 row's columns of each side. Figures are kept as printed.
 */
export function readCodedSides(ctx: ReadContext): RowData[] {
  const { loc } = ctx;
  const model = loc.table.rows;
  if (model.kind !== 'coded' || !model.sides || !loc.sides) return [];
  const { start, codes } = loc.sides;
  const byId = new Map<string, RowData>();
  const rows: RowData[] = [];
  let total: RowData | undefined;
  ([0, 1] as const).forEach((side) => {
    const def = model.sides![side];
    const ids = new Set(def.columns);
    const part: LocatedTable = { ...loc, codes: codes[side], columns: new Map([...loc.columns].filter(([id]) => ids.has(id))) };
    const span: [number, number] = side === 0 ? [0, start] : [start, ctx.grid.width];
    const sub = new ReadContext(ctx.grid, part, { ...ctx.options, addParents: false }, { span, totalLabel: def.totalLabel });
    const list = readCodedList(sub);
    if (list.total) total = { id: 'total', values: { ...total?.values, ...list.total.values } };
    for (const row of list.rows) {
      if (row.code !== undefined && codedSideOfRow(model, row) !== side) {
        sub.issue('warning', `科目“${row.code}”列在“${listName(def.totalLabel)}”一侧，按其编码应列在另一侧，已按编码导入`);
      }
      const same = byId.get(row.id);
      if (!same) {
        byId.set(row.id, row);
        rows.push(row);
        continue;
      }
      // A code printed on both sides: its figures of each side, added where both print one.
      for (const [k, v] of Object.entries(row.values)) same.values[k] = (same.values[k] ?? 0) + v;
      sub.issue('info', `科目“${row.code ?? row.name ?? row.id}”在两侧都列出，已合并相加`);
    }
    ctx.absorb(sub);
  });
  const ordered = inCodeOrder(rows);
  if (model.subtotals && ctx.options.addParents !== false) addMissingParents(ctx, ordered, model.levels, model.classification);
  return withTotal(ctx, ordered, total);
}

/** Coded rows by code (a 类 before its 款), rows without a code after them in the order read. */
function inCodeOrder(rows: RowData[]): RowData[] {
  const coded = rows.filter((r) => r.code !== undefined).sort((a, b) => (a.code! < b.code! ? -1 : a.code! > b.code! ? 1 : 0));
  return [...coded, ...rows.filter((r) => r.code === undefined)];
}

/** "人员经费" from "人员经费合计". */
function listName(totalLabel: string): string {
  return totalLabel.replace(/合计$/, '') || totalLabel;
}

/** Whether a located table is read as two printed lists (a one-list layout of the same table is read as one). */
export function readsTwoLists(loc: LocatedTable): boolean {
  return loc.table.rows.kind === 'coded' && loc.table.rows.sides !== undefined && loc.sides !== undefined;
}
