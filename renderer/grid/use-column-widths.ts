import { useCallback, useRef, useState } from 'react';
import type { CellRef } from '../../core/document/document';
import { printsBlankZero } from '../../core/layout/printed-layout';
import { amountTextWidth, columnWidths, measureContent, textWidth, type ColumnWidth, type ContentExtent } from './column-widths';
import type { GridContext } from './grid-context';
import type { GridRow } from './grid-rows';

/** Extra left padding per indentation level of names (grid.css .bd-indent-n), as column-widths.ts counts it. */
const INDENT_PX = 12;

export interface ColumnWidthsState {
  widths: ReadonlyMap<string, ColumnWidth>;
  /** The row list was rebuilt (rows added, removed or reordered): measure everything again. */
  rowsChanged(rows: readonly GridRow[]): void;
  /** Cells changed: widen a column only if one of them now prints wider than anything it held. */
  cellsChanged(cells: readonly CellRef[], levelOf: (rowId: string) => number): void;
}

/**
 * Content-fitted widths of a table's columns (column-widths.ts), measured when the table opens and when its row
 * list changes; a typed figure or name only widens its own column, and only when it is the widest (a keystroke
 * never re-measures 10,000 rows).
 */
export function useColumnWidths(ctx: GridContext, initialRows: readonly GridRow[]): ColumnWidthsState {
  const extent = useRef<ContentExtent | null>(null);
  const measure = (rows: readonly GridRow[]) => measureContent(ctx.table, rows, ctx.rowsById, printsBlankZero(ctx.doc, ctx.template));
  const [widths, setWidths] = useState<ReadonlyMap<string, ColumnWidth>>(() => {
    extent.current = measure(initialRows);
    return columnWidths(ctx.table, extent.current);
  });

  const rowsChanged = useCallback((rows: readonly GridRow[]) => {
    const next = measureContent(ctx.table, rows, ctx.rowsById, printsBlankZero(ctx.doc, ctx.template));
    const before = extent.current;
    extent.current = next;
    if (before && sameExtent(before, next)) return;
    setWidths(columnWidths(ctx.table, next));
  }, [ctx]);

  const cellsChanged = useCallback((cells: readonly CellRef[], levelOf: (rowId: string) => number) => {
    const current = extent.current;
    if (!current) return;
    let grown = false;
    for (const ref of cells) {
      if (ref.table !== ctx.table.id) continue;
      const col = ctx.table.columns.find((c) => c.id === ref.col);
      const row = ctx.rowsById.get(ref.row);
      if (!col || !row) continue;
      const width =
        col.kind === 'amount' ? amountTextWidth(row.values[col.id] ?? 0)
        : col.kind === 'name' ? textWidth(row.name ?? '') + Math.min(levelOf(ref.row), 3) * INDENT_PX
        : col.kind === 'text' ? textWidth(row.texts?.[col.id] ?? '')
        : 0;
      if (width > (current.text.get(col.id) ?? 0)) {
        current.text.set(col.id, width);
        grown = true;
      }
    }
    if (grown) setWidths(columnWidths(ctx.table, current));
  }, [ctx]);

  return { widths, rowsChanged, cellsChanged };
}

function sameExtent(a: ContentExtent, b: ContentExtent): boolean {
  if (a.text.size !== b.text.size) return false;
  for (const [k, v] of a.text) if (b.text.get(k) !== v) return false;
  return true;
}
