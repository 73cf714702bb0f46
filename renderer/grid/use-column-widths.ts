import { useCallback, useEffect, useRef, useState } from 'react';
import type { CellRef } from '../../core/document/document';
import type { ColumnDef } from '../../core/template/template.schema';
import { printsBlankZero } from '../../core/layout/printed-layout';
import { amountTextWidth, columnWidths, measureContent, textWidth, type ColumnWidth, type ContentExtent } from './column-widths';
import type { GridContext } from './grid-context';
import type { GridRow } from './grid-rows';
import { firstPart, laterParts } from './row-parts';

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
  // A long table is measured the way its rows reach the grid (use-grid-host.ts): the first rows at once, the rest a
  // chunk per task, widening a column only if a later row is wider. A whole re-measure stops the walk.
  const walk = useRef(0);
  const [widths, setWidths] = useState<ReadonlyMap<string, ColumnWidth>>(() => {
    extent.current = measure(firstPart(initialRows));
    return columnWidths(ctx.table, extent.current);
  });
  useEffect(() => {
    const generation = walk.current;
    let grown = false;
    return laterParts(initialRows, (chunk) => {
      const current = extent.current;
      if (walk.current !== generation || !current) return false;
      for (const [col, width] of measure(chunk).text) {
        if (width > (current.text.get(col) ?? 0)) {
          current.text.set(col, width);
          grown = true;
        }
      }
      return true;
    }, () => {
      if (grown && extent.current) setWidths(columnWidths(ctx.table, extent.current));
    });
    // The rows the table opened with, once: later row lists are measured by rowsChanged.
  }, []);

  const rowsChanged = useCallback((rows: readonly GridRow[]) => {
    walk.current += 1;
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
    // Thousands of pasted cells are mostly one column: its definition is looked up when the column changes.
    let colId: string | undefined;
    let col: ColumnDef | undefined;
    for (const ref of cells) {
      if (ref.table !== ctx.table.id) continue;
      if (ref.col !== colId) {
        colId = ref.col;
        col = ctx.table.columns.find((c) => c.id === ref.col);
      }
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
    // Widening re-lays the grid's columns (tens of milliseconds): in a task of its own, not in the one that
    // committed the edit or the paste.
    // (A row list measured again meanwhile has the newer widths: this one then stands down.)
    if (grown) window.setTimeout(() => extent.current === current && setWidths(columnWidths(ctx.table, current)), 0);
  }, [ctx]);

  return { widths, rowsChanged, cellsChanged };
}

function sameExtent(a: ContentExtent, b: ContentExtent): boolean {
  if (a.text.size !== b.text.size) return false;
  for (const [k, v] of a.text) if (b.text.get(k) !== v) return false;
  return true;
}
