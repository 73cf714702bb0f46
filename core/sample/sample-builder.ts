import type { Amount } from '../amount/amount';
import { createDocument, type NewDocumentMeta } from '../document/create';
import type { BudgetDocument, RowData, TableData } from '../document/document';
import { deriveTable } from '../template/derive';
import { getBuiltinTemplateSet } from '../template/registry';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { nonZero, withAncestors } from './sample-rows';

/**
 * How every built-in sample fills its tables, as the officer would: coded leaf rows typed in (their 类/款 and 合计 rows
 * added), single cells typed or taken from another table's 合计, then every figure derived. A sample states only its
 * leaf figures, so the tables hold by construction.
 */

/** [code, printed amounts by column id]. */
export type SampleLine = [string, Record<string, string>];

export interface SampleTables {
  readonly set: TemplateSet;
  readonly tables: Record<string, TableData>;
  def(tableId: string): TableDef;
  /** Writes a coded table: the leaves, their ancestors at the given code lengths, and the 合计 row where the set prints it. */
  coded(tableId: string, lines: readonly SampleLine[], prefixLengths: readonly number[], nameOf?: (code: string) => string): void;
  /** Types figures into one row of a fixed table. */
  set1(tableId: string, rowId: string, values: Record<string, Amount>): void;
  /** The 合计 row's values of a table. */
  totals(tableId: string): Record<string, Amount>;
  /** Derives every computed figure of the tables typed into by set1. */
  derive(tableIds: readonly string[]): void;
}

/** The built-in set a sample is built on; it ships with the product, so its absence is a build error. */
export function sampleSet(setId: string): TemplateSet {
  const set = getBuiltinTemplateSet(setId);
  if (!set) throw new Error(`内置模板“${setId}”不存在`);
  return set;
}

/** A builder over existing table data of a set; `nameOf` names the codes of coded rows. */
export function sampleTables(set: TemplateSet, tables: Record<string, TableData>, nameOf: (code: string) => string): SampleTables {
  const def = (tableId: string): TableDef => {
    const t = set.tables.find((x) => x.id === tableId);
    if (!t) throw new Error(`内置模板缺少表“${tableId}”`);
    return t;
  };
  return {
    set,
    tables,
    def,
    coded(tableId, lines, prefixLengths, names = nameOf) {
      const t = def(tableId);
      const leaves = lines.map(([code, values]): RowData => ({ id: code, code, name: names(code), values: nonZero(values) }));
      const rows = withAncestors(leaves, prefixLengths, names);
      const total: RowData = { id: 'total', values: {} };
      const top = t.rows.kind === 'coded' && t.rows.total.position === 'top';
      tables[tableId] = { rows: deriveTable(t, top ? [total, ...rows] : [...rows, total]) };
    },
    set1(tableId, rowId, values) {
      const row = tables[tableId].rows.find((r) => r.id === rowId);
      if (!row) throw new Error(`表“${tableId}”没有行“${rowId}”`);
      Object.assign(row.values, values);
    },
    totals: (tableId) => tables[tableId].rows.find((r) => r.id === 'total')?.values ?? {},
    derive(tableIds) {
      for (const id of tableIds) tables[id] = { rows: deriveTable(def(id), tables[id].rows) };
    },
  };
}

/** A new document of a built-in set with its tables ready to be filled. */
export function sampleDocument(setId: string, meta: NewDocumentMeta, nameOf: (code: string) => string): SampleTables & { doc: BudgetDocument } {
  const set = sampleSet(setId);
  const doc = createDocument(set, meta);
  return { ...sampleTables(set, doc.tables, nameOf), doc };
}
