import type { Amount } from '../amount/amount';
import type { CellRef } from '../document/document';
import type { Command } from './command';
import { emptyChangeSet } from './command';
import { CellWriter, isComputedCell, propagate, type CellValue } from './cell-writer';
import { command, CommandError, rawSetCells } from './raw';
import { acceptText, cellField } from './text-guard';

export type { CellValue } from './cell-writer';

/**
 * Sets one or many amount/text cells (a number for an amount column, a string for a text column; zero or "" removes
 * the value — canonical form), then recomputes what depends on them in the same step: the rows' formula columns and
 * the 款/类/合计 sums above. Computed cells given here are skipped: they follow their inputs.
 */
export function setCells(cells: readonly CellValue[], label?: string): Command {
  const own = cells.map((c) => ({ ...c }));
  const name = label ?? (own.length === 1 ? '编辑单元格' : `编辑 ${own.length} 个单元格`);
  return command(name, (doc, ctx) => {
    const w = new CellWriter(doc, ctx.template);
    for (const c of own) {
      if (typeof c.value === 'number' && !Number.isSafeInteger(c.value)) throw new CommandError(`金额必须是整数（以 0.01 为单位），收到 ${c.value}`);
      // Texts: cleaned, and refused over Excel's cell limit before anything is written.
      if (typeof c.value === 'string') c.value = acceptText(c.value, cellField(ctx.template, doc, c));
    }
    const targets = own.filter((c) => !isComputedCell(doc, ctx.template, c) && !isOtherSide(w, c));
    const rows = targets.map((c) => {
      const row = w.index.row(c.table, c.row);
      if (!row) throw new CommandError(`找不到行“${c.row}”`);
      return row;
    });
    const dirtyByTable = new Map<string, Map<string, Set<string>>>();
    targets.forEach((c, i) => {
      if (!w.write(c.table, rows[i], c.col, c.value) || typeof c.value !== 'number') return;
      let dirty = dirtyByTable.get(c.table);
      if (!dirty) dirtyByTable.set(c.table, (dirty = new Map()));
      let cols = dirty.get(c.row);
      if (!cols) dirty.set(c.row, (cols = new Set()));
      cols.add(c.col);
    });
    for (const [table, dirty] of dirtyByTable) propagate(w, table, dirty);
    const changes = emptyChangeSet();
    const { cells, restore } = w.outcome();
    changes.cells = cells;
    return { inverse: rawSetCells(name, restore), changes };
  });
}

/** A side-by-side table's row holds values only in its own side's columns (表1 收入 rows in 收入 columns). */
function isOtherSide(w: CellWriter, c: CellValue): boolean {
  const t = w.index.table(c.table);
  if (!t) return false;
  const rowSide = t.shape.rowSide.get(c.row);
  const colSide = t.shape.colSide.get(c.col);
  return rowSide !== undefined && colSide !== undefined && rowSide !== colSide;
}

export function setCell(ref: CellRef, value: Amount | string, label?: string): Command {
  return setCells([{ ...ref, value }], label);
}
