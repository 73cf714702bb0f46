import type { BudgetDocument, CellRef } from '../core/document/document';
import type { Finding, PrintedFinding } from '../core/rules/finding';
import type { TableDef, TemplateSet } from '../core/template/template.schema';

/**
 * Findings in the printed vocabulary of `validate --json`: table by printed number (表3 / 表三), row by its code
 * (or a fixed row's label, or 合计; a project by its name), column by its leaf header label.
 */
export function printFindings(findings: readonly Finding[], template: TemplateSet, doc: BudgetDocument): PrintedFinding[] {
  const defs = new Map(template.tables.map((t) => [t.id, t]));
  return findings.map((f) => ({
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    cells: f.cells.map((c) => printCell(c, defs.get(c.table), doc)),
  }));
}

function printCell(ref: CellRef, def: TableDef | undefined, doc: BudgetDocument): PrintedFinding['cells'][number] {
  if (!def) return { table: ref.table, row: ref.row, column: ref.col };
  const column = def.columns.find((c) => c.id === ref.col)?.header.at(-1) ?? ref.col;
  return { table: def.no, row: rowLabel(def, ref.row, doc), column };
}

function rowLabel(def: TableDef, rowId: string, doc: BudgetDocument): string {
  const m = def.rows;
  if (m.kind === 'fixed' || m.kind === 'sideBySide') {
    const all = m.kind === 'fixed' ? m.rows : [...m.sides[0], ...m.sides[1], ...m.totals];
    const r = all.find((x) => x.id === rowId);
    if (!r) return rowId;
    return r.code ?? r.label.replace(/\s+/g, '');
  }
  if (rowId === 'total') return m.total.label.replace(/\s+/g, '');
  const row = doc.tables[def.id]?.rows.find((r) => r.id === rowId);
  if (m.kind === 'projects' && /^p\d+$/.test(rowId)) return row?.name ?? rowId;
  return row?.code ?? rowId;
}
