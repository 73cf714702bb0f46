import type { BudgetDocument } from '../document/document';
import type { TableDef } from '../template/template.schema';
import { tableEmptyNote } from '../template/header-layout';

/** True when no amount of the table is non-zero: the table is printed with its header and its 空表 note. */
export function isEmptyTable(doc: BudgetDocument, table: TableDef): boolean {
  const rows = doc.tables[table.id]?.rows ?? [];
  return rows.every((r) => Object.values(r.values).every((v) => v === 0));
}

/**
 * The note printed under a table: the table's own note as the release words it (it replaces the template's 空表
 * note, and stands under a table with data too), else the template's 空表 note when the table is empty.
 */
export function tableNoteText(doc: BudgetDocument, table: TableDef): string | undefined {
  const own = doc.tables[table.id]?.note;
  if (own) return own;
  return isEmptyTable(doc, table) ? tableEmptyNote(table, doc.meta) : undefined;
}
