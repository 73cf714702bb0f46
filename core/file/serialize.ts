import type { BudgetDocument, JsonValue, RowData, TableData } from '../document/document';
import { encodeUtf8 } from './utf8';

/**
 * Writes a document as pretty, UTF-8 JSON with a stable key order, so the same document always gives the same bytes
 * (whatever order the edits happened in) and two versions of a file diff cleanly.
 */
const META_ORDER = ['unitName', 'compiler', 'entityKind', 'year', 'templateId', 'amountUnit', 'date', 'region', 'unitType', 'blankZero', 'textAmountStyle'];

export function serializeDocument(doc: BudgetDocument): string {
  const ordered = {
    format: doc.format,
    version: doc.version,
    meta: orderKeys(doc.meta as unknown as Record<string, unknown>, META_ORDER),
    tables: Object.fromEntries(
      Object.keys(doc.tables)
        .sort(naturalCompare)
        .map((id) => [id, orderTable(doc.tables[id])]),
    ),
    inputs: sortDeep(doc.inputs as JsonValue),
    priorYear: sortDeep(doc.priorYear as JsonValue),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function serializeDocumentBytes(doc: BudgetDocument): Uint8Array {
  return encodeUtf8(serializeDocument(doc));
}

function orderTable(table: TableData): Record<string, unknown> {
  const out: Record<string, unknown> = { rows: table.rows.map(orderRow) };
  if (table.note !== undefined) out.note = table.note;
  return out;
}

function orderRow(row: RowData): Record<string, unknown> {
  const out: Record<string, unknown> = { id: row.id };
  if (row.code !== undefined) out.code = row.code;
  if (row.name !== undefined) out.name = row.name;
  if (row.org !== undefined) out.org = row.org;
  if (row.unit !== undefined) out.unit = row.unit;
  out.values = sortDeep(row.values);
  if (row.texts !== undefined) out.texts = sortDeep(row.texts);
  return out;
}

function orderKeys(obj: Record<string, unknown>, first: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of first) if (obj[k] !== undefined) out[k] = obj[k];
  for (const k of Object.keys(obj).sort()) if (!(k in out) && obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function sortDeep(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const k of Object.keys(v).sort(naturalCompare)) if (v[k] !== undefined) out[k] = sortDeep(v[k]);
    return out;
  }
  return v;
}

// One collator for every comparison: localeCompare with options builds one per call, which took a quarter of
// saving a consolidated 部门 document (a hundred units' snapshots are a great many small objects).
const NATURAL = new Intl.Collator('en', { numeric: true });

/** "t2" before "t10"; codes stay in code order. */
export function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b);
}
