import type { BudgetDocument, CellRef } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import type { Finding, PrintedFinding } from './finding';

/**
 * Findings in the shape `validate --json` prints: tables by printed number (表3 / 表三), rows by code (类/款/项
 * joined), the fixed row's label or 合计, columns by leaf header label.
 */
export function toPrintedFindings(findings: readonly Finding[], template: TemplateSet, doc: BudgetDocument): PrintedFinding[] {
  const print = cellPrinter(template, doc);
  return findings.map((f) => ({ severity: f.severity, rule: f.rule, message: f.message, cells: f.cells.map(print) }));
}

/** A cell as people name it: 表5 / 2101101 / 合计 (the names `validate --json` and the preview's cell lists use). */
export type PrintedCellRef = PrintedFinding['cells'][number];

/** Names cells as printed; built once per document state, since it indexes the rows of the tables it meets. */
export function cellPrinter(template: TemplateSet, doc: BudgetDocument): (cell: CellRef) => PrintedCellRef {
  const tables = new Map(template.tables.map((t) => [t.id, t]));
  const fixedLabels = new Map<string, string>();
  for (const t of template.tables) {
    const model = t.rows;
    const fixed = model.kind === 'fixed' ? model.rows : model.kind === 'sideBySide' ? [...model.sides[0], ...model.sides[1], ...model.totals] : [];
    for (const r of fixed) fixedLabels.set(`${t.id}\u0001${r.id}`, r.label.replace(/\s+/g, ''));
  }
  const rowIndex = new Map<string, Map<string, { code?: string; name?: string }>>();
  const rowOf = (table: string, id: string): { code?: string; name?: string } | undefined => {
    let index = rowIndex.get(table);
    if (!index) {
      index = new Map();
      for (const r of doc.tables[table]?.rows ?? []) if (!index.has(r.id)) index.set(r.id, r);
      rowIndex.set(table, index);
    }
    return index.get(id);
  };
  return (cell: CellRef): PrintedCellRef => {
    const def = tables.get(cell.table);
    const column = def?.columns.find((c) => c.id === cell.col);
    const row = rowOf(cell.table, cell.row);
    const fixed = fixedLabels.get(`${cell.table}\u0001${cell.row}`);
    let rowLabel: string;
    if (def?.rows.kind === 'projects' && /^p\d+$/.test(cell.row)) rowLabel = row?.name ? `${row.code ?? ''} ${row.name}`.trim() : cell.row;
    else if (row?.code) rowLabel = row.code;
    else if (fixed !== undefined) rowLabel = fixed;
    else if (cell.row === 'total') rowLabel = '合计';
    else rowLabel = cell.row;
    return {
      table: def?.no ?? cell.table,
      row: rowLabel,
      column: column ? column.header[column.header.length - 1].replace(/\s+/g, '') : cell.col,
    };
  };
}
