import { parseAmount } from '../amount/amount';
import type { BudgetDocument, CellRef } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import type { Command } from './command';
import { isComputedCell, type CellValue } from './cell-writer';
import { documentIndex } from './doc-index';
import { setCells } from './set-cells.command';

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
 * Builds one set-cells command from a pasted rectangle. Amount cells are parsed with parseAmount; the first cell that
 * does not parse refuses the whole paste with a message naming it, so nothing is half-pasted. Cells past the grid's
 * edge, code/name columns and computed cells are left out (their figures follow from the inputs).
 */
export function pasteBlock(doc: BudgetDocument, template: TemplateSet, args: PasteArgs): PasteResult {
  const def = template.tables.find((t) => t.id === args.table);
  if (!def) return { ok: false, message: `找不到表“${args.table}”` };
  const r0 = args.visibleRows.indexOf(args.anchor.row);
  const c0 = args.visibleCols.indexOf(args.anchor.col);
  if (r0 < 0 || c0 < 0) return { ok: false, message: '请先选中要粘贴到的单元格' };
  const columns = new Map(def.columns.map((c) => [c.id, c]));
  const index = documentIndex(doc, template);
  const cells: CellValue[] = [];
  const height = args.block.length;
  const width = Math.max(0, ...args.block.map((r) => r.length));
  for (let i = 0; i < height && r0 + i < args.visibleRows.length; i++) {
    const rowId = args.visibleRows[r0 + i];
    for (let j = 0; j < args.block[i].length && c0 + j < args.visibleCols.length; j++) {
      const col = columns.get(args.visibleCols[c0 + j]);
      if (!col || (col.kind !== 'amount' && col.kind !== 'text')) continue;
      const ref: CellRef = { table: args.table, row: rowId, col: col.id };
      const text = args.block[i][j];
      if (col.kind === 'text') {
        cells.push({ ...ref, value: text.trim() });
        continue;
      }
      const parsed = parseAmount(text);
      if (!parsed.ok) {
        const row = index.row(args.table, rowId);
        const rowLabel = row?.code ?? rowLabelOf(def, rowId);
        return {
          ok: false,
          message: `粘贴未执行：第 ${i + 1} 行第 ${j + 1} 列（${def.no} ${rowLabel} ${col.header.at(-1)}）${parsed.message}`,
        };
      }
      if (isComputedCell(doc, template, ref)) continue;
      cells.push({ ...ref, value: parsed.value });
    }
  }
  if (cells.length === 0) return { ok: false, message: '没有可粘贴的单元格（合计、小计和公式列由系统计算）' };
  return { ok: true, command: setCells(cells, `粘贴 ${height}×${width}`), cells: cells.length };
}

function rowLabelOf(def: { rows: unknown }, rowId: string): string {
  if (rowId === 'total') return '合计';
  const m = def.rows as { kind: string; rows?: { id: string; label: string }[]; sides?: { id: string; label: string }[][]; totals?: { id: string; label: string }[] };
  const all = [...(m.rows ?? []), ...(m.sides ?? []).flat(), ...(m.totals ?? [])];
  return all.find((r) => r.id === rowId)?.label.trim() ?? rowId;
}
