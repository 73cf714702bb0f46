import type { GridApi } from 'ag-grid-community';
import { useEffect, type RefObject } from 'react';
import { cellKey, type CellRef } from '../../core/document/document';
import { clipboardBlock, toTsv } from '../clipboard/tsv';
import { cellView } from './columns';
import { computedReason, explainComputed } from './computed-reason';
import type { GridContext } from './grid-context';
import type { CellEdit, GridEdits } from './grid-edits';
import { cellRefOf, type GridRow } from './grid-rows';
import { rectCells, rectSize, selectionRect, type CellPos, type Selection } from './selection';

/**
 * Copy, paste and clear over our own rectangle selection, for the Community grid (no clipboard module):
 * copy writes TSV that Excel/WPS paste back; a pasted TSV block lands at the focused cell as one command.
 */
export interface ClipboardDeps {
  apiRef: RefObject<GridApi<GridRow> | null>;
  rootRef: RefObject<HTMLDivElement | null>;
  ctx: GridContext;
  selectionRef: RefObject<Selection | null>;
  edits: GridEdits;
}

export function displayedColIds(api: GridApi<GridRow>): string[] {
  return api.getAllDisplayedColumns().map((c) => c.getColId());
}

function rowAt(api: GridApi<GridRow>, rowIndex: number): GridRow | undefined {
  return api.getDisplayedRowAtIndex(rowIndex)?.data;
}

function columnDef(ctx: GridContext, colId: string) {
  return ctx.table.columns.find((c) => c.id === colId);
}

/** The selected block as printed text (what the officer sees is what Excel receives). */
export function selectionText(deps: ClipboardDeps): string | null {
  const api = deps.apiRef.current;
  const sel = currentSelection(deps);
  if (!api || !sel) return null;
  const colIds = displayedColIds(api);
  const rect = selectionRect(sel, colIds);
  if (!rect) return null;
  const rows = rectCells(rect, colIds).map((line) =>
    line.map((pos) => {
      const row = rowAt(api, pos.rowIndex);
      const col = columnDef(deps.ctx, pos.colId);
      return row && col ? cellView(deps.ctx, row, col).text : '';
    }),
  );
  return toTsv(rows);
}

function currentSelection(deps: ClipboardDeps): Selection | null {
  const api = deps.apiRef.current;
  if (deps.selectionRef.current) return deps.selectionRef.current;
  const f = api?.getFocusedCell();
  if (!f) return null;
  const pos: CellPos = { rowIndex: f.rowIndex, colId: f.column.getColId() };
  return { anchor: pos, focus: pos };
}

/** The largest selection one pasted cell fills (as many cells as the selection marks show). */
const MAX_FILL = 20000;

export interface PastePlan {
  edits: CellEdit[];
  /** Non-empty pasted values that fell on label or code cells. */
  skipped: number;
  /** Pasted values that fell on computed cells (whatever they held: a computed cell is never pasted into). */
  computed: CellRef[];
  clipped: boolean;
  /** The selection one pasted cell filled, when it did. */
  filled?: { rows: number; cols: number };
}

/**
 * Maps a TSV block onto the grid from the top-left of the selection; computed and label cells are skipped. One
 * copied cell pasted over a selected rectangle fills all of it, as in Excel and WPS.
 */
export function pasteEdits(deps: ClipboardDeps, block: string[][]): PastePlan {
  const api = deps.apiRef.current;
  const sel = currentSelection(deps);
  const plan: PastePlan = { edits: [], skipped: 0, computed: [], clipped: false };
  if (!api || !sel) return plan;
  const colIds = displayedColIds(api);
  const rect = selectionRect(sel, colIds);
  if (!rect) return plan;
  const size = rectSize(rect);
  if (block.length === 1 && block[0].length === 1 && size.rows * size.cols > 1 && size.rows * size.cols <= MAX_FILL) {
    const value = block[0][0];
    block = Array.from({ length: size.rows }, () => Array.from({ length: size.cols }, () => value));
    plan.filled = size;
  }
  const rowCount = api.getDisplayedRowCount();
  block.forEach((line, r) => {
    line.forEach((text, c) => {
      const rowIndex = rect.top + r;
      const colIndex = rect.left + c;
      if (rowIndex >= rowCount || colIndex >= colIds.length) {
        plan.clipped = true;
        return;
      }
      const row = rowAt(api, rowIndex);
      const col = columnDef(deps.ctx, colIds[colIndex]);
      const ref = row && col ? cellRefOf(deps.ctx.table, row, col) : null;
      const view = row && col && ref ? cellView(deps.ctx, row, col) : null;
      if (ref && view?.computed) plan.computed.push(ref);
      else if (!row || !col || !ref || !view?.editable) {
        if (text.trim() !== '') plan.skipped += 1;
      } else plan.edits.push({ ref, col, text });
    });
  });
  return plan;
}

