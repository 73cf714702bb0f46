import type { Command } from '../commands/command';
import { emptyChangeSet } from '../commands/command';
import { CellWriter, dirtyAll, propagate } from '../commands/cell-writer';
import { command, rawSetCells } from '../commands/raw';

/**
 * Recomputes every computed cell (formula columns, 款/类 subtotals, 合计 rows, fixed-row formulas such as 三公 小计)
 * of the given tables, or of all tables: for an imported document whose sums were typed, one undoable step.
 */
export function recomputeAll(tables?: readonly string[], label = '重新计算合计与小计'): Command {
  return command(label, (doc, ctx) => {
    const w = new CellWriter(doc, ctx.template);
    const ids = tables ?? ctx.template.tables.map((t) => t.id);
    for (const id of ids) if (doc.tables[id]) propagate(w, id, dirtyAll(w, id));
    const changes = emptyChangeSet();
    const { cells, restore } = w.outcome();
    changes.cells = cells;
    return { inverse: rawSetCells(label, restore), changes };
  });
}
