import { createDocument } from '../document/create';
import type { BudgetDocument, JsonValue, RowData, TableData } from '../document/document';
import { INPUT } from '../inputs/keys';
import { summedInputs } from './merge-inputs';
import { storedPriorYear, summedPriorYear } from './merge-prior-year';
import { isProjectRowId, rowKey, TOTAL_ROW_ID } from '../structure/table-structure';
import type { TableDef, TemplateSet } from '../template/template.schema';

/**
 * Consolidation (汇总下属单位): a 部门 document whose tables are the sums of its units' documents. Coded and fixed
 * tables are summed per code / row; project rows of every unit are kept, each under its unit; each table of a coded
 * or project kind prints 合计 / 部门 / one row per unit with that unit's subtotal, as consolidated releases do. The
 * document keeps a snapshot of each unit (name, file, content hash, tables) so that the checks can compare every
 * 部门 figure with the units' sum and 重新汇总 can say what changed.
 */

/** Where the snapshots live in the 部门 document (a structured input, saved with the file). */
export const MERGE_INPUT = 'merge.units';

export interface UnitSnapshot {
  name: string;
  /** The unit's file as the officer chose it (relative to the 部门 document's folder where possible). */
  file: string;
  sha256: string;
  tables: Record<string, { id: string; code?: string; name?: string; values: Record<string, number> }[]>;
  /** The unit's 上年预算数 (absent when it gave none, and in documents consolidated before units' figures were kept). */
  priorYear?: Record<string, number>;
}

export interface MergeUnit {
  file: string;
  sha256: string;
  doc: BudgetDocument;
}

export type MergeResult = { ok: true; doc: BudgetDocument } | { ok: false; message: string };

/** How a row of a 部门 document matches across consolidations: organisation rows by name, others as the rules do. */
export const mergeRowKey = (r: Pick<RowData, 'id' | 'code' | 'name' | 'org'>): string =>
  r.org !== undefined ? `org:${r.name ?? r.id}` : rowKey(r as RowData);

type RowLike = { id: string; code?: string; name?: string; values: Record<string, number> };

/** A row's identity (id, code, name) with the amounts given. */
const rowOf = (r: RowLike, values: Record<string, number> = { ...r.values }): RowData => ({
  id: r.id, ...(r.code !== undefined ? { code: r.code } : {}), ...(r.name !== undefined ? { name: r.name } : {}), values,
});

const addInto = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, v] of Object.entries(from)) {
    const s = (into[k] ?? 0) + v;
    if (s === 0) delete into[k];
    else into[k] = s;
  }
};

/** The rows a snapshot keeps: every non-organisation row with its amounts (texts and notes are the unit's own). */
export function snapshotOf(unit: MergeUnit): UnitSnapshot {
  const tables: UnitSnapshot['tables'] = {};
  for (const [id, t] of Object.entries(unit.doc.tables)) {
    tables[id] = t.rows.filter((r) => r.org === undefined).map((r) => rowOf(r));
  }
  const priorYear = Object.keys(unit.doc.priorYear).length > 0 ? { priorYear: { ...unit.doc.priorYear } } : {};
  return { name: unit.doc.meta.unitName, file: unit.file, sha256: unit.sha256, tables, ...priorYear };
}

/** Why units cannot be consolidated together, or undefined. */
export function refuseReason(units: readonly MergeUnit[], template: TemplateSet): string | undefined {
  if (units.length === 0) return '请至少给出一个下属单位文件';
  for (const u of units) {
    if (u.doc.meta.templateId !== template.id) return `“${u.file}”使用模板“${u.doc.meta.templateId}”，与“${units[0]!.file}”的“${template.id}”不同，不能汇总`;
    if (u.doc.meta.year !== units[0]!.doc.meta.year) return `“${u.file}”是 ${u.doc.meta.year} 年，与“${units[0]!.file}”的 ${units[0]!.doc.meta.year} 年不同，不能汇总`;
  }
  return undefined;
}

/** 部门 (org1, the sum of its units) and one 单位 row per unit (org2…) with that unit's 合计. */
function orgRows(unitName: string, snapshots: readonly UnitSnapshot[], unitTotal: (s: UnitSnapshot) => Record<string, number>, departmentTotal: Record<string, number>): RowData[] {
  const department: RowData = { id: 'org1', name: unitName, org: 'department', values: { ...departmentTotal } };
  return [department, ...snapshots.map((s, i): RowData => ({ id: `org${i + 2}`, name: s.name, org: 'unit', unit: 'org1', values: { ...unitTotal(s) } }))];
}

