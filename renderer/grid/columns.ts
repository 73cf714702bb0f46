import type { CellClassParams, ColDef, ColGroupDef, ITooltipParams, ValueGetterParams } from 'ag-grid-community';
import { formatAmount } from '../../core/amount/amount';
import { cellKey, isOrgRow } from '../../core/document/document';
import type { ColumnDef, TableDef } from '../../core/template/template.schema';
import type { GridContext } from './grid-context';
import { SeededTextEditor } from './text-editor';
import { columnNumbers } from '../../core/template/header-layout';
import { printedCell, printsBlankZero } from '../../core/layout/printed-layout';
import { headerTree, type HeaderNode } from '../../core/layout/header-tree';
import { isComputedCell } from '../../core/commands/cell-writer';
import { cellRefOf, type GridRow } from './grid-rows';

/** One Chinese character ≈ 14 px at the grid's font size, plus padding. */
const CHAR_PX = 14;

type Params = { data?: GridRow; context: GridContext };

/** What a cell shows and whether it can be edited, from the document (no arithmetic: computed values are core's). */
export interface CellView {
  text: string;
  editable: boolean;
  computed: boolean;
  /** Worst finding on the cell (for the outline colour), or null. */
  severity?: 'error' | 'warning' | null;
}

export function cellView(ctx: GridContext, row: GridRow, col: ColumnDef): CellView {
  const key = `${row.key}\u0001${col.id}`;
  let view = ctx.viewCache.get(key);
  if (!view) {
    view = computeView(ctx, row, col);
    const ref = cellRefOf(ctx.table, row, col);
    const findings = ref ? ctx.findingsByCell.get(cellKey(ref)) : undefined;
    view.severity = !findings?.length ? null : findings.some((f) => f.severity === 'error') ? 'error' : 'warning';
    ctx.viewCache.set(key, view);
  }
  return view;
}

function computeView(ctx: GridContext, row: GridRow, col: ColumnDef): CellView {
  if (row.numbers) return { text: columnNumbers(ctx.table)[ctx.table.columns.indexOf(col)] ?? '', editable: false, computed: false };
  const ref = cellRefOf(ctx.table, row, col);
  if (!ref) return { text: '', editable: false, computed: false };
  const data = ctx.rowsById.get(ref.row);
  // An organisation row (部门 / 单位) is a subtotal as the budget system printed it: shown like 合计, never typed in.
  const org = data !== undefined && isOrgRow(data);
  // What the cell shows is what the printed table prints there (core's layout); the grid adds only editability.
  const cell = printedCell(ctx.table, row, col, ctx.rowsById);
  const text = cell.kind === 'text' ? cell.text : '';
  switch (col.kind) {
    case 'amount': {
      // Which cells are computed is core's decision (column formulas, sum rows), the same one the commands use.
      const computed = org || isComputedCell(ctx.doc, ctx.template, ref);
      const value = cell.kind === 'amount' ? cell.value : 0;
      return { text: formatAmount(value, { blankZero: printsBlankZero(ctx.doc, ctx.template) }), editable: !computed, computed };
    }
    case 'code':
      return { text, editable: false, computed: false };
    case 'name': {
      const model = ctx.table.rows.kind;
      // Project names (表7) and code names are the officer's text; fixed labels are the template's.
      const editable = (model === 'projects' || model === 'coded') && ref.row !== 'total' && data !== undefined && !org;
      return { text, editable, computed: false };
    }
    case 'text':
      return { text, editable: ref.row !== 'total' && data !== undefined && !org, computed: false };
  }
}

