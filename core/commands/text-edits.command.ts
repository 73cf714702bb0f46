import { parseAmount } from '../amount/amount';
import type { BudgetDocument, CellRef } from '../document/document';
import type { ColumnDef, TableDef, TemplateSet } from '../template/template.schema';
import type { Command } from './command';
import { isComputedCell, type CellValue } from './cell-writer';
import { composite } from './composite.command';
import { structureOf } from '../structure/structure-model';
import { setRowName } from './rows.command';
import { setCells } from './set-cells.command';
import { cleanText, isTooLong, tooLongMessage } from '../document/clean-text';
import { cellField } from './text-guard';

/** What a person typed or pasted into one cell, as text. */
export interface TextEdit {
  ref: CellRef;
  text: string;
}

export type TextEditsResult =
  | { ok: true; command: Command | null; cells: number }
  | { ok: false; message: string; ref: CellRef };

/**
 * Turns typed or pasted text into one command (one undo step): amounts are parsed with parseAmount, names become
 * setRowName, texts are cleaned (clean-text.ts), trimmed and refused over 32,767 characters; code columns and
 * computed cells are left out (their values follow from inputs).
 * The first amount that does not parse refuses everything, with a message naming the cell, so nothing is
 * half-applied. Used by the grid for typing, clearing and pasting, and by pasteBlock.
 */
export function textEditsCommand(doc: BudgetDocument, template: TemplateSet, edits: readonly TextEdit[], label: string): TextEditsResult {
  const cells: CellValue[] = [];
  const names: Command[] = [];
  // A pasted column is thousands of edits of one table and column: the definitions are looked up once.
  let lastTable: string | undefined;
  let def: TableDef | undefined;
  let lastCol: string | undefined;
  let col: ColumnDef | undefined;
  for (const { ref, text } of edits) {
    if (ref.table !== lastTable) {
      lastTable = ref.table;
      def = template.tables.find((t) => t.id === ref.table);
      lastCol = undefined;
    }
    if (ref.col !== lastCol) {
      lastCol = ref.col;
      col = def?.columns.find((c) => c.id === ref.col);
    }
    if (!def || !col) return { ok: false, message: `找不到单元格 ${ref.table} ${ref.row} ${ref.col}`, ref };
    if (col.kind === 'name' || col.kind === 'text') {
      // Cleaned as every way in is; over Excel's cell limit refuses the whole edit, naming the cell.
      const clean = cleanText(text).trim();
      if (isTooLong(clean)) return { ok: false, message: tooLongMessage(cellField(template, doc, ref), clean.length), ref };
      if (col.kind === 'name') names.push(setRowName(ref.table, ref.row, clean));
      else cells.push({ ...ref, value: clean });
    } else if (col.kind === 'amount') {
      const parsed = parseAmount(text);
      if (!parsed.ok) return { ok: false, message: `（${def.no} ${rowLabel(doc, template, ref)} ${col.header.at(-1)}）${parsed.message}`, ref };
      if (!isComputedCell(doc, template, ref)) cells.push({ table: ref.table, row: ref.row, col: ref.col, value: parsed.value });
    }
  }
  const parts: Command[] = [...names];
  if (cells.length > 0) parts.unshift(setCells(cells, label));
  const command = parts.length === 0 ? null : parts.length === 1 ? parts[0] : composite(label, parts);
  return { ok: true, command, cells: cells.length + names.length };
}

function rowLabel(doc: BudgetDocument, template: TemplateSet, ref: CellRef): string {
  const row = structureOf(doc, template).row(ref.table, ref.row);
  if (row?.code) return row.code;
  if (ref.row === 'total') return '合计';
  const m = template.tables.find((t) => t.id === ref.table)!.rows;
  const fixed = m.kind === 'fixed' ? m.rows : m.kind === 'sideBySide' ? [...m.sides[0], ...m.sides[1], ...m.totals] : [];
  return fixed.find((r) => r.id === ref.row)?.label.trim() ?? ref.row;
}
