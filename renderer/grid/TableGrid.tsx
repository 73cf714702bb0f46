import type {
  CellDoubleClickedEvent, CellFocusedEvent, ColDef, GetRowIdParams, GridApi, IRowNode, SuppressKeyboardEventParams,
} from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ChangeSet } from '../../core/commands/command';
import { cellKey, type BudgetDocument, type CellRef } from '../../core/document/document';
import { structureOf } from '../../core/structure/structure-model';
import type { TableDef, TemplateSet } from '../../core/template/template.schema';
import { changedFindingRows, type CellFindingsLookup } from './cell-findings';
import { buildColumnDefs, cellView } from './columns';
import type { GridContext } from './grid-context';
import type { GridEdits, GridHandle } from './grid-edits';
import { buildGridRows, cellRefOf, columnNumberRows, columnSide, indexRows, type GridRow } from './grid-rows';
import { gridTheme } from './grid-theme';
import { markTableShown } from '../app/first-paint';
import './grid.css';
import { createImeProxy, type ImeProxy } from './ime-proxy';
import type { Selection } from './selection';
import { useCellExplain } from './use-cell-explain';
import { useColumnWidths } from './use-column-widths';
import { useGridHost } from './use-grid-host';
import { applyPasteText, clearEdits, selectedKeys, selectionText, useClipboardEvents, type ClipboardDeps } from './use-grid-clipboard';

export interface TableGridProps {
  template: TemplateSet;
  doc: BudgetDocument;
  table: TableDef;
  /** Increments after every change to the document. */
  version: number;
  lastChanges: ChangeSet | null;
  findingsByCell: CellFindingsLookup;
  edits: GridEdits;
  handleRef: RefObject<GridHandle | null>;
  /** A cell to focus (and flash) as soon as the rows are rendered: a finding clicked while another table was open. */
  initialFocus?: CellRef | null;
  onInitialFocusDone?: () => void;
}

/** Keys the grid itself must not act on: composing IME keys (Enter picks a candidate) and our own shortcuts. */
function suppressKeyboardEvent(p: SuppressKeyboardEventParams<GridRow>): boolean {
  const e = p.event;
  if (e.isComposing || e.keyCode === 229) return true;
  if (!p.editing && (e.key === 'Delete' || e.key === 'Backspace')) return true;
  if ((e.ctrlKey || e.metaKey) && ['z', 'y', 'c', 'v', 'x', 's', 'o', 'n'].includes(e.key.toLowerCase())) return !p.editing || ['s', 'o', 'n'].includes(e.key.toLowerCase());
  return false;
}

const defaultColDef: ColDef<GridRow> = { suppressKeyboardEvent, resizable: true };