function leafDef(col: ColumnDef, leafLabel: string): ColDef<GridRow> {
  const isAmount = col.kind === 'amount';
  const widthChars = col.width ?? (isAmount ? 10 : 8);
  return {
    colId: col.id,
    headerName: leafLabel,
    // The printed width is the minimum; sizeColumnsToFit (TableGrid) spreads spare room in proportion.
    width: Math.max(44, Math.round(widthChars * CHAR_PX * (isAmount ? 0.8 : 1)) + 14),
    minWidth: Math.max(44, Math.round(widthChars * CHAR_PX * (isAmount ? 0.8 : 1)) + 14),
    type: isAmount ? 'rightAligned' : undefined,
    valueGetter: (p: ValueGetterParams<GridRow>) => (p.data ? cellView(p.context as GridContext, p.data, col).text : ''),
    // The grid never writes the value itself: the edit goes through a core command (see use-grid-editing.ts).
    valueSetter: () => false,
    editable: (p) => (p.data ? cellView(p.context as GridContext, p.data, col).editable : false),
    cellClass: (p: CellClassParams<GridRow>) => staticClasses(p as Params, col),
    cellClassRules: classRules(col),
    tooltipValueGetter: (p: ITooltipParams<GridRow>) => cellTooltip(p as unknown as Params, col),
    cellEditor: isAmount ? 'agTextCellEditor' : SeededTextEditor,
    sortable: false,
    suppressMovable: true,
    headerClass: 'bd-header',
    wrapHeaderText: true,
    autoHeaderHeight: true,
    cellDataType: false,
  };
}

/** Classes fixed for the cell's lifetime (kind, indentation, missing side of a side-by-side line). */
function staticClasses(p: Params, col: ColumnDef): string[] {
  const row = p.data;
  if (!row) return [];
  const classes = [`bd-${col.kind}`];
  if (!cellRefOf(p.context.table, row, col)) classes.push('bd-void');
  if (col.kind === 'name' && row.level > 0) classes.push(`bd-indent-${Math.min(row.level, 3)}`);
  return classes;
}

function isKey(p: Params, col: ColumnDef, pick: (ctx: GridContext) => string | null | Set<string>): boolean {
  const target = pick(p.context);
  if (target === null || (target instanceof Set && target.size === 0)) return false; // the usual case: nothing to mark
  const ref = p.data ? cellRefOf(p.context.table, p.data, col) : null;
  if (!ref) return false;
  const key = cellKey(ref);
  return target instanceof Set ? target.has(key) : target === key;
}

/** Rules (not cellClass) so that a refresh also removes a class: AG Grid re-evaluates rules on refreshCells. */
function classRules(col: ColumnDef): Record<string, (p: CellClassParams<GridRow>) => boolean> {
  const view = (p: Params) => (p.data ? cellView(p.context, p.data, col) : null);
  return {
    'bd-computed': (p) => view(p as Params)?.computed === true,
    'bd-readonly': (p) => {
      const v = view(p as Params);
      return v !== null && !v.computed && !v.editable;
    },
    'bd-cell-error': (p) => view(p as Params)?.severity === 'error',
    'bd-cell-warning': (p) => view(p as Params)?.severity === 'warning',
    'bd-selected': (p) => isKey(p as Params, col, (c) => c.selected),
    'bd-flash': (p) => isKey(p as Params, col, (c) => c.flashKey),
  };
}

function cellTooltip(p: Params, col: ColumnDef): string | undefined {
  if (!p.data) return undefined;
  const ref = cellRefOf(p.context.table, p.data, col);
  if (!ref) return undefined;
  const findings = p.context.findingsByCell.get(cellKey(ref));
  if (!findings?.length) return undefined;
  return findings.map((f) => `${f.severity === 'error' ? '错误' : '提示'}：${f.message}`).join('\n');
}

/**
 * Multi-level header groups as printed: the groups and leaves of core's header layout, the one Excel and Word merge
 * cells by. A leaf with a shorter path spans the header rows below it (AG Grid pads and spans it).
 */
export function buildColumnDefs(table: TableDef): (ColDef<GridRow> | ColGroupDef<GridRow>)[] {
  return headerTree(table.columns).map((node) => columnDefOf(table, node, '', 0));
}

/** Group ids name the level and the first column's offset inside the parent group (stable for column state). */
function columnDefOf(table: TableDef, node: HeaderNode, idPrefix: string, parentCol: number): ColDef<GridRow> | ColGroupDef<GridRow> {
  if (node.kind === 'leaf') return leafDef(table.columns[node.col], node.label);
  const groupId = `${idPrefix}g${node.row}_${node.col - parentCol}`;
  return {
    groupId,
    headerName: node.label,
    headerClass: 'bd-header-group',
    marryChildren: true,
    children: node.children.map((child) => columnDefOf(table, child, `${groupId}_`, node.col)),
  };
}
