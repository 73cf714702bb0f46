import type { Amount } from '../amount/amount';
import type { BudgetDocument, RowData } from '../document/document';
import type { Command } from '../commands/command';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { composite } from '../commands/composite.command';
import { setCells, type CellValue } from '../commands/set-cells.command';
import { rawReplaceRows } from '../commands/raw';
import { tableShape } from '../structure/table-shape';
import { TOTAL_ROW_ID } from '../structure/table-structure';
import { recomputeAll } from './recompute.command';

/**
 * "Generate from source" fills for the dependent tables, mapped by table role and column/row ids so that every
 * template set using the shared ids works. Each result is one undoable command; the officer may type over the
 * generated figures afterwards (the rules then report any disagreement).
 */
export type DeriveResult = { ok: true; command: Command; notes: string[] } | { ok: false; message: string };

type Role = TableDef['role'];

function byRole(template: TemplateSet, role: Role): TableDef | undefined {
  return template.tables.find((t) => t.role === role);
}

function rowsOf(doc: BudgetDocument, def: TableDef | undefined): RowData[] {
  return def ? (doc.tables[def.id]?.rows ?? []) : [];
}

function totalRow(doc: BudgetDocument, def: TableDef | undefined): RowData | undefined {
  return rowsOf(doc, def).find((r) => r.id === TOTAL_ROW_ID);
}

function hasData(doc: BudgetDocument, def: TableDef | undefined): boolean {
  return rowsOf(doc, def).some((r) => Object.keys(r.values).length > 0);
}

/** A 类-level row of a coded table by code. */
function rowByCode(doc: BudgetDocument, def: TableDef | undefined, code: string): RowData | undefined {
  return rowsOf(doc, def).find((r) => (r.code ?? r.id) === code && r.id !== TOTAL_ROW_ID);
}

/** Fixed (input) rows of one side of a side-by-side table, with their template definition. */
function inputRows(def: TableDef, side: 0 | 1): { id: string; code?: string }[] {
  if (def.rows.kind !== 'sideBySide') return [];
  const model = tableShape(def);
  return def.rows.sides[side].filter((r) => !model.fixedTerms.has(r.id));
}

function amountColumn(def: TableDef, side: 0 | 1): string | undefined {
  return def.columns.find((c) => c.kind === 'amount' && c.side === side && !c.formula)?.id;
}

/** 表1 收入 item → 表2 合计 columns, where the ids differ (2024 splits 其中 items). Otherwise the same id. */
const OVERVIEW_INCOME_ALIASES: Record<string, string[]> = {
  gpbOwn: ['gpb'],
  fundOwn: ['fund'],
  soeOwn: ['soe'],
};

/** 表1 上年结转 items → 表11 合计 columns. */
const OVERVIEW_CARRYOVER: Record<string, string> = { fcGpb: 'fcGpb', fcFund: 'fcFund', fcSoe: 'fcSoe' };

export function generateOverview(doc: BudgetDocument, template: TemplateSet): DeriveResult {
  const t1 = byRole(template, 'overview');
  if (!t1 || t1.rows.kind !== 'sideBySide') return { ok: false, message: '本模板没有收支总体情况表' };
  const income = byRole(template, 'income');
  const expenditure = byRole(template, 'expenditure');
  const carryover = byRole(template, 'carryover');
  if (!hasData(doc, income) && !hasData(doc, expenditure)) return { ok: false, message: '收入表和支出表都还没有数据，无法生成收支总体情况表' };
  const cells: CellValue[] = [];
  const notes: string[] = [];
  const inCol = amountColumn(t1, 0);
  const outCol = amountColumn(t1, 1);
  const incomeTotal = totalRow(doc, income);
  const incomeCols = new Set(income ? tableShape(income).amountCols.filter((c) => !tableShape(income).formulaColSet.has(c)) : []);
  const used = new Set<string>();
  if (inCol && income) {
    for (const r of inputRows(t1, 0)) {
      let value: Amount | undefined;
      const sources = OVERVIEW_INCOME_ALIASES[r.id] ?? (incomeCols.has(r.id) ? [r.id] : []);
      if (sources.length > 0 && sources.every((s) => incomeCols.has(s))) {
        value = sources.reduce((a, s) => a + (incomeTotal?.values[s] ?? 0), 0);
        sources.forEach((s) => used.add(s));
      } else if (OVERVIEW_CARRYOVER[r.id] && carryover && hasData(doc, carryover)) {
        value = totalRow(doc, carryover)?.values[OVERVIEW_CARRYOVER[r.id]] ?? 0;
        used.add('fiscalCarryover');
      }
      if (value !== undefined) cells.push({ table: t1.id, row: r.id, col: inCol, value });
    }
    for (const c of incomeCols) {
      const v = incomeTotal?.values[c] ?? 0;
      if (!used.has(c) && v !== 0) {
        const header = income.columns.find((x) => x.id === c)?.header.join('') ?? c;
        notes.push(`${income.no}“${header}”${(v / 100).toFixed(2)} 没有对应的${t1.no}收入项目，请手工填列`);
      }
    }
  }
  if (outCol) {
    for (const r of inputRows(t1, 1)) {
      if (!r.code) continue;
      cells.push({ table: t1.id, row: r.id, col: outCol, value: rowByCode(doc, expenditure, r.code)?.values.total ?? 0 });
    }
  }
  return { ok: true, command: setCells(cells, `由${income?.no ?? '收入表'}、${expenditure?.no ?? '支出表'}生成${t1.no}`), notes };
}