export function TableGrid(props: TableGridProps) {
  const { template, doc, table, version, lastChanges, findingsByCell, edits, handleRef, initialFocus, onInitialFocusDone } = props;
  const [rendered, setRendered] = useState(false);
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const selectionRef = useRef<Selection | null>(null);
  const shiftRef = useRef(false);
  const imeRef = useRef<ImeProxy | null>(null);

  // One mutable context object per table: column callbacks read the current document and findings through it.
  const ctx = useMemo<GridContext>(
    () => ({ template, table, doc, rowsById: indexRows(doc, table.id), findingsByCell, selected: new Set(), flashKey: null, viewCache: new Map() }),
    [template, table, doc],
  );
  const [rowData, setRowData] = useState<GridRow[]>(() => buildGridRows(table, doc));
  const columnWidths = useColumnWidths(ctx, rowData);
  const columnDefs = useMemo(() => buildColumnDefs(table, columnWidths.widths), [table, columnWidths.widths]);
  const explain = useCellExplain(rootRef, apiRef, ctx, edits);

  // No effect re-sets the rows on mount: a pane is keyed by table and opened document, so the initial rows are the
  // document's, and handing AG Grid the same 10,000 rows twice cost most of a second.

  // After a change: refresh only the grid rows whose cells changed or whose findings changed; rebuild the row list
  // only when rows were added/removed. Redrawing every rendered cell per keystroke is what made typing lag.
  const seen = useRef({ version, findingsByCell });
  useEffect(() => {
    const api = apiRef.current;
    const prev = seen.current;
    seen.current = { version, findingsByCell };
    const docChanged = version !== prev.version;
    const whole = docChanged && (!lastChanges || version !== prev.version + 1 || lastChanges.meta || lastChanges.tables.includes(table.id));
    if (docChanged && whole) ctx.rowsById = indexRows(doc, table.id);
    else if (docChanged) refreshRowsById(ctx, doc, lastChanges!.cells);
    ctx.findingsByCell = findingsByCell;
    if (whole) {
      ctx.viewCache.clear();
      if (lastChanges && (lastChanges.tables.includes(table.id) || lastChanges.meta)) {
        const rows = buildGridRows(table, doc);
        setRowData((old) => reuseRows(old, rows));
        columnWidths.rowsChanged(rows);
      }
      api?.refreshCells({ force: true });
      return;
    }
    // Only the cells whose value or findings changed are redrawn (a typed figure changes its row's 合计 and the sums
    // above it in the same columns); a cell shows nothing of its row's other cells.
    const rowIds = new Set<string>();
    const cols = new Set<string>();
    if (docChanged) {
      for (const c of lastChanges!.cells) {
        if (c.table !== table.id) continue;
        rowIds.add(c.row);
        cols.add(c.col);
      }
      if (rowIds.size > 0) columnWidths.cellsChanged(lastChanges!.cells, (id) => api?.getRowNode(id)?.data?.level ?? 0);
    }
    if (findingsByCell !== prev.findingsByCell) changedFindingRows(prev.findingsByCell, findingsByCell, table.id, rowIds, cols);
    refreshRows(api, ctx, rowIds, true, cols);
  }, [version, findingsByCell]);

  const deps = useMemo<ClipboardDeps>(() => ({ apiRef, rootRef, ctx, selectionRef, edits }), [ctx, edits]);
  useClipboardEvents(deps);

  const setSelection = useCallback((sel: Selection | null) => {
    selectionRef.current = sel;
    const before = ctx.selected;
    ctx.selected = selectedKeys(deps, sel);
    // Moving the focus between single cells (every Enter and arrow key) marks nothing: redraw only the rows whose
    // selection mark appears or goes.
    if (before.size === 0 && ctx.selected.size === 0) return;
    const rowIds = new Set<string>();
    for (const keys of [before, ctx.selected]) for (const key of keys) rowIds.add(key.split('\u0001')[1]);
    refreshRows(apiRef.current, ctx, rowIds, false);
  }, [ctx, deps]);

  const isTextCell = useCallback((rowIndex: number, colId: string) => {
    const api = apiRef.current;
    const row = api?.getDisplayedRowAtIndex(rowIndex)?.data;
    const col = table.columns.find((c) => c.id === colId);
    if (!row || !col || (col.kind !== 'name' && col.kind !== 'text')) return false;
    return cellView(ctx, row, col).editable;
  }, [ctx, table]);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const proxy = createImeProxy(root, () => apiRef.current ?? undefined, isTextCell);
    imeRef.current = proxy;
    return () => proxy.dispose();
  }, [isTextCell]);

  const focusCell = useCallback((ref: CellRef, flash: boolean) => {
    const api = apiRef.current;
    if (!api || ref.table !== table.id) return;
    const col = table.columns.find((c) => c.id === ref.col) ?? table.columns.find((c) => c.kind === 'amount');
    if (!col) return;
    const side = columnSide(table, col);
    const node = findNode(api, (r) => r.rowIds[side] === ref.row);
    if (!node || node.rowIndex === null) return;
    api.ensureIndexVisible(node.rowIndex, 'middle');
    api.ensureColumnVisible(col.id);
    api.setFocusedCell(node.rowIndex, col.id);
    setSelection(null);
    if (flash) {
      ctx.flashKey = cellKey({ table: table.id, row: ref.row, col: col.id });
      api.refreshCells({ rowNodes: [node], force: true });
      api.flashCells({ rowNodes: [node], columns: [col.id], flashDuration: 900, fadeDuration: 600 });
      window.setTimeout(() => {
        ctx.flashKey = null;
        apiRef.current?.refreshCells({ rowNodes: [node], force: true });
      }, 1600);
    }
  }, [ctx, table, setSelection]);

  useEffect(() => {
    handleRef.current = {
      copy: async () => {
        const text = selectionText(deps);
        if (text !== null) await navigator.clipboard.writeText(text);
      },
      paste: async () => applyPasteText(deps, await navigator.clipboard.readText()),
      pasteText: (text) => applyPasteText(deps, text),
      selectedRowIds: () => selectedRowIds(apiRef.current, selectionRef.current),
      focusCell,
      focusedCell: () => {
        const f = apiRef.current?.getFocusedCell();
        const row = f && !f.rowPinned ? apiRef.current?.getDisplayedRowAtIndex(f.rowIndex)?.data : undefined;
        const col = f ? table.columns.find((c) => c.id === f.column.getColId()) : undefined;
        return row && col ? cellRefOf(table, row, col) : null;
      },
      stopEditing: () => apiRef.current?.stopEditing(false),
    };
    return () => {
      handleRef.current = null; // a text section or another table replaces this grid
    };
  }, [deps, focusCell, handleRef, table]);

  useEffect(() => {
    if (!rendered || !initialFocus) return;
    focusCell(initialFocus, true);
    onInitialFocusDone?.();
  }, [rendered, initialFocus, focusCell, onInitialFocusDone]);

  const onCellFocused = useCallback((e: CellFocusedEvent<GridRow>) => {
    if (e.rowIndex === null || e.column === null || typeof e.column === 'string' || e.rowPinned) return;
    const pos = { rowIndex: e.rowIndex, colId: e.column.getColId() };
    const prev = selectionRef.current;
    if (shiftRef.current && prev) setSelection({ anchor: prev.anchor, focus: pos });
    else if (!prev || prev.anchor.rowIndex !== pos.rowIndex || prev.anchor.colId !== pos.colId || prev.focus !== prev.anchor) {
      setSelection({ anchor: pos, focus: pos });
    }
    imeRef.current?.place();
  }, [setSelection]);

  // A typed value, as the editor closes (the column's valueSetter calls it in the key's own task).
  ctx.onEdit = (row, col, value) => {
    const ref = { table: table.id, row: row.rowIds[columnSide(table, col)] ?? '', col: col.id };
    if (!ref.row) return;
    edits.commit({ ref, col, text: value === null || value === undefined ? '' : String(value) });
  };

  const onKeyDownCapture = (e: React.KeyboardEvent) => {
    if (e.key !== 'Shift') shiftRef.current = e.shiftKey;
    explain.hide();
    const api = apiRef.current;
    if (!api || api.getEditingCells().length > 0) return;
    const focused = api.getFocusedCell();
    const at = focused && !focused.rowPinned ? { rowIndex: focused.rowIndex, colId: focused.column.getColId() } : null;
    if ((e.key === 'Delete' || e.key === 'Backspace') && !e.nativeEvent.isComposing) {
      const targets = clearEdits(deps);
      if (targets.length) edits.clear(targets);
      // Clearing a computed cell alone would silently do nothing: say why instead.
      else if (at && isSingleCell(selectionRef.current)) explain.explainIfComputed(at.rowIndex, at.colId);
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    // Typing (or F2) into a computed cell: the grid would ignore it; the cell says why and keeps its value.
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.nativeEvent.isComposing;
    if (at && plain && (e.key.length === 1 || e.key === 'F2') && explain.explainIfComputed(at.rowIndex, at.colId)) e.preventDefault();
  };

  const onCellDoubleClicked = useCallback((e: CellDoubleClickedEvent<GridRow>) => {
    if (e.rowIndex === null || e.rowPinned) return;
    explain.explainIfComputed(e.rowIndex, e.column.getColId());
  }, [explain]);

  // Handlers the grid calls, read through a ref so the grid (created once) always reaches the current ones.
  const on = useRef({ onCellFocused, onCellDoubleClicked });
  on.current = { onCellFocused, onCellDoubleClicked };
  const hostRef = useRef<HTMLDivElement | null>(null);
  const pinnedTopRowData = useMemo(() => columnNumberRows(template, table), [template, table]);
  useGridHost<GridRow>(hostRef, apiRef, ctx, () => ({
    theme: gridTheme,
    defaultColDef,
    context: ctx,
    getRowId,
    onCellFocused: (e) => on.current.onCellFocused(e),
    onCellDoubleClicked: (e) => on.current.onCellDoubleClicked(e),
    onCellEditingStopped: () => window.setTimeout(() => imeRef.current?.place(), 0),
    onFirstDataRendered: () => {
      performance.mark(`bd-grid-rendered:${table.id}`);
      markTableShown();
      setRendered(true);
    },
    enterNavigatesVertically: true,
    enterNavigatesVerticallyAfterEdit: true,
    stopEditingWhenCellsLoseFocus: true,
    singleClickEdit: false,
    suppressMovableColumns: true,
    animateRows: false,
    // Columns fit the window (column-widths.ts), so there is nothing to virtualise sideways; rendering them all
    // spares the per-scroll check of which columns are in view.
    suppressColumnVirtualisation: true,
    rowBuffer: 12,
    // The page shows its own cell tooltips (grid-tooltip.ts). With the grid's own kind, every cell that scrolls into
    // view would build a tooltip manager with its listeners — an eighth of the scripting while scrolling — for
    // tooltips it never has; browser tooltips only set a title when a column asks for one (none does).
    enableBrowserTooltips: true,
    getRowClass: rowClass,
  }), { rowData, columnDefs, pinnedTopRowData }, () => structureOf(doc, template).table(table.id));

  return (
    <div
      className="bd-grid"
      ref={rootRef}
      onKeyDownCapture={onKeyDownCapture}
      // The grid reports focus changes after the key/pointer event (sometimes after the key is released), so the
      // Shift state of the last key or pointer press decides whether the focus change extends the selection.
      onPointerDownCapture={(e) => (shiftRef.current = e.shiftKey)}
    >
      <div ref={hostRef} className="bd-grid-host" />
    </div>
  );
}

