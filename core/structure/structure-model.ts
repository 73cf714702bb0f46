import type { BudgetDocument, RowData } from '../document/document';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { TableStructure } from './table-structure';

/**
 * The one structure model of a document: a TableStructure per table, built on first use and rebuilt when the
 * table's row list changes. Shared (one per document and template set) by every command applied to the document
 * and by the rule engine; structural commands call invalidate(). A stale entry is also detected (row list replaced,
 * length changed, id not at its recorded position) and rebuilt, so correctness never depends on invalidation —
 * only speed does.
 */
export class StructureModel {
  private readonly tables = new Map<string, TableStructure>();
  private readonly defs: Map<string, TableDef>;

  constructor(
    readonly doc: BudgetDocument,
    readonly template: TemplateSet,
  ) {
    this.defs = new Map(template.tables.map((t) => [t.id, t]));
  }

  /** The table's structure (undefined when the document or the set has no such table). */
  table(tableId: string): TableStructure | undefined {
    const data = this.doc.tables[tableId];
    if (!data) return undefined;
    const t = this.tables.get(tableId);
    if (t && t.rows === data.rows && t.length === data.rows.length) return t;
    return this.build(tableId, data.rows);
  }

  /** Like table(), after checking every row's id, code and organisation link (a full check's guarantee). */
  verified(tableId: string): TableStructure | undefined {
    const data = this.doc.tables[tableId];
    if (!data) return undefined;
    const t = this.tables.get(tableId);
    if (t && t.matches(data.rows)) return t;
    return this.build(tableId, data.rows);
  }

  /** Position of a row in its table, or -1. */
  position(tableId: string, rowId: string): number {
    const t = this.table(tableId);
    if (!t) return -1;
    const i = t.positionOf(rowId);
    if (i >= 0 || (!t.pos.has(rowId) && t.pos.size === t.length)) return i;
    // Stale (rows changed outside commands): rebuild once.
    this.invalidate(tableId);
    return this.table(tableId)?.positionOf(rowId) ?? -1;
  }

  row(tableId: string, rowId: string): RowData | undefined {
    const i = this.position(tableId, rowId);
    return i < 0 ? undefined : this.doc.tables[tableId].rows[i];
  }

  invalidate(tableId: string): void {
    this.tables.delete(tableId);
  }

  private build(tableId: string, rows: RowData[]): TableStructure | undefined {
    const def = this.defs.get(tableId);
    if (!def) return undefined;
    const t = new TableStructure(def, rows);
    this.tables.set(tableId, t);
    return t;
  }
}

const models = new WeakMap<BudgetDocument, StructureModel>();

/** The shared structure model of a document (created on first use, or anew for another template set). */
export function structureOf(doc: BudgetDocument, template: TemplateSet): StructureModel {
  let m = models.get(doc);
  if (!m || m.template !== template) {
    m = new StructureModel(doc, template);
    models.set(doc, m);
  }
  return m;
}
