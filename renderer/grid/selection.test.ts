import { describe, expect, it } from 'vitest';
import { rectCells, selectionRect, rectSize } from './selection';

describe('selection rectangle', () => {
  const cols = ['a', 'b', 'c'];
  it('normalises an anchor below-right of the focus', () => {
    const rect = selectionRect({ anchor: { rowIndex: 3, colId: 'c' }, focus: { rowIndex: 1, colId: 'a' } }, cols)!;
    expect(rect).toEqual({ top: 1, bottom: 3, left: 0, right: 2 });
    expect(rectSize(rect)).toEqual({ rows: 3, cols: 3 });
    expect(rectCells(rect, cols)[2][1]).toEqual({ rowIndex: 3, colId: 'b' });
  });
  it('is null for a column that is not displayed', () => {
    expect(selectionRect({ anchor: { rowIndex: 0, colId: 'x' }, focus: { rowIndex: 0, colId: 'a' } }, cols)).toBeNull();
  });
});
