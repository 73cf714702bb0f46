import type { GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { cellTooltip, cellView } from './columns';
import { computedReason, explainComputed } from './computed-reason';
import type { GridContext } from './grid-context';
import type { GridEdits } from './grid-edits';
import { cellRefOf, type GridRow } from './grid-rows';
import { createGridTooltip, type GridTooltip } from './grid-tooltip';

export interface CellExplain {
  /**
   * If the cell at (rowIndex, colId) is computed, says why in the status bar and beside the cell, and returns
   * true (the key or double-click that asked to edit it then does nothing else).
   */
  explainIfComputed(rowIndex: number, colId: string): boolean;
  /** Hides the tooltip (the officer moved on). */
  hide(): void;
}

/**
 * The grid's one tooltip (why a cell is computed, its findings, a name cut short) and the explanation a computed
 * cell gives when someone tries to type into it: the same words in the status bar, through the grid's notify.
 */
export function useCellExplain(
  rootRef: RefObject<HTMLDivElement | null>,
  apiRef: RefObject<GridApi<GridRow> | null>,
  ctx: GridContext,
  edits: GridEdits,
): CellExplain {
  const tipRef = useRef<GridTooltip | null>(null);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const tip = createGridTooltip(root, ({ rowId, colId, clipped }) => {
      const row = apiRef.current?.getRowNode(rowId)?.data;
      const col = ctx.table.columns.find((c) => c.id === colId);
      return row && col ? cellTooltip(ctx, row, col, clipped) : undefined;
    });
    tipRef.current = tip;
    return () => {
      tip.dispose();
      tipRef.current = null;
    };
  }, [rootRef, apiRef, ctx]);

  return useMemo<CellExplain>(() => ({
    explainIfComputed(rowIndex, colId) {
      const row = apiRef.current?.getDisplayedRowAtIndex(rowIndex)?.data;
      const col = ctx.table.columns.find((c) => c.id === colId);
      if (!row || !col || row.numbers) return false;
      const ref = cellRefOf(ctx.table, row, col);
      if (!ref || !cellView(ctx, row, col).computed) return false;
      const reason = computedReason(ctx.doc, ctx.template, ref);
      // An organisation row with no members, or a broken set: still read-only, say so plainly.
      const message = reason ? explainComputed(reason) : '此格自动计算，不能直接修改';
      edits.notify(message);
      const el = rootRef.current?.querySelector<HTMLElement>(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`);
      if (el) tipRef.current?.showAt(el, message);
      return true;
    },
    hide: () => tipRef.current?.hide(),
  }), [apiRef, rootRef, ctx, edits]);
}
