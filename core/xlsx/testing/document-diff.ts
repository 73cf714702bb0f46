import { formatAmount } from '../../amount/amount';
import type { BudgetDocument, RowData, TableData } from '../../document/document';
import type { TableDef, TemplateSet } from '../../template/template.schema';
import type { ImportReport } from '../import/import-report';
import { reportCounts } from '../import/import-report';

/**
 * Readable differences between a document and its import from a workbook: one line per table, row, column with
 * the expected and the imported value, instead of a diff of two large objects. Project rows are compared in
 * printed order by code, name and figures (the import numbers them itself); every other row by its id.
 */

export interface Difference {
  table: string;
  row: string;
  column: string;
  expected: string;
  got: string;
}

const BLANK = '(blank)';
const isProject = (r: RowData) => /^p\d+$/.test(r.id);
const shown = (v: number | undefined) => (v === undefined || v === 0 ? BLANK : formatAmount(v));
const textOf = (v: string | undefined) => (v === undefined || v === '' ? BLANK : JSON.stringify(v));

export function formatDifference(d: Difference): string {
  return `${d.table} · ${d.row} · ${d.column}: expected ${d.expected}, got ${d.got}`;
}

/** Errors of an import report as lines ("error Sheet1!C5 …"), and a line when the counts disagree with the list. */
export function importErrors(report: ImportReport): string[] {
  const errors = report.issues.filter((i) => i.severity === 'error');
  const lines = errors.map((i) => `import error ${i.sheet ?? ''}${i.cell ? `!${i.cell}` : ''} ${i.table ?? ''}: ${i.message}`.replace(/\s+/g, ' '));
  const counted = reportCounts(report).errors;
  if (counted !== errors.length) lines.push(`reportCounts(report).errors = ${counted}`);
  for (const t of report.notFound) lines.push(`table not found: ${t.title}`);
  return lines;
}

export interface ExpectedMeta {
  /** What the layout printed: zeros blank (true) or 0.00 (false). */
  blankZero: boolean;
}

export function diffDocuments(expected: BudgetDocument, got: BudgetDocument, set: TemplateSet, meta: ExpectedMeta): Difference[] {
  const out: Difference[] = [];
  const metaField = (column: string, e: unknown, g: unknown) => {
    if (e !== g) out.push({ table: 'meta', row: '-', column, expected: JSON.stringify(e), got: JSON.stringify(g) });
  };
  metaField('templateId', expected.meta.templateId, got.meta.templateId);
  metaField('unitName', expected.meta.unitName, got.meta.unitName);
  metaField('year', expected.meta.year, got.meta.year);
  metaField('entityKind', expected.meta.entityKind, got.meta.entityKind);
  metaField('blankZero', meta.blankZero, got.meta.blankZero);
  for (const def of set.tables) {
    out.push(...diffTable(def, expected.tables[def.id] ?? { rows: [] }, got.tables[def.id] ?? { rows: [] }));
  }
  return out;
}

function diffTable(def: TableDef, expected: TableData, got: TableData): Difference[] {
  const table = `${def.id}(${def.no})`;
  const out: Difference[] = [];
  if ((expected.note ?? '') !== (got.note ?? '')) out.push({ table, row: '-', column: 'note', expected: textOf(expected.note), got: textOf(got.note) });
  const label = (id: string) => def.columns.find((c) => c.id === id)?.header.join('/') ?? id;
  const values = (row: string, e: RowData, g: RowData) => {
    for (const col of new Set([...Object.keys(e.values), ...Object.keys(g.values)])) {
      if ((e.values[col] ?? 0) !== (g.values[col] ?? 0)) out.push({ table, row, column: `${col}(${label(col)})`, expected: shown(e.values[col]), got: shown(g.values[col]) });
    }
  };
  const texts = (row: string, e: RowData, g: RowData) => {
    if ((e.code ?? '') !== (g.code ?? '')) out.push({ table, row, column: 'code', expected: textOf(e.code), got: textOf(g.code) });
    if ((e.name ?? '') !== (g.name ?? '')) out.push({ table, row, column: 'name', expected: textOf(e.name), got: textOf(g.name) });
  };

  // Rows with stable ids: codes, 合计, fixed rows, 表七 subtotal rows.
  const keyed = (rows: RowData[]) => rows.filter((r) => !isProject(r));
  const eRows = keyed(expected.rows);
  const gRows = keyed(got.rows);
  const gById = new Map(gRows.map((r) => [r.id, r]));
  const eIds = new Set(eRows.map((r) => r.id));
  for (const e of eRows) {
    const g = gById.get(e.id);
    if (!g) {
      out.push({ table, row: e.id, column: '(row)', expected: 'present', got: 'missing' });
      continue;
    }
    texts(e.id, e, g);
    values(e.id, e, g);
  }
  for (const g of gRows) if (!eIds.has(g.id)) out.push({ table, row: g.id, column: '(row)', expected: 'absent', got: `present ${JSON.stringify(g)}` });
  // Printed order of the coded rows (the 合计 row may print anywhere).
  const order = (rows: RowData[]) => rows.filter((r) => r.id !== 'total').map((r) => r.id);
  const eOrder = order(eRows).filter((id) => gById.has(id));
  const gOrder = order(gRows).filter((id) => eIds.has(id));
  const at = eOrder.findIndex((id, i) => gOrder[i] !== id);
  if (at >= 0) out.push({ table, row: `#${at + 1}`, column: '(order)', expected: eOrder[at], got: gOrder[at] ?? BLANK });

  const eProjects = expected.rows.filter(isProject);
  const gProjects = got.rows.filter(isProject);
  for (let i = 0; i < Math.max(eProjects.length, gProjects.length); i++) {
    const e = eProjects[i];
    const g = gProjects[i];
    const row = `project #${i + 1}${e ? ` ${e.code} ${e.name ?? ''}` : ''}`.trim();
    if (!e || !g) {
      out.push({ table, row, column: '(row)', expected: e ? 'present' : 'absent', got: g ? `present ${JSON.stringify(g)}` : 'missing' });
      continue;
    }
    texts(row, e, g);
    values(row, e, g);
  }
  return out;
}
