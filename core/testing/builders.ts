import { amount } from '../amount/amount';
import { CodeBook, type Classification } from '../codes/code-book';
import { FORMAT_NAME, FORMAT_VERSION, type BudgetDocument, type DocumentMeta, type RowData, type TableData } from '../document/document';
import { initialRows } from '../document/create';
import { deriveTable } from '../template/derive';
import { getBuiltinTemplateSet, parseTemplateSet } from '../template/registry';
import type { ColumnDef, TableDef, TemplateSet } from '../template/template.schema';

/**
 * Small builders for tests across the project: documents of a built-in or custom set, rows from amount strings,
 * and tiny template sets for engine tests. Test data is built here rather than copied as JSON blobs.
 */

const sets = new Map<string, TemplateSet>();

/** A built-in set, or a set registered with useSet() (custom sets for engine tests). */
export function setFor(setId: string): TemplateSet {
  const set = sets.get(setId) ?? getBuiltinTemplateSet(setId);
  if (!set) throw new Error(`没有模板“${setId}”`);
  return set;
}

/** Registers a custom set so that docFor / withRows can find it by id. */
export function useSet(set: TemplateSet): TemplateSet {
  sets.set(set.id, set);
  return set;
}

/** Empty table data of a set, exactly as a new document has it (core/document/create.ts). */
export function emptyTables(set: TemplateSet): Record<string, TableData> {
  const tables: Record<string, TableData> = {};
  for (const def of set.tables) tables[def.id] = { rows: initialRows(def) };
  return tables;
}

export function docFor(setId: string, meta: Partial<DocumentMeta> = {}): BudgetDocument {
  const set = setFor(setId);
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    meta: {
      unitName: '测试单位', compiler: '测试单位', entityKind: set.entityKind, year: 2024, templateId: set.id,
      amountUnit: set.amountUnit, date: '2024-02-18', ...meta,
    },
    tables: emptyTables(set),
    inputs: {},
    priorYear: {},
  };
}

export type AmountStrings = Record<string, string>;
/** [row id or code, amounts by column id as printed strings, optional name]. */
export type RowSpec = [string, AmountStrings, string?];

export function amounts(values: AmountStrings): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) {
    const a = amount(v);
    if (a !== 0) out[k] = a;
  }
  return out;
}

const codeBook = CodeBook.builtin();

function tableDef(doc: BudgetDocument, tableId: string): TableDef {
  const def = setFor(doc.meta.templateId).tables.find((t) => t.id === tableId);
  if (!def) throw new Error(`模板“${doc.meta.templateId}”没有表“${tableId}”`);
  return def;
}

/**
 * Sets rows of a table (mutating the document, which is returned for chaining). Fixed rows: the values are
 * merged into the existing row. Coded rows: the id is the code; the row is inserted in code order (name from
 * the known codes of the document's year unless given), or its values merged if it exists.
 */
export function withRows(doc: BudgetDocument, tableId: string, specs: readonly RowSpec[]): BudgetDocument {
  const def = tableDef(doc, tableId);
  const table = (doc.tables[tableId] ??= { rows: [] });
  for (const [id, values, name] of specs) {
    const existing = table.rows.find((r) => r.id === id);
    if (existing) {
      Object.assign(existing.values, amounts(values));
      if (name !== undefined) existing.name = name;
      continue;
    }
    if (def.rows.kind !== 'coded') throw new Error(`表“${tableId}”没有行“${id}”`);
    const classification: Classification = def.rows.classification;
    const row: RowData = { id, code: id, values: amounts(values) };
    const rowName = name ?? codeBook.name(classification, id, doc.meta.year);
    if (rowName) row.name = rowName;
    insertByCode(table.rows, row, def.rows.total.position);
  }
  return doc;
}

/** Adds project rows p1, p2, … (after any existing ones) to a project table: [code, name, amounts]. */
export function withProjects(doc: BudgetDocument, tableId: string, projects: readonly [string, string, AmountStrings][]): BudgetDocument {
  const table = (doc.tables[tableId] ??= { rows: [] });
  let n = table.rows.filter((r) => /^p\d+$/.test(r.id)).reduce((max, r) => Math.max(max, Number(r.id.slice(1))), 0);
  const totalIndex = table.rows.findIndex((r) => r.id === 'total');
  const bottom = tableDef(doc, tableId).rows;
  const atBottom = bottom.kind === 'projects' && bottom.total.position === 'bottom';
  const rows = projects.map(([code, name, values]) => ({ id: `p${++n}`, code, name, values: amounts(values) }));
  if (atBottom && totalIndex >= 0) table.rows.splice(totalIndex, 0, ...rows);
  else table.rows.push(...rows);
  return doc;
}

