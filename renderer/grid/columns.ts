import type { CellClassParams, ColDef, ColGroupDef, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
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
import type { ColumnWidth } from './column-widths';
import { computedReason } from './computed-reason';

type Params = { data?: GridRow; context: GridContext };

/** What a cell shows and whether it can be edited, from the document (no arithmetic: computed values are core's). */
export interface CellView {
  text: string;
  editable: boolean;
  computed: boolean;
  /** Worst finding on the cell (for the outline colour), or null. */
  severity: 'error' | 'warning' | null;
  /** The cell's classes, worked out with the view (cellClass returns this list as is). */
  classes: string[];
}

type ViewBase = Pick<CellView, 'text' | 'editable' | 'computed'>;

export function cellView(ctx: GridContext, row: GridRow, col: ColumnDef): CellView {
  let views = ctx.viewCache.get(row.key);
  if (!views) ctx.viewCache.set(row.key, (views = []));
  const index = columnIndex(ctx.table, col);
  let view = views[index];
  if (!view) {
    const base = computeView(ctx, row, col);
    const ref = cellRefOf(ctx.table, row, col);
    const findings = ref ? ctx.findingsByCell.get(cellKey(ref)) : undefined;
    const severity = !findings?.length ? null : findings.some((f) => f.severity === 'error') ? 'error' : 'warning';
    view = views[index] = { ...base, severity, classes: viewClasses(ctx, row, col, base, severity) };
  }
  return view;
}

const columnIndexes = new WeakMap<ColumnDef, number>();

/** A column's position in its table (cached per definition object). */
function columnIndex(table: TableDef, col: ColumnDef): number {
  let i = columnIndexes.get(col);
  if (i === undefined) columnIndexes.set(col, (i = table.columns.indexOf(col)));
  return i;
}

function computeView(ctx: GridContext, row: GridRow, col: ColumnDef): ViewBase {
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

function leafDef(col: ColumnDef, leafLabel: string, width: ColumnWidth | undefined): ColDef<GridRow> {
  const isAmount = col.kind === 'amount';
  return {
    colId: col.id,
    headerName: leafLabel,
    // Widths come from content (column-widths.ts): the figure or name never shrinks below its floor, and spare room
    // is shared in proportion to each column's ideal width.
    flex: width?.ideal ?? 100,
    minWidth: width?.min ?? 44,
    type: isAmount ? 'rightAligned' : undefined,
    valueGetter: (p: ValueGetterParams<GridRow>) => (p.data ? cellView(p.context as GridContext, p.data, col).text : ''),
    // The grid never writes the value itself: the typed text goes to the pane's command as the editor closes (in
    // the key's own task, so the next frame already shows the new figure), and the grid is told nothing changed.
    valueSetter: (p: ValueSetterParams<GridRow>) => {
      (p.context as GridContext).onEdit?.(p.data, col, p.newValue);
      return false;
    },
    editable: (p) => (p.data ? cellView(p.context as GridContext, p.data, col).editable : false),
    // One function reading the cached view (AG Grid removes the classes it returned last time on every refresh):
    // far cheaper per rendered cell than a rule per class, which scrolling 5,000 rows pays for every new row.
    cellClass: (p: CellClassParams<GridRow>) => cellClasses(p as Params, col),
    cellEditor: isAmount ? 'agTextCellEditor' : SeededTextEditor,
    sortable: false,
    suppressMovable: true,
    headerClass: 'bd-header',
    wrapHeaderText: true,
    autoHeaderHeight: true,
    cellDataType: false,
  };
}

/** The cached view's classes, plus the selection and flash marks (rarely set, so usually the cached list itself). */
function cellClasses(p: Params, col: ColumnDef): string[] {
  const row = p.data;
  if (!row) return NO_CLASSES;
  const ctx = p.context;
  const view = cellView(ctx, row, col);
  if (ctx.selected.size === 0 && ctx.flashKey === null) return view.classes;
  const ref = cellRefOf(ctx.table, row, col);
  const key = ref ? cellKey(ref) : null;
  const extra: string[] = [];
  if (key !== null && ctx.selected.has(key)) extra.push('bd-selected');
  if (key !== null && key === ctx.flashKey) extra.push('bd-flash');
  return extra.length ? [...view.classes, ...extra] : view.classes;
}

const NO_CLASSES: string[] = [];

/** Classes of a cell's view: kind, indentation, missing side, computed / read-only, worst finding. */
function viewClasses(ctx: GridContext, row: GridRow, col: ColumnDef, view: ViewBase, severity: CellView['severity']): string[] {
  const classes = [`bd-${col.kind}`];
  if (!cellRefOf(ctx.table, row, col)) classes.push('bd-void');
  if (col.kind === 'name' && row.level > 0) classes.push(`bd-indent-${Math.min(row.level, 3)}`);
  if (view.computed) classes.push('bd-computed');
  else if (!view.editable) classes.push('bd-readonly');
  if (severity === 'error') classes.push('bd-cell-error');
  else if (severity === 'warning') classes.push('bd-cell-warning');
  return classes;
}

/** The tooltip of a cell: the whole text of a cell cut short, why it is computed, its findings. */
export function cellTooltip(ctx: GridContext, row: GridRow, col: ColumnDef, clipped = false): string | undefined {
  const ref = cellRefOf(ctx.table, row, col);
  if (!ref || row.numbers) return undefined;
  const lines: string[] = [];
  const view = cellView(ctx, row, col);
  if (clipped && view.text) lines.push(view.text);
  if (view.computed) {
    const reason = computedReason(ctx.doc, ctx.template, ref);
    if (reason) lines.push(`自动计算：${reason.formula}（请修改${reason.edit}）`);
  }
  for (const f of ctx.findingsByCell.get(cellKey(ref)) ?? []) lines.push(`${f.severity === 'error' ? '错误' : '提示'}：${f.message}`);
  return lines.length ? lines.join('\n') : undefined;
}

/**
 * Multi-level header groups as printed: the groups and leaves of core's header layout, the one Excel and Word merge
 * cells by. A leaf with a shorter path spans the header rows below it (AG Grid pads and spans it).
 */
export function buildColumnDefs(table: TableDef, widths?: ReadonlyMap<string, ColumnWidth>): (ColDef<GridRow> | ColGroupDef<GridRow>)[] {
  return headerTree(table.columns).map((node) => columnDefOf(table, node, '', 0, widths));
}

/** Group ids name the level and the first column's offset inside the parent group (stable for column state). */
function columnDefOf(
  table: TableDef, node: HeaderNode, idPrefix: string, parentCol: number, widths: ReadonlyMap<string, ColumnWidth> | undefined,
): ColDef<GridRow> | ColGroupDef<GridRow> {
  if (node.kind === 'leaf') return leafDef(table.columns[node.col], node.label, widths?.get(table.columns[node.col].id));
  const groupId = `${idPrefix}g${node.row}_${node.col - parentCol}`;
  return {
    groupId,
    headerName: node.label,
    headerClass: 'bd-header-group',
    marryChildren: true,
    wrapHeaderText: true,
    autoHeaderHeight: true,
    children: node.children.map((child) => columnDefOf(table, child, `${groupId}_`, node.col, widths)),
  };
}
