import { parseSignedSum, type SumTerm } from '../structure/formula';
import type { ColumnDef, FixedRowDef, RuleDef, TableDef } from './template.schema';

/**
 * The rules a table definition implies, generated when a set loads instead of being copied into every rules.json:
 *   - a column formula: every row's cell equals the formula (`t3-row`: 合计 = 基本支出 + 项目支出);
 *   - a fixed row's formula: the row equals the sum of its terms (`t1-in-total`, `t1-gpb-parts` when the terms are
 *     the row's own 其中 items; a side-by-side 支出总计 over every 类 row is written as sum(类));
 *   - `partOf`: a 其中 item is not larger than its row (`t1-gpbOwn-le`);
 *   - side-by-side 收支 tables: 收入总计 = 支出总计 (`t1-balance`, `t4-balance`);
 *   - coded tables with subtotals: 类 = Σ款, 款 = Σ项 (`-subtotals`), the 合计 row = Σ类 (`-total`), and the
 *     部门/单位 rows = Σ their rows (`-org`); project tables: 合计 = Σ projects (`-total`), 类/款/项 groups = Σ their
 *     projects (`-groups`), `-org`.
 * Ids are derived from table, row or column and kind, so findings and tests can name them. Where a table has one
 * amount column (or one per side) the rule names it; otherwise `.*` checks column by column.
 */

/**
 * The id the built-in 2024 三公 table (表10) had before its rules were generated, kept so that findings keep their
 * names: 公务用车购置及运行费 over its two 其中 rows was named without "-parts".
 */
const LEGACY_IDS: Record<string, string> = { 't10-vehicle-parts': 't10-vehicle' };

const LEVEL_WORDS = ['类', '款', '项'];

export function impliedRules(tables: readonly TableDef[]): RuleDef[] {
  return tables.flatMap(tableRules);
}

function tableRules(table: TableDef): RuleDef[] {
  const out: RuleDef[] = [];
  const add = (id: string, name: string, expr: string) => {
    const legacy = table.role === 'sangong' ? LEGACY_IDS[id] : undefined;
    out.push({ id: legacy ?? id, name, severity: 'error', scope: '表内', expr });
  };
  const amounts = table.columns.filter((c) => c.kind === 'amount');
  const model = table.rows;
  // Column formulas: per row of the table (side-by-side: the rows of the column's side). In a table of one 合计 row
  // (the 2021 三公 table) the 合计 column's rule is the table's total.
  const oneRow = model.kind === 'fixed' && model.rows.length === 1;
  for (const column of amounts) {
    const terms = column.formula ? parseSignedSum(column.formula) : null;
    if (!terms) continue;
    const rows = model.kind === 'sideBySide' ? sideSelector(model.sides[column.side ?? 0], model.totals[column.side ?? 0]) : '*';
    const ref = (col: string) => `${table.id}[${rows}].${col}`;
    const label = (id: string) => columnLabel(table.columns.find((c) => c.id === id));
    add(column.id === 'total' ? `${table.id}-${oneRow ? 'total' : 'row'}` : `${table.id}-${kebab(column.id)}`,
      `${table.no}${oneRow ? '' : '每行'}${columnLabel(column)}等于${joinTerms(terms, label, '各组成列之和')}`,
      `${ref(column.id)} = ${sumExpression(terms, ref)}`);
  }
  if (model.kind === 'fixed') fixedRowRules(table, model.rows, amounts, '*', add);
  if (model.kind === 'sideBySide') {
    // The two totals of a 收支 table balance: 收入总计 (the left amount) = 支出总计 (the right side's first amount,
    // its 合计 where it has several).
    const [inCol, outCol] = ([0, 1] as const).map((side) => amounts.find((c) => c.side === side));
    const [inTotal, outTotal] = model.totals;
    if (inCol && outCol) {
      add(`${table.id}-balance`, `${table.no}${rowLabel(inTotal)}等于${rowLabel(outTotal)}`,
        `${table.id}[${inTotal.id}].${inCol.id} = ${table.id}[${outTotal.id}].${outCol.id}`);
    }
    for (const side of [0, 1] as const) {
      const cols = amounts.filter((c) => c.side === side);
      fixedRowRules(table, [model.totals[side], ...model.sides[side]], cols, side, add);
    }
  }
  const perColumn = amounts.length === 1 ? `.${amounts[0]!.id}` : '.*';
  const byColumn = amounts.length === 1 ? '' : '（逐列）';
  if (model.kind === 'coded') {
    const parents = model.levels.slice(0, -1).map((_, i) => LEVEL_WORDS[i] ?? `第${i + 1}级`);
    if (model.subtotals && parents.length > 0) {
      const sentence = parents.length === 1
        ? `${parents[0]}等于所属各${LEVEL_WORDS[1]}之和`
        : parents.map((p, i) => `${p}等于各${LEVEL_WORDS[i + 1] ?? `第${i + 2}级`}之和`).join('、');
      add(`${table.id}-subtotals`, `${table.no}${sentence}${byColumn}`, `${table.id}[${parents.join(', ')}]${perColumn} = sum(${table.id}[children]${perColumn})`);
    }
    add(`${table.id}-total`, `${table.no}合计行等于各类之和${byColumn}`, `${table.id}[total]${perColumn} = sum(${table.id}[类]${perColumn})`);
  }
  if (model.kind === 'projects') {
    const levels = model.levels.map((_, i) => LEVEL_WORDS[i] ?? `第${i + 1}级`);
    add(`${table.id}-total`, `${table.no}合计等于各项目之和${byColumn}`, `${table.id}[total]${perColumn} = sum(${table.id}[projects]${perColumn})`);
    add(`${table.id}-groups`, `${table.no}科目小计等于所属项目之和${byColumn}`, `${table.id}[${levels.join(', ')}]${perColumn} = sum(${table.id}[children]${perColumn})`);
  }
  if (model.kind === 'coded' || model.kind === 'projects') {
    // 部门/单位 rows always compare column by column (their finding ids name the column).
    add(`${table.id}-org`, `${table.no}部门、单位汇总行等于所属各行之和（逐列）`, `${table.id}[机构].* = sum(${table.id}[children].*)`);
  }
  return out;
}

