import type { Amount } from '../amount/amount';
import type { BudgetDocument, CellRef } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { documentIndex } from '../commands/doc-index';
import { sumColumnsForRow } from '../commands/table-model';
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
  const index = documentIndex(doc, template);
  for (const tableId of tables) {
    const t = index.table(tableId);
    if (!t) continue;
    const model = t.model;
    const isPrinted = (row: string, col: string) => printed.has(`${tableId}\u0001${row}\u0001${col}`);
    // Lower ranks first, so a 类 computed here reads 款 rows computed before it.
    const order = [...t.rows].sort((a, b) => (t.rank.get(a.id) ?? 0) - (t.rank.get(b.id) ?? 0));
    for (const row of order) {
      const terms = t.terms.get(row.id);
      const write = (col: string, value: Amount) => {
        if ((row.values[col] ?? 0) === value) return;
        writeCell(row, col, value);
        filled.push({ table: tableId, row: row.id, col, value });
      };
      if (terms) {
        for (const col of sumColumnsForRow(model, row.id)) {
          if (isPrinted(row.id, col)) continue;
          let v = 0;
          for (const term of terms) v += term.sign * (index.row(tableId, term.ref)?.values[col] ?? 0);
          write(col, v);
        }
      }
      const side = model.rowSide.get(row.id);
      for (const f of model.formulas) {
        if (isPrinted(row.id, f.col)) continue;
        if (side !== undefined && (model.colSide.get(f.col) ?? side) !== side) continue;
        let v = 0;
        for (const term of f.terms) v += term.sign * (row.values[term.ref] ?? 0);
        write(f.col, v);
      }
    }
  }
  return filled;
}
