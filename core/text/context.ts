import type { Amount } from '../amount/amount';
import { formatAmount, formatAmountShort } from '../amount/amount';
import { formatPercent, percentOf, sharesLargestRemainder } from '../amount/percent';
import type { BudgetDocument, CellRef, DocumentMeta, RowData } from '../document/document';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { structureOf } from '../structure/structure-model';
import { getPrior, getText } from '../inputs/accessors';
import { notGeneratedNote } from './generator-needs';
import { trimEndPunct, type Vars } from './pattern';
import { fillTraced, plain, quoted, type Claim, type ClaimWord, type Fig, type Traced, type TracedVars } from './trace';

type Role = TableDef['role'];

/**
 * Everything a generator reads, with the document's wording (部门/单位, unit name, year, amount unit) filled in.
 * Generators are pure functions of this context; they never format a figure or pick a word themselves.
 */
export interface TextContext {
  doc: BudgetDocument;
  template: TemplateSet;
  /**
   * Fills a sentence pattern of the set with the common values. A set lacking the key (only possible for a set that
   * did not go through loading, which refuses it) gets a visible note, never another set's words.
   */
  s(key: string, vars?: TracedVars): string;
  /** The same, keeping the trace of every traced value it places. */
  t(key: string, vars?: TracedVars): Traced;
  /** An amount as written in sentences, with its unit, in the document's style: "824.50万元" or "824.5万元". */
  money(value: Amount): string;
  /** An amount figure printed with its trace. */
  amount(fig: Fig): Traced;
  /** The cell of a table by role, when the set has that table. */
  ref(role: Role, rowId: string, col: string): CellRef | undefined;
  /** A cell's amount with the cell as its source. */
  fig(role: Role, rowId: string, col: string): Fig;
  /** The officer's reason (or other text) quoted as typed, without final punctuation. */
  quote(key: string): Traced;
  /** A share or rate as written: "96.97%". */
  pct(basis: number): string;
  table(role: Role): TableDef | undefined;
  rows(role: Role): RowData[];
  row(role: Role, id: string): RowData | undefined;
  /** The first row with this code (the structure model's code index). */
  rowByCode(role: Role, code: string): RowData | undefined;
  /** Amount of a cell by table role (0 when absent). */
  value(role: Role, rowId: string, col: string): Amount;
  /** The officer's reason for a change, without final punctuation ('' when not written). */
  text(key: string): string;
  prior(key: string): Amount | undefined;
  common: Vars;
}

/** How amounts are written in sentences: two decimals as the tables print them, or the shortest form. */
export type TextAmountStyle = NonNullable<DocumentMeta['textAmountStyle']>;

/** The document's style; absent = fixed2 (sentences print figures exactly as the tables do). */
export function textAmountStyleOf(meta: Pick<DocumentMeta, 'textAmountStyle'>): TextAmountStyle {
  return meta.textAmountStyle ?? 'fixed2';
}

/** An amount as sentences write it (without unit). */
export function formatTextAmount(value: Amount, style: TextAmountStyle): string {
  return style === 'minimal' ? formatAmountShort(value) : formatAmount(value);
}

/** Σ of figures, keeping every source. */
export function sumFigs(figs: readonly Fig[]): Fig {
  const inputs = figs.flatMap((f) => f.inputs ?? []);
  return { value: figs.reduce((a, f) => a + f.value, 0), cells: figs.flatMap((f) => f.cells), ...(inputs.length ? { inputs } : {}) };
}

/** The first figure that is not zero (a table's stored 合计, else the sum of its parts), with its own sources. */
export function firstNonZero(...figs: Fig[]): Fig {
  return figs.find((f) => f.value !== 0) ?? figs[0] ?? { value: 0, cells: [] };
}

export function claim(word: ClaimWord, fig: Fig, priorKeys: string[] = []): Claim {
  return { word, cells: fig.cells, priorKeys, ...(fig.inputs?.length ? { inputs: fig.inputs } : {}) };
}

