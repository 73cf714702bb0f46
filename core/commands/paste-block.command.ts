import type { BudgetDocument, CellRef } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import type { Command } from './command';
import { textEditsCommand, type TextEdit } from './text-edits.command';

export interface PasteArgs {
  table: string;
  /** The focused cell: the block's top-left corner. */
  anchor: { row: string; col: string };
  /** Row ids and column ids in the order the grid shows them (filtered/hidden ones left out). */
  visibleRows: readonly string[];
  visibleCols: readonly string[];
  /** The clipboard as rows of cell strings (tab-separated text split by the caller). */
  block: readonly (readonly string[])[];
}

export type PasteResult = { ok: true; command: Command; cells: number } | { ok: false; message: string };

/**
 * Builds one command from a pasted rectangle laid over the visible rows and columns from the anchor. Cells past the
 * grid's edge are dropped; parsing, computed cells and the all-or-nothing refusal are textEditsCommand's.
 */
export function pasteBlock(doc: BudgetDocument, template: TemplateSet, args: PasteArgs): PasteResult {
  if (!template.tables.some((t) => t.id === args.table)) return { ok: false, message: `找不到表“${args.table}”` };
  const r0 = args.visibleRows.indexOf(args.anchor.row);
  const c0 = args.visibleCols.indexOf(args.anchor.col);
  if (r0 < 0 || c0 < 0) return { ok: false, message: '请先选中要粘贴到的单元格' };
  // Where each cell sits in the block (row i, column j), named only if the paste is refused.
  const edits: (TextEdit & { i: number; j: number })[] = [];
  const height = args.block.length;
  const width = Math.max(0, ...args.block.map((r) => r.length));
  for (let i = 0; i < height && r0 + i < args.visibleRows.length; i++) {
    for (let j = 0; j < args.block[i].length && c0 + j < args.visibleCols.length; j++) {
      const ref: CellRef = { table: args.table, row: args.visibleRows[r0 + i], col: args.visibleCols[c0 + j] };
      edits.push({ ref, text: args.block[i][j], i, j });
    }
  }
  // Pasting over code and name columns changes no figure: only amounts and texts are taken from a block.
  const kinds = new Map(template.tables.find((t) => t.id === args.table)!.columns.map((c) => [c.id, c.kind]));
  const valueEdits = edits.filter((e) => kinds.get(e.ref.col) === 'amount' || kinds.get(e.ref.col) === 'text');
  const r = textEditsCommand(doc, template, valueEdits, `粘贴 ${height}×${width}`);
  if (!r.ok) {
    const e = valueEdits.find((v) => v.ref === r.ref);
    const at = e ? `第 ${e.i + 1} 行第 ${e.j + 1} 列` : '';
    return { ok: false, message: `粘贴未执行：${at}${r.message}` };
  }
  if (!r.command || r.cells === 0) return { ok: false, message: '没有可粘贴的单元格（合计、小计和公式列由系统计算）' };
  return { ok: true, command: r.command, cells: r.cells };
}
