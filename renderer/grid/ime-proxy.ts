import type { GridApi } from 'ag-grid-community';
import { clearEditorSeed, seedNextEditor } from './text-editor';

/**
 * Chinese IME input into text cells (AG Grid 12805 / AG-3255; see docs/CHINESE-IME.md).
 *
 * A focused grid cell is a plain div, so Chromium does not route the first key through the IME: the grid starts
 * editing with the raw letter ("c测试项目"). While an editable text cell is focused and not editing, we keep focus
 * in a transparent <input> inside that cell so the IME is active from the first key. Navigation keys bubble on to
 * the grid; typed text starts the grid's editor seeded with the committed characters.
 */

/** Keys the grid must still see while the proxy has focus (navigation, edit start, clear, cancel). */
const GRID_KEYS = new Set([
  'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', 'Tab', 'F2', 'Delete', 'Backspace', 'Escape',
  'PageUp', 'PageDown', 'Home', 'End',
]);

export interface ImeProxy {
  /** Put the proxy into the focused cell if it is an editable text cell (call on cellFocused / editing stopped). */
  place(): void;
  remove(): void;
  dispose(): void;
}

export function createImeProxy(
  root: HTMLElement,
  getApi: () => GridApi | undefined,
  isTextCell: (rowIndex: number, colId: string) => boolean,
): ImeProxy {
  const input = document.createElement('input');
  input.className = 'bd-ime-proxy';
  input.setAttribute('aria-label', '输入单元格内容');
  input.autocomplete = 'off';
  input.spellcheck = false;
  let target: { rowIndex: number; colId: string } | null = null;

  let removing = false;
  /** Counts placements, so that a removal deferred from a blur never takes out a later placement. */
  let placements = 0;
  const remove = () => {
    target = null;
    input.value = '';
    // Removing a focused element fires blur, which calls remove() again: guard the re-entry.
    if (removing || !input.parentElement) return;
    removing = true;
    try {
      input.remove();
    } finally {
      removing = false;
    }
  };

  const commit = (text: string) => {
    const api = getApi();
    const at = target;
    input.value = '';
    if (!text || !api || !at) return;
    const editing = api.getEditingCells().length > 0;
    if (editing) {
      // The editor exists but has not taken focus yet: hand it the text directly.
      const editor = api.getCellEditorInstances()[0] as unknown as { append?: (t: string) => void } | undefined;
      editor?.append?.(text);
      return;
    }
    seedNextEditor(text);
    api.startEditingCell({ rowIndex: at.rowIndex, colKey: at.colId });
    if (api.getEditingCells().length === 0) clearEditorSeed(); // the grid refused: do not seed a later edit
  };

  input.addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) {
      e.stopPropagation(); // the IME owns this key (Enter picks a candidate, it does not move down)
      return;
    }
    if (GRID_KEYS.has(e.key) || e.ctrlKey || e.metaKey || e.altKey) return; // reaches the grid as before
    e.stopPropagation(); // a typed character: let the input take it, do not let the grid start a plain edit
  });
  input.addEventListener('compositionend', () => commit(input.value));
  input.addEventListener('input', (e) => {
    if ((e as InputEvent).isComposing) return;
    commit(input.value);
  });
  input.addEventListener('blur', () => {
    // Uncommitted pinyin is dropped when focus leaves (clicking another cell): no stray edit. Not in the blur event
    // itself: when the grid refreshes the cell (a pasted name), it removes the cell's children, the focused input
    // among them, and Chromium fires blur during that removal; taking the input out there makes the grid's own
    // removal throw, which took the whole window down. The next microtask finds it gone, or removes it.
    // (A placement in between, which moved the input on to another cell, keeps it.)
    target = null;
    input.value = '';
    const at = placements;
    queueMicrotask(() => {
      if (placements === at) remove();
    });
  });
  // Clicking elsewhere drops an unfinished composition before the browser could commit it on blur.
  const onPointerDown = (e: PointerEvent) => {
    if (target && e.target !== input) remove();
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  // The grid focuses the cell div itself (on click, after navigation, after an edit); move focus on into the proxy
  // once the grid has finished, so the IME is active before the first key.
  // A microtask, not a timer: Chromium runs queued input events before timers, so a key typed right after the click
  // would reach the cell div; the microtask runs as soon as the grid's own focus handling has returned.
  let scheduled = false;
  let disposed = false;
  const onFocusIn = (e: FocusEvent) => {
    const t = e.target as HTMLElement | null;
    if (!t?.classList?.contains('ag-cell') || scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!disposed) api().place();
    });
  };
  root.addEventListener('focusin', onFocusIn);

  const self: ImeProxy = {
    place() {
      const api = getApi();
      if (!api || api.getEditingCells().length > 0) return;
      const focused = api.getFocusedCell();
      if (!focused || focused.rowPinned) return remove();
      const colId = focused.column.getColId();
      if (!isTextCell(focused.rowIndex, colId)) return remove();
      const cell = root.querySelector<HTMLElement>(`.ag-row[row-index="${focused.rowIndex}"] .ag-cell[col-id="${colId}"]`);
      if (!cell) return remove();
      if (target && target.rowIndex === focused.rowIndex && target.colId === colId && input.parentElement === cell && document.activeElement === input) return;
      // Only take focus from the grid itself (not from a dialog or the findings panel).
      const active = document.activeElement;
      if (active && active !== document.body && !root.contains(active)) return;
      input.value = '';
      // Moving a focused input fires blur on the way: the target is set once it has arrived.
      cell.appendChild(input);
      placements += 1;
      target = { rowIndex: focused.rowIndex, colId };
      input.focus({ preventScroll: true });
    },
    remove,
    dispose() {
      document.removeEventListener('pointerdown', onPointerDown, true);
      root.removeEventListener('focusin', onFocusIn);
      disposed = true;
      remove();
    },
  };
  const api = () => self;
  return self;
}
