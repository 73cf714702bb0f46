import type { BudgetDocument, DocumentMeta, RowData, TableData } from './document';
import { FORMAT_NAME, FORMAT_VERSION } from './document';
import type { TableDef, TemplateSet } from '../template/template.schema';

export type NewDocumentMeta = Partial<Omit<DocumentMeta, 'templateId'>>;

/**
 * A new, empty document of a template set: every fixed row present (表1/表4 both sides and their totals, 三公 rows),
 * the 合计 row of every coded and project table, no amounts (canonical: zeros are absent).
 */
export function createDocument(template: TemplateSet, meta: NewDocumentMeta = {}): BudgetDocument {
  const year = meta.year ?? new Date().getFullYear();
  const full: DocumentMeta = {
    unitName: meta.unitName ?? '',
    compiler: meta.compiler ?? meta.unitName ?? '',
    entityKind: meta.entityKind ?? template.entityKind,
    year,
    templateId: template.id,
    amountUnit: meta.amountUnit ?? template.amountUnit,
    date: meta.date ?? todayIso(),
  };
  if (meta.region !== undefined) full.region = meta.region;
  if (meta.unitType !== undefined) full.unitType = meta.unitType;
  if (meta.blankZero !== undefined) full.blankZero = meta.blankZero;
  const tables: Record<string, TableData> = {};
  for (const def of template.tables) tables[def.id] = { rows: initialRows(def) };
  return { format: FORMAT_NAME, version: FORMAT_VERSION, meta: full, tables, inputs: {}, priorYear: {} };
}

export function initialRows(def: TableDef): RowData[] {
  const m = def.rows;
  const fixed = (r: { id: string; code?: string }): RowData => (r.code !== undefined ? { id: r.id, code: r.code, values: {} } : { id: r.id, values: {} });
  switch (m.kind) {
    case 'coded':
    case 'projects':
      return [{ id: 'total', values: {} }];
    case 'fixed':
      return m.rows.map(fixed);
    case 'sideBySide':
      return [...m.sides[0], ...m.sides[1], ...m.totals].map(fixed);
  }
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
