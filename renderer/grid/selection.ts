/**
 * A rectangle selection of our own (AG Grid Community has no range selection): anchor where the selection
 * started, focus where it ends; Shift+arrow or Shift+click moves the focus end.
 */
export interface CellPos {
  rowIndex: number;
  colId: string;
}

export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Selection {
  anchor: CellPos;
  focus: CellPos;
}

export function selectionRect(sel: Selection, colIds: readonly string[]): Rect | null {
  const a = colIds.indexOf(sel.anchor.colId);
  const f = colIds.indexOf(sel.focus.colId);
  if (a < 0 || f < 0) return null;
  return {
    top: Math.min(sel.anchor.rowIndex, sel.focus.rowIndex),
    bottom: Math.max(sel.anchor.rowIndex, sel.focus.rowIndex),
    left: Math.min(a, f),
    right: Math.max(a, f),
  };
}

export function rectSize(rect: Rect): { rows: number; cols: number } {
  return { rows: rect.bottom - rect.top + 1, cols: rect.right - rect.left + 1 };
}

/** Every position of the rectangle, row by row. */
export function rectCells(rect: Rect, colIds: readonly string[]): CellPos[][] {
  const rows: CellPos[][] = [];
  for (let r = rect.top; r <= rect.bottom; r += 1) {
    const row: CellPos[] = [];
    for (let c = rect.left; c <= rect.right; c += 1) row.push({ rowIndex: r, colId: colIds[c] });
    rows.push(row);
  }
  return rows;
}