/** Recomputes every derived cell (column formulas, 类/款, 合计, fixed-row sums) of every table. */
export function withDerived(doc: BudgetDocument): BudgetDocument {
  const set = setFor(doc.meta.templateId);
  for (const def of set.tables) {
    const table = doc.tables[def.id];
    if (table) table.rows = deriveTable(def, table.rows);
  }
  return doc;
}

function insertByCode(rows: RowData[], row: RowData, totalPosition: 'top' | 'bottom'): void {
  const code = row.code ?? row.id;
  let index = rows.findIndex((r) => r.id !== 'total' && (r.code ?? r.id) > code);
  if (index < 0) {
    const totalIndex = rows.findIndex((r) => r.id === 'total');
    index = totalPosition === 'bottom' && totalIndex >= 0 ? totalIndex : rows.length;
  }
  rows.splice(index, 0, row);
}

// --- tiny custom templates for engine tests ---------------------------------------------------------------

/** Column spec "basic", or "total = basic + project" for a computed column; "name"/"code" for those kinds. */
function columnsFrom(specs: readonly string[]): ColumnDef[] {
  return specs.map((spec) => {
    const [id, formula] = spec.split('=').map((s) => s.trim());
    if (id === 'name') return { id, header: ['名称'], kind: 'name' };
    if (id === 'code') return { id, header: ['编码'], kind: 'code', codePart: 'full' };
    return formula ? { id, header: [id], kind: 'amount', formula } : { id, header: [id], kind: 'amount' };
  });
}

/** A coded table with a combined code column, a name column and the given amount columns. */
export function codedTable(
  id: string,
  amountColumns: readonly string[],
  options: { classification?: Classification; levels?: number[]; no?: string; role?: TableDef['role']; totalPosition?: 'top' | 'bottom' } = {},
): TableDef {
  const classification = options.classification ?? 'functional';
  return {
    id, no: options.no ?? id, title: `测试表${id}`, role: options.role ?? 'other',
    columns: columnsFrom(['code', 'name', ...amountColumns]),
    rows: {
      kind: 'coded', classification, levels: options.levels ?? (classification === 'functional' ? [3, 5, 7] : [3, 5]),
      subtotals: true, total: { label: '合计', position: options.totalPosition ?? 'bottom' },
    },
  };
}

/** A fixed-row table; row spec "a" or "total = a + b"; the label is the id. */
export function fixedTable(id: string, rowSpecs: readonly string[], amountColumns: readonly string[], options: { no?: string; role?: TableDef['role'] } = {}): TableDef {
  return {
    id, no: options.no ?? id, title: `测试表${id}`, role: options.role ?? 'other',
    columns: columnsFrom(['name', ...amountColumns]),
    rows: {
      kind: 'fixed',
      rows: rowSpecs.map((spec) => {
        const [rowId, formula] = spec.split('=').map((s) => s.trim());
        return formula ? { id: rowId, label: rowId, formula } : { id: rowId, label: rowId };
      }),
    },
  };
}

/** A project table: code, project name, the given amount columns (default one "total"). */
export function projectTable(id: string, amountColumns: readonly string[] = ['total'], options: { no?: string } = {}): TableDef {
  return {
    id, no: options.no ?? id, title: `测试表${id}`, role: 'gpbProjects',
    columns: columnsFrom(['code', 'name', ...amountColumns]),
    rows: { kind: 'projects', levels: [3, 5, 7], total: { label: '合计', position: 'bottom' } },
  };
}

/** A validated custom set of the given tables, registered for docFor(id). Throws with the Chinese errors if invalid. */
export function testSet(tables: readonly TableDef[], options: { id?: string; rules?: TemplateSet['rules'] } = {}): TemplateSet {
  const result = parseTemplateSet({
    id: options.id ?? 'test-set', name: '测试模板', entityKind: '单位', amountUnit: '万元',
    display: { blankZero: false, columnNumberRow: false, compilerPrefix: '编制单位：' },
    tables, rules: options.rules ?? [], outline: [],
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return useSet(result.set);
}