/** One table of the 部门 document from the units' snapshots. */
export function mergedTable(def: TableDef, unitName: string, snapshots: readonly UnitSnapshot[]): TableData {
  const model = def.rows.kind;
  const rowsOf = (s: UnitSnapshot) => s.tables[def.id] ?? [];
  if (model === 'fixed' || model === 'sideBySide') {
    const ids = model === 'fixed' ? def.rows.rows.map((r) => r.id) : [...def.rows.sides[0], ...def.rows.sides[1], ...def.rows.totals].map((r) => r.id);
    const byId = new Map<string, RowData>(ids.map((id) => [id, { id, values: {} }]));
    const fixedCodes = new Map((model === 'fixed' ? def.rows.rows : [...def.rows.sides[0], ...def.rows.sides[1], ...def.rows.totals]).map((r) => [r.id, r.code]));
    for (const s of snapshots) for (const r of rowsOf(s)) {
      const into = byId.get(r.id);
      if (into) addInto(into.values, r.values);
    }
    return { rows: ids.map((id) => { const r = byId.get(id)!; const code = fixedCodes.get(id); return code !== undefined ? { ...r, code } : r; }) };
  }
  const total: RowData = { id: TOTAL_ROW_ID, values: {} };
  const unitTotals = new Map<UnitSnapshot, Record<string, number>>();
  for (const s of snapshots) {
    const t = rowsOf(s).find((r) => r.id === TOTAL_ROW_ID)?.values ?? {};
    unitTotals.set(s, t);
    addInto(total.values, t);
  }
  const orgs = orgRows(unitName, snapshots, (s) => unitTotals.get(s) ?? {}, total.values);
  if (model === 'projects') {
    // Every unit's projects, renumbered, under that unit's row; its group rows (codes) summed per code.
    const groups = new Map<string, RowData>();
    const projects: RowData[] = [];
    snapshots.forEach((s, i) => {
      for (const r of rowsOf(s)) {
        if (r.id === TOTAL_ROW_ID) continue;
        if (isProjectRowId(r.id)) {
          projects.push({ ...rowOf({ ...r, id: `p${projects.length + 1}` }), unit: `org${i + 2}` });
        } else {
          const key = r.code ?? r.id;
          const g = groups.get(key) ?? rowOf(r, {});
          addInto(g.values, r.values);
          groups.set(key, g);
        }
      }
    });
    const rows = [total, ...orgs, ...[...groups.values()].sort((a, b) => rowKey(a).localeCompare(rowKey(b))), ...projects];
    return { rows };
  }
  const byCode = new Map<string, RowData>();
  for (const s of snapshots) for (const r of rowsOf(s)) {
    if (r.id === TOTAL_ROW_ID) continue;
    const key = r.code ?? r.id;
    const into = byCode.get(key) ?? rowOf(r, {});
    if (into.name === undefined && r.name !== undefined) into.name = r.name;
    addInto(into.values, r.values);
    byCode.set(key, into);
  }
  const coded = [...byCode.values()].sort((a, b) => (a.code ?? a.id).localeCompare(b.code ?? b.id));
  return { rows: [total, ...(snapshots.length > 0 ? orgs : []), ...coded] };
}

/**
 * The 部门 document from its units: tables summed, the inputs of merge-inputs.ts and last year's figures
 * (merge-prior-year.ts) summed, the units listed under 机构设置, snapshots kept.
 */
export function mergeUnits(units: readonly MergeUnit[], template: TemplateSet, unitName: string): MergeResult {
  const refused = refuseReason(units, template);
  if (refused) return { ok: false, message: refused };
  const first = units[0]!.doc;
  const doc = createDocument(template, { unitName, compiler: unitName, entityKind: '部门', year: first.meta.year, date: first.meta.date, ...(first.meta.region ? { region: first.meta.region } : {}) });
  const snapshots = units.map(snapshotOf);
  for (const def of template.tables) doc.tables[def.id] = mergedTable(def, unitName, snapshots);
  doc.inputs[INPUT.subUnits] = units.map((u) => u.doc.meta.unitName);
  Object.assign(doc.inputs, summedInputs(units.map((u) => u.doc)));
  Object.assign(doc.priorYear, storedPriorYear(summedPriorYear(units.map((u) => u.doc))));
  doc.inputs[MERGE_INPUT] = snapshots as unknown as JsonValue;
  return { ok: true, doc };
}

/** The snapshots a 部门 document keeps, or [] for a document that was not consolidated. */
export function snapshotsOf(doc: BudgetDocument): UnitSnapshot[] {
  const v = doc.inputs[MERGE_INPUT];
  return Array.isArray(v) ? (v as unknown as UnitSnapshot[]) : [];
}