export function clearEdits(deps: ClipboardDeps): CellEdit[] {
  const api = deps.apiRef.current;
  const sel = currentSelection(deps);
  if (!api || !sel) return [];
  const colIds = displayedColIds(api);
  const rect = selectionRect(sel, colIds);
  if (!rect) return [];
  const out: CellEdit[] = [];
  for (const line of rectCells(rect, colIds)) {
    for (const pos of line) {
      const row = rowAt(api, pos.rowIndex);
      const col = columnDef(deps.ctx, pos.colId);
      const ref = row && col ? cellRefOf(deps.ctx.table, row, col) : null;
      if (row && col && ref && cellView(deps.ctx, row, col).editable) out.push({ ref, col, text: '' });
    }
  }
  return out;
}

export function applyPasteText(deps: ClipboardDeps, text: string): void {
  // Bounded and cleaned before anything else looks at it; each cell then goes through the commands' checks.
  const parsed = clipboardBlock(text);
  if (!parsed.ok) {
    deps.edits.notify(parsed.message, 'error');
    return;
  }
  const block = parsed.block;
  if (block.length === 0) return;
  const { edits, skipped, computed, clipped, filled } = pasteEdits(deps, block);
  const size = filled ?? { rows: block.length, cols: Math.max(...block.map((l) => l.length)) };
  if (edits.length > 0) deps.edits.paste(edits, size);
  const notes: string[] = [];
  if (computed.length > 0) {
    // The officer pastes inputs only: say how many computed cells kept their value, and why (the first one's sum).
    const reason = computedReason(deps.ctx.doc, deps.ctx.template, computed[0]);
    const why = reason ? `（${reason.formula}，请修改${reason.edit}）` : '';
    notes.push(edits.length > 0
      ? `已粘贴 ${edits.length} 个单元格，跳过 ${computed.length} 个自动计算的单元格${why}`
      : computed.length === 1 && reason ? `未粘贴：${explainComputed(reason)}` : `未粘贴：${computed.length} 个单元格自动计算${why}`);
  }
  if (clipped) notes.push('粘贴区域超出表格，超出部分已忽略');
  if (skipped > 0) notes.push(`${skipped} 个编码或名称等不能填写的单元格未粘贴`);
  if (notes.length) deps.edits.notify(notes.join('；'));
}

/** Selected keys for cell styling. */
export function selectedKeys(deps: ClipboardDeps, sel: Selection | null): Set<string> {
  const keys = new Set<string>();
  const api = deps.apiRef.current;
  if (!api || !sel) return keys;
  if (sel.anchor.rowIndex === sel.focus.rowIndex && sel.anchor.colId === sel.focus.colId) return keys;
  const colIds = displayedColIds(api);
  const rect = selectionRect(sel, colIds);
  if (!rect || rectSize(rect).rows * rectSize(rect).cols > 20000) return keys;
  for (const line of rectCells(rect, colIds)) {
    for (const pos of line) {
      const row = rowAt(api, pos.rowIndex);
      const col = columnDef(deps.ctx, pos.colId);
      const ref = row && col ? cellRefOf(deps.ctx.table, row, col) : null;
      if (ref) keys.add(cellKey(ref));
    }
  }
  return keys;
}

/** About 2,000 pasted figures: smaller blocks are applied within the paste event itself. */
const LARGE_PASTE_CHARS = 20_000;

/** Document-level copy/paste events while focus is in this grid and no cell is being edited. */
export function useClipboardEvents(deps: ClipboardDeps): void {
  useEffect(() => {
    const inGrid = () => {
      const root = deps.rootRef.current;
      const api = deps.apiRef.current;
      return Boolean(root && api && root.contains(document.activeElement) && api.getEditingCells().length === 0);
    };
    const onCopy = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      const text = selectionText(deps);
      if (text === null || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
    };
    // Cut = copy, then clear the editable cells of the block as one undoable command.
    const onCut = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      onCopy(e);
      const targets = clearEdits(deps);
      if (targets.length) deps.edits.clear(targets);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      // A large block (a column of thousands of figures) is applied in the task after the event's. Inside the
      // event the window's refresh would run in the same task as the command (React renders an event's updates
      // before the event ends); after it, the command and the refresh are two tasks, neither holding the window
      // for long. The officer sees no difference: the next frame shows the pasted figures either way.
      if (text.length > LARGE_PASTE_CHARS) window.setTimeout(() => applyPasteText(deps, text), 0);
      else applyPasteText(deps, text);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    document.addEventListener('cut', onCut);
    return () => {
      document.removeEventListener('cut', onCut);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [deps]);
}
