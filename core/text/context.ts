import type { Amount } from '../amount/amount';
import { formatAmountShort } from '../amount/amount';
import { formatPercent, percentOf, sharesLargestRemainder } from '../amount/percent';
import type { BudgetDocument, RowData } from '../document/document';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { getPrior, getText } from '../inputs/accessors';
import builtinSentences from '../../templates/xj-dept-2024-11/sentences.json';
import { fillPattern, trimEndPunct, type Vars } from './pattern';

type Role = TableDef['role'];

/**
 * Everything a generator reads, with the document's wording (部门/单位, unit name, year, amount unit) filled in.
 * Generators are pure functions of this context; they never format a figure or pick a word themselves.
 */
export interface TextContext {
  doc: BudgetDocument;
  template: TemplateSet;
  /** Fills a sentence pattern of the set (or the built-in pattern of the same key) with the common values. */
  s(key: string, vars?: Vars): string;
  /** An amount as written in sentences, with its unit: "824.5万元". */
  money(value: Amount): string;
  /** A share or rate as written: "96.97%". */
  pct(basis: number): string;
  table(role: Role): TableDef | undefined;
  rows(role: Role): RowData[];
  row(role: Role, id: string): RowData | undefined;
  /** Amount of a cell by table role (0 when absent). */
  value(role: Role, rowId: string, col: string): Amount;
  /** The officer's reason for a change, without final punctuation ('' when not written). */
  text(key: string): string;
  prior(key: string): Amount | undefined;
  common: Vars;
}

const FALLBACK = builtinSentences as Record<string, string>;

export function createContext(doc: BudgetDocument, template: TemplateSet): TextContext {
  const meta = doc.meta;
  const unit = meta.amountUnit ?? template.amountUnit;
  const common: Vars = {
    单位名称: meta.unitName,
    主体: meta.entityKind ?? template.entityKind,
    年度: meta.year,
    上年: meta.year - 1,
    编制部门: meta.compiler || meta.unitName,
    单位: unit,
  };
  const tables = new Map<Role, TableDef>();
  for (const t of template.tables) if (!tables.has(t.role)) tables.set(t.role, t);
  const rowsOf = (role: Role): RowData[] => {
    const t = tables.get(role);
    return t ? (doc.tables[t.id]?.rows ?? []) : [];
  };
  return {
    doc,
    template,
    common,
    s(key, vars = {}) {
      const pattern = template.sentences?.[key] ?? FALLBACK[key] ?? '';
      return fillPattern(pattern, { ...common, ...vars });
    },
    money: (value) => `${formatAmountShort(value)}${unit}`,
    pct: (basis) => `${formatPercent(basis)}%`,
    table: (role) => tables.get(role),
    rows: rowsOf,
    row: (role, id) => rowsOf(role).find((r) => r.id === id),
    value: (role, rowId, col) => rowsOf(role).find((r) => r.id === rowId)?.values[col] ?? 0,
    text: (key) => trimEndPunct(getText(doc, key)),
    prior: (key) => getPrior(doc, key),
  };
}

export type ChangeKind = 'increase' | 'decrease' | 'flat' | 'new';

export interface Change {
  kind: ChangeKind;
  /** Absolute difference. */
  diff: Amount;
  /** Rate in basis points (null for 新增). */
  rate: number | null;
}

/** The change from last year's budget: a zero base is 新增, never "增长100%"; equal figures are 持平. */
export function changeOf(current: Amount, prior: Amount): Change {
  const diff = current - prior;
  if (diff === 0) return { kind: 'flat', diff: 0, rate: 0 };
  if (prior === 0) return { kind: 'new', diff, rate: null };
  const rate = percentOf(Math.abs(diff), prior);
  return { kind: diff > 0 ? 'increase' : 'decrease', diff: Math.abs(diff), rate };
}

/** "比上年预算增加59.05万元，增长7.97%" / "…减少…下降…" / "与上年持平" / "比上年预算新增0.86万元". */
export function changePhrase(ctx: TextContext, current: Amount, prior: Amount): string {
  const c = changeOf(current, prior);
  return ctx.s(`change.${c.kind}`, { 差额: ctx.money(c.diff), 幅度: c.rate === null ? '' : ctx.pct(c.rate) });
}

/** ", 主要原因是：…" fragment; '' when no change is stated or no reason is written (a check reports the latter). */
export function reasonPhrase(ctx: TextContext, patternKey: string, reasonKeyName: string | readonly string[]): string {
  const keys = typeof reasonKeyName === 'string' ? [reasonKeyName] : reasonKeyName;
  const reason = keys.map((k) => ctx.text(k)).find((r) => r !== '') ?? '';
  return reason ? ctx.s(patternKey, { 原因: reason }) : '';
}

/** Shares of one whole that print to exactly 100.00%. */
export function shares(parts: readonly Amount[]): (number | null)[] {
  return sharesLargestRemainder(parts);
}

/** Coded-row helpers: level by code length for the functional classification [3,5,7]. */
export function codeLevel(row: RowData): number {
  const code = row.code ?? '';
  return code.length === 3 ? 0 : code.length === 5 ? 1 : code.length === 7 ? 2 : -1;
}

export function isTableEmpty(rows: readonly RowData[]): boolean {
  return rows.every((r) => Object.values(r.values).every((v) => v === 0));
}

/** Joins list items with the Chinese enumeration comma. */
export const enumerate = (items: readonly string[]): string => items.join('、');