export function createContext(doc: BudgetDocument, template: TemplateSet): TextContext {
  const meta = doc.meta;
  const unit = meta.amountUnit ?? template.amountUnit;
  const style = textAmountStyleOf(meta);
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
  const t = (key: string, vars: TracedVars = {}): Traced => {
    const pattern = template.sentences?.[key];
    return pattern === undefined ? plain(notGeneratedNote(`模板缺少句式“${key}”`)) : fillTraced(pattern, vars, common);
  };
  // Sentences look rows up by id thousands of times (one per 项 of a 5,000-row table): through the document's
  // structure model, which indexes each table once and rebuilds an index its rows have outgrown.
  const model = structureOf(doc, template);
  const rowById = (role: Role, id: string): RowData | undefined => {
    const t = tables.get(role);
    return t ? model.row(t.id, id) : undefined;
  };
  const rowByCode = (role: Role, code: string): RowData | undefined => {
    const t = tables.get(role);
    const s = t ? model.table(t.id) : undefined;
    const i = s?.byKey.get(code);
    // byKey holds codes, and ids of project rows: only a row that prints this code answers.
    return i !== undefined && s!.rows[i].code === code ? s!.rows[i] : undefined;
  };
  const value = (role: Role, rowId: string, col: string) => rowById(role, rowId)?.values[col] ?? 0;
  const ref = (role: Role, rowId: string, col: string): CellRef | undefined => {
    const def = tables.get(role);
    return def ? { table: def.id, row: rowId, col } : undefined;
  };
  const money = (v: Amount) => `${formatTextAmount(v, style)}${unit}`;
  return {
    doc,
    template,
    common,
    s: (key, vars) => t(key, vars).text,
    t,
    money,
    amount(fig) {
      const text = money(fig.value);
      return {
        text,
        spans: [{ start: 0, text, value: fig.value, kind: 'amount', op: 'sum', cells: fig.cells, priorKeys: [], ...(fig.inputs?.length ? { inputs: fig.inputs } : {}) }],
        claims: [],
        verbatim: [],
      };
    },
    ref,
    fig(role, rowId, col) {
      const r = ref(role, rowId, col);
      return { value: value(role, rowId, col), cells: r ? [r] : [] };
    },
    quote: (key) => quoted(trimEndPunct(getText(doc, key)), key),
    pct: (basis) => `${formatPercent(basis)}%`,
    table: (role) => tables.get(role),
    rows: rowsOf,
    row: rowById,
    rowByCode,
    value,
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
  return changeTraced(ctx, { value: current, cells: [] }, [], prior).text;
}

/**
 * The change phrase with its trace: 差额 and 幅度 computed from the current figure's sources and last year's keys;
 * 持平 and 新增 carry the claim that makes them true.
 */
export function changeTraced(ctx: TextContext, current: Fig, priorKeys: string[], priorValue?: Amount): Traced {
  const prior = priorValue ?? priorKeys.reduce((a, k) => a + (ctx.prior(k) ?? 0), 0);
  const c = changeOf(current.value, prior);
  const base = { cells: current.cells, priorKeys, ...(current.inputs?.length ? { inputs: current.inputs } : {}) };
  const diffText = ctx.money(c.diff);
  const diff: Traced = { text: diffText, spans: [{ start: 0, text: diffText, value: c.diff, kind: 'amount', op: 'change', ...base }], claims: [], verbatim: [] };
  let rate: Traced = plain('');
  if (c.rate !== null) {
    const rateText = ctx.pct(c.rate);
    rate = { text: rateText, spans: [{ start: 0, text: rateText, value: c.rate, kind: 'percent', op: 'rate', ...base }], claims: [], verbatim: [] };
  }
  const out = ctx.t(`change.${c.kind}`, { 差额: diff, 幅度: rate });
  if (c.kind === 'flat') out.claims.push(claim('持平', current, priorKeys));
  if (c.kind === 'new') out.claims.push(claim('新增', current, priorKeys));
  return out;
}

/** ", 主要原因是：…" fragment; '' when no change is stated or no reason is written (a check reports the latter). */
export function reasonPhrase(ctx: TextContext, patternKey: string, reasonKeyName: string | readonly string[]): Traced {
  const keys = typeof reasonKeyName === 'string' ? [reasonKeyName] : reasonKeyName;
  const key = keys.find((k) => ctx.text(k) !== '');
  return key ? ctx.t(patternKey, { 原因: ctx.quote(key) }) : plain('');
}

/** Shares of one whole that print to exactly 100.00%. */
export function shares(parts: readonly Amount[]): (number | null)[] {
  return sharesLargestRemainder(parts);
}

/** Shares of one whole as traced percentages (group = the paragraph set they belong to); null for a zero whole. */
export function sharesTraced(ctx: TextContext, parts: readonly Fig[], group: string): (Traced | null)[] {
  const basis = sharesLargestRemainder(parts.map((p) => p.value));
  const whole = parts.flatMap((p) => p.cells);
  return basis.map((b, i) => {
    if (b === null) return null;
    const text = ctx.pct(b);
    return { text, spans: [{ start: 0, text, value: b, kind: 'percent', op: 'share', cells: parts[i].cells, priorKeys: [], share: { group, whole } }], claims: [], verbatim: [] };
  });
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