/**
 * Row formulas and 其中 items of one list of fixed rows (a fixed table, or one side of a side-by-side table with its
 * total first): each row's formula rule, then the ≤ rules of its 其中 items.
 */
function fixedRowRules(
  table: TableDef, rows: readonly FixedRowDef[], cols: readonly ColumnDef[], side: '*' | 0 | 1,
  add: (id: string, name: string, expr: string) => void,
): void {
  if (cols.length === 0) return;
  const byId = new Map(rows.map((r) => [r.id, r]));
  // One column: named. A fixed table's several columns: `.*`. A side's several columns: one rule per column (`.*`
  // would take the other side's columns too).
  const variants: { suffix: string; col: string; byColumn: string }[] =
    cols.length === 1 ? [{ suffix: '', col: cols[0]!.id, byColumn: '' }]
      : side === '*' ? [{ suffix: '', col: '*', byColumn: '（逐列）' }]
        : cols.map((c) => ({ suffix: `-${c.id}`, col: c.id, byColumn: '' }));
  const topCodes = rows.filter((r) => r.code !== undefined && r.code.length === 3).map((r) => r.id);
  for (const row of rows) {
    const terms = row.formula ? parseSignedSum(row.formula) : null;
    if (terms) {
      const ownParts = terms.every((t) => t.sign === 1 && byId.get(t.ref)?.partOf === row.id);
      const everyClass = topCodes.length > 0 && terms.length === topCodes.length && terms.every((t) => t.sign === 1 && topCodes.includes(t.ref));
      const base = ownParts ? `${table.id}-${row.id}-parts` : `${table.id}-${kebab(row.id)}`;
      const what = ownParts ? '其中各项' : null;
      for (const v of variants) {
        const ref = (id: string) => `${table.id}[${id}].${v.col}`;
        const right = everyClass ? `sum(${table.id}[类].${v.col})` : sumExpression(terms, ref);
        const words = everyClass ? '各类支出之和' : what ? `${what}之和` : joinTerms(terms, (id) => rowLabel(byId.get(id)), '各项之和');
        add(`${base}${v.suffix}`, `${table.no}${rowLabel(row)}等于${words}${v.byColumn}`, `${ref(row.id)} = ${right}`);
      }
    }
    for (const part of rows) {
      if (part.partOf !== row.id) continue;
      for (const v of variants) {
        add(`${table.id}-${part.id}-le${v.suffix}`, `${table.no}其中项不大于${rowLabel(row)}${v.byColumn}`,
          `${table.id}[${part.id}].${v.col} <= ${table.id}[${row.id}].${v.col}`);
      }
    }
  }
}

/**
 * The rows of one side of a side-by-side table: `类` for its classification rows when every coded row is a 类, the
 * other rows by id, then the side's total.
 */
function sideSelector(rows: readonly FixedRowDef[], total: FixedRowDef): string {
  const coded = rows.filter((r) => r.code !== undefined);
  const byClass = coded.length > 0 && coded.every((r) => r.code!.length === 3);
  const named = rows.filter((r) => !byClass || r.code === undefined).map((r) => r.id);
  return [...(byClass ? ['类'] : []), ...named, total.id].join(', ');
}

