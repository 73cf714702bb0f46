import type { BudgetDocument, RowData } from '../document/document';
import type { TableDef, TemplateSet } from '../template/template.schema';
import type { SumTerm } from '../structure/formula';
import { tableModel, type TableModel } from './table-model';

/**
 * Per-table lookup structures so that an edit never scans a table: row id → position, and which rows are sums of
 * which (类/款 = Σ children and 合计 = Σ top rows for coded tables; template formulas for fixed rows).
 *
 * One index per document (WeakMap), shared by every command applied to it; structural commands call invalidate().
 * A stale entry is also detected (rows array replaced, length changed, id not at its recorded position) and rebuilt,
 * so correctness never depends on invalidation — only speed does.
 */
export const TOTAL_ROW_ID = 'total';
const PROJECT_ID = /^p\d+$/;

export function isProjectRowId(id: string): boolean {
  return PROJECT_ID.test(id);
}

export class TableIndex {
  readonly pos = new Map<string, number>();
  /** Sum rows and their terms (for coded tables only rows that have children, plus 合计). */
  readonly terms = new Map<string, SumTerm[]>();
  /** For each row, the sum rows that read it. */
  readonly dependents = new Map<string, string[]>();
  readonly rank = new Map<string, number>();

  constructor(
    readonly def: TableDef,
    readonly model: TableModel,
    readonly rows: RowData[],
  ) {
    this.length = rows.length;
    rows.forEach((r, i) => this.pos.set(r.id, i));
    if (def.rows.kind === 'coded' || def.rows.kind === 'projects') this.buildTree();
    else {
      for (const [id, t] of model.fixedTerms) this.terms.set(id, t);
      for (const [id, d] of model.fixedDependents) this.dependents.set(id, d);
      for (const [id, r] of model.fixedRank) this.rank.set(id, r);
    }
  }

  readonly length: number;

  /** The parent a coded/project row sums into (a 类/款/项 group row, or 合计). */
  parentOf(row: RowData): string | undefined {
    return this.dependents.get(row.id)?.[0];
  }

  private addOrgMember(orgs: Map<string, SumTerm[]>, org: string, member: string): void {
    orgs.get(org)!.push({ ref: member, sign: 1 });
    const deps = this.dependents.get(member);
    if (deps) deps.push(org);
    else this.dependents.set(member, [org]);
  }

  private buildTree(): void {
    const rowsModel = this.def.rows as { kind: 'coded' | 'projects'; levels: number[]; subtotals?: boolean };
    const projects = rowsModel.kind === 'projects';
    const subtotals = projects || rowsModel.subtotals === true;
    const levels = [...rowsModel.levels].sort((a, b) => b - a);
    const byCode = new Map<string, string>();
    const orgs = new Map<string, SumTerm[]>();
    for (const r of this.rows) if (r.org !== undefined) orgs.set(r.id, []);
    for (const r of this.rows) {
      if (r.id === TOTAL_ROW_ID || r.org !== undefined || (projects && PROJECT_ID.test(r.id))) continue;
      const code = r.code ?? r.id;
      if (!byCode.has(code)) byCode.set(code, r.id);
    }
    const hasTotal = this.pos.has(TOTAL_ROW_ID);
    const totalTerms: SumTerm[] = [];
    const children = new Map<string, SumTerm[]>();
    for (const r of this.rows) {
      if (r.id === TOTAL_ROW_ID) continue;
      if (r.org !== undefined) {
        // An organisation row is the subtotal of its members (a 部门 of its 单位 rows); never part of 合计.
        this.rank.set(r.id, r.org === 'department' ? 950 : 900);
        if (r.unit !== undefined && orgs.has(r.unit)) this.addOrgMember(orgs, r.unit, r.id);
        continue;
      }
      const isProject = projects && PROJECT_ID.test(r.id);
      const code = r.code ?? (isProject ? '' : r.id);
      let parent: string | undefined;
      for (const len of levels) {
        if (len > code.length || (len === code.length && !isProject)) continue;
        const p = byCode.get(code.slice(0, len));
        if (p !== undefined && p !== r.id) {
          parent = p;
          break;
        }
      }
      this.rank.set(r.id, isProject ? 0 : 100 - code.length);
      if (parent === undefined) {
        totalTerms.push({ ref: r.id, sign: 1 });
        if (hasTotal) this.dependents.set(r.id, [TOTAL_ROW_ID]);
        if (subtotals && r.unit !== undefined && orgs.has(r.unit)) this.addOrgMember(orgs, r.unit, r.id);
      } else if (subtotals) {
        const list = children.get(parent) ?? [];
        list.push({ ref: r.id, sign: 1 });
        children.set(parent, list);
        this.dependents.set(r.id, [parent]);
      }
    }
    for (const [id, t] of children) this.terms.set(id, t);
    for (const [id, t] of orgs) if (t.length > 0) this.terms.set(id, t);
    if (hasTotal) {
      this.terms.set(TOTAL_ROW_ID, totalTerms);
      this.rank.set(TOTAL_ROW_ID, 1000);
    }
  }
}

export class DocumentIndex {
  private tables = new Map<string, TableIndex>();

  constructor(
    readonly doc: BudgetDocument,
    readonly template: TemplateSet,
  ) {}

  table(tableId: string): TableIndex | undefined {
    const data = this.doc.tables[tableId];
    if (!data) return undefined;
    let t = this.tables.get(tableId);
    if (!t || t.rows !== data.rows || t.length !== data.rows.length) {
      const def = this.template.tables.find((d) => d.id === tableId);
      if (!def) return undefined;
      t = new TableIndex(def, tableModel(def), data.rows);
      this.tables.set(tableId, t);
    }
    return t;
  }

  /** Position of a row in its table, or -1. */
  position(tableId: string, rowId: string): number {
    const t = this.table(tableId);
    if (!t) return -1;
    const i = t.pos.get(rowId);
    if (i !== undefined && t.rows[i]?.id === rowId) return i;
    if (i === undefined && t.pos.size === t.rows.length) return -1;
    // Stale (rows moved outside commands): rebuild once.
    this.invalidate(tableId);
    return this.table(tableId)?.pos.get(rowId) ?? -1;
  }

  row(tableId: string, rowId: string): RowData | undefined {
    const i = this.position(tableId, rowId);
    return i < 0 ? undefined : this.doc.tables[tableId].rows[i];
  }

  invalidate(tableId: string): void {
    this.tables.delete(tableId);
  }
}

const indexes = new WeakMap<BudgetDocument, DocumentIndex>();

/** The shared index of a document (created on first use). */
export function documentIndex(doc: BudgetDocument, template: TemplateSet): DocumentIndex {
  let idx = indexes.get(doc);
  if (!idx || idx.template !== template) {
    idx = new DocumentIndex(doc, template);
    indexes.set(doc, idx);
  }
  return idx;
}

export function tableModelOf(template: TemplateSet, tableId: string): TableModel | undefined {
  const def = template.tables.find((d) => d.id === tableId);
  return def ? tableModel(def) : undefined;
}