/** Organisation rows are subtotals: they wear the 合计 row's style, plus their own class for finer styling. */
const rowClass = (p: { data?: GridRow }): string | string[] | undefined =>
  p.data?.numbers ? 'bd-row-numbers' : p.data?.isTotal ? 'bd-row-total' : p.data?.isOrg ? ['bd-row-total', 'bd-row-org'] : undefined;
const isSingleCell = (sel: Selection | null) => !sel || (sel.anchor.rowIndex === sel.focus.rowIndex && sel.anchor.colId === sel.focus.colId);
const getRowId = (p: GetRowIdParams<GridRow>) => p.data.key;

function findNode(api: GridApi<GridRow>, test: (r: GridRow) => boolean) {
  let found: ReturnType<GridApi<GridRow>['getDisplayedRowAtIndex']>;
  api.forEachNode((n) => {
    if (!found && n.data && test(n.data)) found = n;
  });
  return found;
}

function selectedRowIds(api: GridApi<GridRow> | null, sel: Selection | null): string[] {
  if (!api) return [];
  const focused = api.getFocusedCell();
  const top = sel ? Math.min(sel.anchor.rowIndex, sel.focus.rowIndex) : focused?.rowIndex;
  const bottom = sel ? Math.max(sel.anchor.rowIndex, sel.focus.rowIndex) : focused?.rowIndex;
  if (top === undefined || bottom === undefined) return [];
  const ids: string[] = [];
  for (let i = top; i <= bottom; i += 1) {
    const id = api.getDisplayedRowAtIndex(i)?.data?.rowIds[0];
    if (id) ids.push(id);
  }
  return ids;
}

