import type { ColumnDef } from '../template/template.schema';
import { headerLayout, type HeaderCell } from '../template/header-layout';

/**
 * The printed header as a tree (group → its sub-groups and leaves), for a grid that nests column groups. It is read
 * off the one header layout (core/template/header-layout.ts) that Excel and Word merge cells by, so the screen
 * groups exactly the columns the printed table merges. A leaf whose path is shorter than the deepest one sits at
 * its own header row; the grid pads it down.
 */
export type HeaderNode =
  | { kind: 'group'; label: string; row: number; col: number; colSpan: number; children: HeaderNode[] }
  | { kind: 'leaf'; label: string; row: number; col: number; columnId: string };

export function headerTree(columns: readonly Pick<ColumnDef, 'id' | 'header'>[]): HeaderNode[] {
  const { depth, cells } = headerLayout(columns);
  const byRow: HeaderCell[][] = Array.from({ length: depth }, () => []);
  for (const cell of cells) byRow[cell.row].push(cell);
  const nodesIn = (row: number, from: number, to: number): HeaderNode[] =>
    (byRow[row] ?? [])
      .filter((c) => c.col >= from && c.col < to)
      .map((c): HeaderNode =>
        c.columnId !== undefined
          ? { kind: 'leaf', label: c.label, row: c.row, col: c.col, columnId: c.columnId }
          : { kind: 'group', label: c.label, row: c.row, col: c.col, colSpan: c.colSpan, children: nodesIn(row + 1, c.col, c.col + c.colSpan) },
      );
  return nodesIn(0, 0, columns.length);
}
