import type { ChangeSet } from '../commands/command';
import type { Classification } from '../codes/code-book';
import type { BudgetDocument, DocumentMeta, JsonValue, RowData, TableData } from '../document/document';
import type { Amount } from '../amount/amount';
import type { Finding } from '../rules/finding';
import { structureOf } from '../structure/structure-model';
import type { TableStructure } from '../structure/table-structure';
import type { TemplateSet } from '../template/template.schema';

/**
 * Keeping a second copy of the open document (the checking replica in the worker) in step with the page's copy.
 * A command mutates the page's document and reports what it touched (ChangeSet); `buildPatch` copies exactly those
 * parts as plain data, `applyPatch` writes them into the replica in place (the rule engine holds the replica's
 * objects), and the replica's engine then re-checks incrementally from the same ChangeSet.
 */

export interface DocPatch {
  changes: ChangeSet;
  /** Rows whose cells changed, in tables whose row list did not change. */
  rows: { table: string; row: RowData }[];
  /** Tables whose row list or note changed, whole. */
  tables: Record<string, TableData>;
  /** Whole sections when any key in them changed (they are small next to the tables). */
  inputs?: Record<string, JsonValue>;
  priorYear?: Record<string, Amount>;
  meta?: DocumentMeta;
}

/** Which checks a replica runs: the table rules (incremental, fast) or the text checks (slow on large documents). */
export type CheckPart = 'rules' | 'text';

export interface LearnedCode {
  classification: Classification;
  code: string;
  name: string;
  year?: number;
}

/**
 * Findings as the replica sends them: only findings that are new or changed since the last answer travel, with the
 * order of ids when it changed; an unchanged answer carries nothing. 5,000 findings are not copied per keystroke.
 */
export interface FindingsDelta {
  /** The full list was replaced (a newly opened document): forget what you had. */
  reset: boolean;
  added: Finding[];
  /** Ids in display order, or null when the order is as before. */
  order: string[] | null;
  /** The text checks wait for a pause in typing (large documents). */
  textStale: boolean;
}

/** Page side: what one command changed, copied out of the page's document. */
export function buildPatch(doc: BudgetDocument, changes: ChangeSet, template?: TemplateSet): DocPatch {
  const tables: Record<string, TableData> = {};
  const tableChanged = new Set(changes.tables);
  for (const key of changes.inputs) if (key.startsWith(TABLE_NOTE_PREFIX)) tableChanged.add(key.slice(TABLE_NOTE_PREFIX.length));
  for (const id of tableChanged) {
    const t = doc.tables[id];
    if (t) tables[id] = copyTable(t);
  }
  const rows: DocPatch['rows'] = [];
  // Row ids already copied, per table; a command's cells come table by table (a pasted column: 5,000 cells of one
  // table), so the table's structure and set are looked up when the table changes, and no key string is built.
  const seenByTable = new Map<string, Set<string>>();
  let lastTable: string | undefined;
  let seen = new Set<string>();
  let t: TableStructure | undefined;
  let index: Map<string, Map<string, RowData>> | undefined;
  for (const cell of changes.cells) {
    if (tableChanged.has(cell.table)) continue;
    if (cell.table !== lastTable) {
      lastTable = cell.table;
      let ids = seenByTable.get(cell.table);
      if (!ids) seenByTable.set(cell.table, (ids = new Set()));
      seen = ids;
      // With the set at hand the structure model finds the row (a 10,000-row table is not indexed per keystroke);
      // a table with duplicated ids is indexed, the last of them winning as before.
      t = template ? structureOf(doc, template).table(cell.table) : undefined;
    }
    if (seen.has(cell.row)) continue;
    seen.add(cell.row);
    const at = t && t.pos.size === t.length ? t.positionOf(cell.row) : -1;
    let row = at >= 0 ? doc.tables[cell.table]!.rows[at] : undefined;
    if (!row) {
      index ??= new Map();
      let rowsById = index.get(cell.table);
      if (!rowsById) {
        rowsById = new Map((doc.tables[cell.table]?.rows ?? []).map((r) => [r.id, r]));
        index.set(cell.table, rowsById);
      }
      row = rowsById.get(cell.row);
    }
    if (row) rows.push({ table: cell.table, row: copyRow(row) });
  }
  const patch: DocPatch = { changes, rows, tables };
  if (changes.inputs.some((k) => !k.startsWith(TABLE_NOTE_PREFIX))) patch.inputs = structuredCopy(doc.inputs);
  if (changes.priorYear.length > 0) patch.priorYear = { ...doc.priorYear };
  if (changes.meta) patch.meta = structuredCopy(doc.meta);
  return patch;
}