export function generateFiscalOverview(doc: BudgetDocument, template: TemplateSet): DeriveResult {
  const t4 = byRole(template, 'fiscalOverview');
  if (!t4 || t4.rows.kind !== 'sideBySide') return { ok: false, message: '本模板没有财政拨款收支总体情况表' };
  const income = byRole(template, 'income');
  const sources: Record<string, TableDef | undefined> = {
    gpb: byRole(template, 'gpbExpenditure'),
    fund: byRole(template, 'govFund'),
    soe: byRole(template, 'stateCapital'),
  };
  const cells: CellValue[] = [];
  const inCol = amountColumn(t4, 0);
  const incomeTotal = totalRow(doc, income);
  const incomeCols = new Set(income ? tableShape(income).amountCols : []);
  if (inCol) {
    for (const r of inputRows(t4, 0)) {
      const cols = [r.id, `${r.id}Transfer`].filter((c) => incomeCols.has(c));
      if (cols.length === 0) continue;
      cells.push({ table: t4.id, row: r.id, col: inCol, value: cols.reduce((a, c) => a + (incomeTotal?.values[c] ?? 0), 0) });
    }
  }
  const outCols = t4.columns.filter((c) => c.kind === 'amount' && c.side === 1 && !c.formula && sources[c.id] !== undefined);
  for (const r of inputRows(t4, 1)) {
    if (!r.code) continue;
    for (const c of outCols) cells.push({ table: t4.id, row: r.id, col: c.id, value: rowByCode(doc, sources[c.id], r.code)?.values.total ?? 0 });
  }
  const from = [income, ...Object.values(sources)].filter((d): d is TableDef => d !== undefined).map((d) => d.no).join('、');
  return { ok: true, command: setCells(cells, `由${from}生成${t4.no}`), notes: [] };
}

/** 表5 = 表3 when every yuan is 一般公共预算 (the common case for a small unit). */
export function generateGpbFromExpenditure(doc: BudgetDocument, template: TemplateSet): DeriveResult {
  const t3 = byRole(template, 'expenditure');
  const t5 = byRole(template, 'gpbExpenditure');
  if (!t3 || !t5) return { ok: false, message: '本模板没有支出总体情况表或一般公共预算支出情况表' };
  if (!hasData(doc, t3)) return { ok: false, message: `${t3.no}还没有数据` };
  const income = byRole(template, 'income');
  const it = totalRow(doc, income);
  if (it) {
    const gpb = (it.values.gpb ?? 0) + (it.values.gpbTransfer ?? 0);
    const total = it.values.total ?? 0;
    if (total !== gpb) {
      return { ok: false, message: `${income!.no}中有一般公共预算以外的资金（总计 ${(total / 100).toFixed(2)}，一般公共预算 ${(gpb / 100).toFixed(2)}），不能由${t3.no}直接生成${t5.no}` };
    }
  }
  for (const role of ['govFund', 'stateCapital'] as const) {
    const d = byRole(template, role);
    if (hasData(doc, d)) return { ok: false, message: `${d!.no}有数据，说明并非全部是一般公共预算资金，不能由${t3.no}直接生成${t5.no}` };
  }
  const cols = new Set(tableShape(t5).amountCols);
  const rows: RowData[] = rowsOf(doc, t3).map((r) => {
    const out: RowData = { id: r.id, values: {} };
    if (r.code !== undefined) out.code = r.code;
    if (r.name !== undefined) out.name = r.name;
    // 表5 prints the same 部门 / 单位 rows as 表3 (the 2021 release does), so they are carried with their figures.
    if (r.org !== undefined) out.org = r.org;
    if (r.unit !== undefined) out.unit = r.unit;
    for (const [c, v] of Object.entries(r.values)) if (cols.has(c)) out.values[c] = v;
    return out;
  });
  const label = `由${t3.no}生成${t5.no}`;
  const replace = rawReplaceRows(label, t5.id, rows);
  return { ok: true, command: composite(label, [replace, recomputeAll([t5.id], label)]), notes: [] };
}

/** 三公 小计 and 合计 (formula rows/columns of the 三公 table). */
export function computeSangongTotals(_doc: BudgetDocument, template: TemplateSet): DeriveResult {
  const t = byRole(template, 'sangong');
  if (!t) return { ok: false, message: '本模板没有“三公”经费表' };
  return { ok: true, command: recomputeAll([t.id], `计算${t.no}小计与合计`), notes: [] };
}

export function recomputeSubtotals(_doc: BudgetDocument, _template: TemplateSet): DeriveResult {
  return { ok: true, command: recomputeAll(), notes: [] };
}

export interface Derivation {
  id: string;
  /** Menu label. */
  label: string;
  build(doc: BudgetDocument, template: TemplateSet): DeriveResult;
}

/** The derivations the UI offers ("生成" menu), in a sensible order. */
export const DERIVATIONS: readonly Derivation[] = [
  { id: 'subtotals', label: '重新计算全部合计与小计', build: recomputeSubtotals },
  { id: 'gpbFromExpenditure', label: '由支出总体情况表生成一般公共预算支出表（全部为一般公共预算时）', build: generateGpbFromExpenditure },
  { id: 'overview', label: '生成收支总体情况表', build: generateOverview },
  { id: 'fiscalOverview', label: '生成财政拨款收支总体情况表', build: generateFiscalOverview },
  { id: 'sangong', label: '计算“三公”经费小计与合计', build: computeSangongTotals },
];

/** Builds a derivation's command, turning a refusal into an error message (for callers that want one command). */
export function derivationCommand(id: string, doc: BudgetDocument, template: TemplateSet): DeriveResult {
  const d = DERIVATIONS.find((x) => x.id === id);
  if (!d) return { ok: false, message: `未知的生成操作“${id}”` };
  return d.build(doc, template);
}

