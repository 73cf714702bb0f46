import type { Amount } from '../amount/amount';
import type { BudgetDocument, CellRef } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { structureOf } from '../structure/structure-model';
import { recomputeTable } from '../structure/recompute';
import { writeCell } from '../commands/cell-writer';

/**
 * After an import: computes the computed cells the workbook did not print (a missing 合计 row, a 类/款 row the
 * budget system left out, a 小计 column) from the figures around them, and nothing else. A printed figure is never
 * replaced, even where it disagrees with its sum: that disagreement is a finding for the officer, not a fix the
 * import makes. Works on a document that is not yet open (no history), so it writes directly.
 */
export interface FilledCell extends CellRef {
  value: Amount;
}

/**
 * `printed` holds "table\u0001row\u0001col" of every amount cell the workbook printed; `tables` limits the work
 * to the tables that were found in the workbook (the others stay empty).
 */
export function fillUnprinted(doc: BudgetDocument, template: TemplateSet, printed: ReadonlySet<string>, tables: readonly string[]): FilledCell[] {
  const filled: FilledCell[] = [];
  const model = structureOf(doc, template);
  for (const tableId of tables) {
    const t = model.table(tableId);
    if (!t) continue;
    // The structure model's topological order: a 类 computed here reads 款 rows computed before it.
    recomputeTable(
      t,
      (i, col, value) => {
        const row = t.rows[i];
        if ((row.values[col] ?? 0) === value) return;
        writeCell(row, col, value);
        filled.push({ table: tableId, row: row.id, col, value });
      },
      (i, col) => printed.has(`${tableId}\u0001${t.rows[i].id}\u0001${col}`),
    );
  }
  return filled;
}