/** Replica side: writes the patch into the replica, keeping the row and table objects the engine indexed. */
export function applyPatch(doc: BudgetDocument, patch: DocPatch): void {
  for (const [id, table] of Object.entries(patch.tables)) {
    const own = doc.tables[id];
    if (!own) doc.tables[id] = table;
    else {
      own.rows = table.rows;
      if (table.note === undefined) delete own.note;
      else own.note = table.note;
    }
  }
  const indexes = new Map<string, Map<string, RowData>>();
  for (const { table, row } of patch.rows) {
    let byId = indexes.get(table);
    if (!byId) {
      byId = new Map((doc.tables[table]?.rows ?? []).map((r) => [r.id, r]));
      indexes.set(table, byId);
    }
    const own = byId.get(row.id);
    if (!own) continue;
    for (const k of Object.keys(own)) if (!(k in row)) delete (own as unknown as Record<string, unknown>)[k];
    Object.assign(own, row);
  }
  if (patch.inputs) doc.inputs = patch.inputs;
  if (patch.priorYear) doc.priorYear = patch.priorYear;
  if (patch.meta) doc.meta = patch.meta;
}

/** The key core's table-note command reports a note change under (core/commands/table-note.command.ts). */
const TABLE_NOTE_PREFIX = 'tableNote.';

function copyRow(row: RowData): RowData {
  const out: RowData = { ...row, values: { ...row.values } };
  if (row.texts) out.texts = { ...row.texts };
  return out;
}

function copyTable(t: TableData): TableData {
  const out: TableData = { rows: t.rows.map(copyRow) };
  if (t.note !== undefined) out.note = t.note;
  return out;
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Replica side: the delta from the previous answer to `next`. A finding object the engine kept is unchanged; a
 * rebuilt one (the text checks build new objects each run) is compared by content.
 */
export function findingsDelta(previous: Map<string, Finding> | null, previousOrder: readonly string[], next: readonly Finding[], textStale: boolean): { delta: FindingsDelta; byId: Map<string, Finding>; order: string[] } {
  const byId = new Map<string, Finding>();
  const added: Finding[] = [];
  const order: string[] = [];
  for (const f of next) {
    byId.set(f.id, f);
    order.push(f.id);
    const old = previous?.get(f.id);
    if (old !== f && (!old || !sameFinding(old, f))) added.push(f);
  }
  const sameOrder = previous !== null && order.length === previousOrder.length && order.every((id, i) => id === previousOrder[i]);
  return { delta: { reset: previous === null, added, order: sameOrder ? null : order, textStale }, byId, order };
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.message === b.message && a.severity === b.severity && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Page side: the current list after a delta (a new array only when something changed, so views memoised on it
 * stay put).
 */
export class FindingsMirror {
  private byId = new Map<string, Finding>();
  private list: readonly Finding[] = [];

  get findings(): readonly Finding[] {
    return this.list;
  }

  apply(delta: FindingsDelta): boolean {
    if (delta.reset) this.byId = new Map();
    if (delta.added.length === 0 && delta.order === null && !delta.reset) return false;
    for (const f of delta.added) this.byId.set(f.id, f);
    const order = delta.order ?? this.list.map((f) => f.id);
    const list: Finding[] = [];
    const kept = new Map<string, Finding>();
    for (const id of order) {
      const f = this.byId.get(id);
      if (f) {
        list.push(f);
        kept.set(id, f);
      }
    }
    this.byId = kept;
    this.list = list;
    return true;
  }
}

/**
 * The one list the panel shows, from the two replicas' lists (each already errors first): the same order as core's
 * session gives (sortFindings of the rules' findings followed by the text findings), in linear time.
 */
export function mergeFindings(rules: readonly Finding[], text: readonly Finding[]): readonly Finding[] {
  if (text.length === 0) return rules;
  if (rules.length === 0) return text;
  const out: Finding[] = [];
  for (const f of rules) if (f.severity === 'error') out.push(f);
  for (const f of text) if (f.severity === 'error') out.push(f);
  for (const f of rules) if (f.severity !== 'error') out.push(f);
  for (const f of text) if (f.severity !== 'error') out.push(f);
  return out;
}