/**
 * Redraws the grid rows showing these document rows, only the given columns when given (and forgets the rows' cached
 * views when their content changed).
 */
function refreshRows(api: GridApi<GridRow> | null, ctx: GridContext, rowIds: Set<string>, changed: boolean, columns?: ReadonlySet<string>): void {
  if (rowIds.size === 0 || !api) return;
  const nodes = new Set<IRowNode<GridRow>>();
  if (ctx.table.rows.kind === 'sideBySide') {
    // Printed lines pair two document rows: look them up by either side (a few dozen lines).
    api.forEachNode((n) => {
      const r = n.data;
      if (!r) return;
      if ((r.rowIds[0] !== null && rowIds.has(r.rowIds[0])) || (r.rowIds[1] !== null && rowIds.has(r.rowIds[1]))) {
        nodes.add(n);
        if (changed) ctx.viewCache.delete(r.key);
      }
    });
  } else {
    // Elsewhere a grid row's id (its key) is the document row's id. Every changed row's cached view is dropped, but
    // only the rows on screen are redrawn — the others are drawn afresh when scrolled to — so a pasted column of
    // 5,000 figures redraws the forty rows that show, without looking up 5,000 grid rows.
    if (changed) for (const id of rowIds) ctx.viewCache.delete(id);
    for (const n of api.getRenderedNodes()) if (n.data && n.id !== undefined && rowIds.has(n.id)) nodes.add(n);
  }
  if (nodes.size > 0) api.refreshCells({ rowNodes: [...nodes], ...(columns ? { columns: [...columns] } : {}), force: true });
}

/**
 * After a cell edit: the changed rows' current objects (commands may replace them), found through the structure
 * model, instead of indexing every row of a 10,000-row table per keystroke. With duplicated row ids (a damaged
 * file) the whole index is rebuilt, as it always was.
 */
function refreshRowsById(ctx: GridContext, doc: BudgetDocument, cells: readonly CellRef[]): void {
  const tableId = ctx.table.id;
  const rows = doc.tables[tableId]?.rows ?? [];
  const t = structureOf(doc, ctx.template).table(tableId);
  if (!t || t.pos.size !== t.length) {
    if (cells.some((c) => c.table === tableId)) ctx.rowsById = indexRows(doc, tableId);
    return;
  }
  for (const c of cells) {
    if (c.table !== tableId) continue;
    const i = t.positionOf(c.row);
    if (i < 0) {
      ctx.rowsById = indexRows(doc, tableId);
      return;
    }
    ctx.rowsById.set(c.row, rows[i]!);
  }
}

/** Keeps the old row objects where nothing about the printed line changed, so AG Grid redraws only new rows. */
function reuseRows(old: GridRow[], next: GridRow[]): GridRow[] {
  const byKey = new Map(old.map((r) => [r.key, r]));
  return next.map((r) => {
    const o = byKey.get(r.key);
    const same = o && o.level === r.level && o.isTotal === r.isTotal && o.isOrg === r.isOrg && o.rowIds[0] === r.rowIds[0] && o.rowIds[1] === r.rowIds[1];
    return same ? o : r;
  });
}