/** Writes parsed terms back as a rule's sum expression (`a + b - c`); it prints, the one parser is structure/formula.ts. */
function sumExpression(terms: readonly SumTerm[], ref: (id: string) => string): string {
  return terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? '-' : '') : t.sign < 0 ? ' - ' : ' + '}${ref(t.ref)}`).join('');
}

/** "A" / "A加B" / "A、B、C之和" / (more terms) `many`; a subtracted term is written "减". */
function joinTerms(terms: readonly SumTerm[], label: (id: string) => string, many: string): string {
  if (terms.length > 3) return many;
  if (terms.some((t) => t.sign < 0) || terms.length <= 2) {
    return terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? '负' : '') : t.sign < 0 ? '减' : '加'}${label(t.ref)}`).join('');
  }
  return `${terms.map((t) => label(t.ref)).join('、')}之和`;
}

/** A row's label as a name: without numbering ("1. ", "一、"), "其中：", spaces and a trailing "（小计）". */
export function rowLabel(row: FixedRowDef | undefined): string {
  if (!row) return '';
  const label = row.label
    .replace(/^(?:\d+\s*[.．、]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\s*/, '')
    .replace(/^其中[:：]\s*/, '')
    .replace(/\s+/g, '')
    .replace(/（小计）$/, '');
  return label || row.id;
}

/** A column's name: its leaf header, with its group when the leaf is only 合计/小计 of a group. */
function columnLabel(column: ColumnDef | undefined): string {
  if (!column) return '';
  const path = column.header.map((h) => h.replace(/\s+/g, ''));
  const leaf = path[path.length - 1]!;
  if ((leaf === '合计' || leaf === '小计') && path.length > 1 && column.id !== 'total') return `${path[path.length - 2]}${leaf}`;
  return leaf;
}

/** inTotal → in-total: the id style of the built-in rules. */
function kebab(id: string): string {
  return id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export interface SetRules {
  rules: RuleDef[];
  /** Ids of the rules that came from the table definitions. */
  generated: Set<string>;
  errors: string[];
}

/**
 * A set's rules: per table, the set's own 表内 rules on that table (rules.json), then those its definition implies;
 * then the set's other rules (表间, checks). An own rule with the id of an implied one replaces it in place (a set
 * may word or weigh it differently); `disable` lists implied rules the set does not want (a set that extends
 * another and removes one of its generated rules). The order decides only which of two findings on the same cell
 * is listed first.
 */
export function withImpliedRules(setId: string, tables: readonly TableDef[], own: readonly RuleDef[], disable: readonly string[]): SetRules {
  const implied = tables.map((t) => tableRules(t));
  const impliedIds = new Set(implied.flat().map((r) => r.id));
  const errors = disable
    .filter((id) => !impliedIds.has(id))
    .map((id) => `模板“${setId}”的 impliedRules.disable：“${id}”不是由表定义生成的审核公式`);
  const ownById = new Map(own.map((r) => [r.id, r]));
  const off = new Set(disable);
  const generated = new Set<string>();
  const placed = new Set<RuleDef>();
  const rules: RuleDef[] = [];
  tables.forEach((table, i) => {
    for (const rule of own) {
      if (!impliedIds.has(rule.id) && rule.scope === '表内' && firstTable(rule.expr) === table.id) {
        rules.push(rule);
        placed.add(rule);
      }
    }
    for (const rule of implied[i]!) {
      if (off.has(rule.id)) continue;
      const replaced = ownById.get(rule.id);
      if (!replaced) generated.add(rule.id);
      rules.push(replaced ?? rule);
    }
  });
  for (const rule of own) if (!impliedIds.has(rule.id) && !placed.has(rule)) rules.push(rule);
  return { rules, generated, errors };
}

/** The table a comparison rule starts with (`t1[inTotal].inAmount = …` → t1); undefined for checks (`validCodes(*)`). */
function firstTable(expr: string): string | undefined {
  return /^\s*-?\s*([A-Za-z][A-Za-z0-9_]*)\[/.exec(expr)?.[1] ?? /^\s*sum\(\s*([A-Za-z][A-Za-z0-9_]*)\[/.exec(expr)?.[1];
}

/**
 * The implied rules a set does not want, from its raw JSON (`"impliedRules": { "disable": ["t3-org"] }`), written by
 * inheritance when a child removes a generated rule of its base. Errors name the set.
 */
export function disabledImpliedRules(json: unknown): { ids: string[]; error?: string } {
  if (typeof json !== 'object' || json === null) return { ids: [] };
  const field = (json as Record<string, unknown>).impliedRules;
  if (field === undefined) return { ids: [] };
  const disable = typeof field === 'object' && field !== null ? (field as Record<string, unknown>).disable : undefined;
  if (Array.isArray(disable) && disable.every((d) => typeof d === 'string')) return { ids: disable as string[] };
  return { ids: [], error: 'impliedRules 应为 { "disable": ["规则标识", …] }' };
}
