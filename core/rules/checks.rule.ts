import { formatAmount } from '../amount/amount';
import { CodeBook, normalizeName } from '../codes/code-book';
import type { CellRef, RowData } from '../document/document';
import type { RuleDef } from '../template/template.schema';
import { SLOT_BITS, type CompiledRule, type EvalContext } from './compiled';
import { CompileError } from './selectors';
import type { Finding } from './finding';
import { isProjectRow, rowKey, type RuleTable } from './rule-table';

/**
 * Built-in checks written as `name(t3, t5)` or `name(*)` in a rule: code structure, parent present, duplicates,
 * names against the year's list, negative amounts. Each runs per row, so an edit re-checks only its row.
 */

type RowVerdict = { message: string; cells?: CellRef[] } | undefined;

interface CheckSpec {
  /**
   * The verdict depends only on the row list (codes, levels, keys), not on amounts or names: it is decided once per
   * row list and only a failing row is looked at again (its message names the row as printed now).
   */
  structural?: boolean;
  /**
   * The verdict depends only on the row's code and name and on the year's code list (the name memo): it is kept per
   * row and worked out again only when one of them changes, so a full check of 10,000 rows costs a comparison each.
   */
  byName?: boolean;
  /** Which tables `*` means for this check. */
  applies(table: RuleTable): boolean;
  check(table: RuleTable, i: number, ctx: EvalContext): RowVerdict;
}

const hasCodes = (t: RuleTable): boolean => t.def.rows.kind === 'coded' || t.def.rows.kind === 'projects';
const classification = (t: RuleTable): 'functional' | 'economic' =>
  t.def.rows.kind === 'coded' ? t.def.rows.classification : 'functional';
const CLASS_WORD = { functional: '功能分类', economic: '经济分类' } as const;

function fixedRowsWithCodes(table: RuleTable): boolean {
  const m = table.def.rows;
  const rows = m.kind === 'fixed' ? m.rows : m.kind === 'sideBySide' ? [...m.sides[0], ...m.sides[1]] : [];
  return rows.some((r) => r.code !== undefined);
}

/** The name part of a fixed row's printed label "207 文化旅游体育与传媒支出". */
function fixedName(table: RuleTable, row: RowData): string | undefined {
  const label = table.labels.get(row.id);
  return label === undefined || row.code === undefined ? undefined : label.replace(new RegExp(`^${row.code}\\s*`), '');
}

/** Digits only, a level's length, and the classification's first digit (功能 2xx, 经济 3xx/5xx). */
function validShape(code: string, levels: readonly number[], firstDigits: string): boolean {
  if (!levels.includes(code.length) || !firstDigits.includes(code[0])) return false;
  for (let k = 0; k < code.length; k++) {
    const c = code.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function where(table: RuleTable, i: number): string {
  const row = table.rows[i];
  return `${table.def.no} ${row.code !== undefined || table.isTotal(row) ? table.rowLabel(row, row.id) : `第 ${i + 1} 行`}`;
}

const CHECKS: Record<string, CheckSpec> = {
  validCodes: {
    structural: true,
    applies: hasCodes,
    check(table, i) {
      const row = table.rows[i];
      if (table.isTotal(row) || row.org !== undefined) return undefined;
      const cls = classification(table);
      // A project hangs under a 项 code; 表7's 类/款/项 group rows may have any level.
      const levels = isProjectRow(row) ? [table.levels[table.levels.length - 1]] : table.levels;
      const code = row.code;
      if (code !== undefined && validShape(code, levels, cls === 'functional' ? '2' : '35')) return undefined;
      const lengths = levels.join('、');
      if (code === undefined || code === '') return { message: `${where(table, i)}：缺少${CLASS_WORD[cls]}科目编码` };
      if (!validShape(code, levels, cls === 'functional' ? '2' : '35')) {
        return { message: `${table.def.no} 第 ${i + 1} 行：编码“${code}”不是有效的${CLASS_WORD[cls]}科目编码（应为 ${lengths} 位数字）` };
      }
      return undefined;
    },
  },
  parentsPresent: {
    structural: true,
    applies: (t) => t.def.rows.kind === 'coded',
    check(table, i) {
      const row = table.rows[i];
      const level = table.levelOf(row);
      if (level <= 0) return undefined;
      const parent = row.code!.slice(0, table.levels[level - 1]);
      if (table.byKey.has(parent)) return undefined;
      return { message: `${where(table, i)}：上级科目 ${parent} 不在表中` };
    },
  },
  uniqueCodes: {
    structural: true,
    applies: hasCodes,
    check(table, i) {
      const row = table.rows[i];
      const projects = table.def.rows.kind === 'projects';
      if (!projects && table.first[i] === 1) return undefined;
      const first = projects ? table.rowById(row.id) : table.byKey.get(rowKey(row));
      if (first === undefined || first === i) return undefined;
      const what = projects ? `行标识“${row.id}”` : `编码“${rowKey(row)}”`;
      return { message: `${where(table, i)}：${what}与第 ${first + 1} 行重复` };
    },
  },
  knownNames: {
    byName: true,
    // Coded tables, and fixed lists that print codes (表1/表4 支出 by 类): a stale name in a bureau's template is
    // the same inspection fault as one typed by the officer.
    applies: (t) => t.def.rows.kind === 'coded' || fixedRowsWithCodes(t),
    check(table, i, ctx) {
      const row = table.rows[i];
      const name = row.name ?? fixedName(table, row);
      if (row.code === undefined || !name) return undefined;
      const cls = classification(table);
      const warning = nameWarningOf(ctx, cls, row.code, name);
      if (warning === undefined) return undefined;
      const names = table.def.columns.filter((c) => c.kind === 'name');
      const nameCol = (names.find((c) => c.side === 1 && row.name === undefined) ?? names[0])?.id ?? 'name';
      return { message: `${table.def.no} ${row.code}：${warning}`, cells: [{ table: table.def.id, row: row.id, col: nameCol }] };
    },
  },
  nonNegative: {
    applies: (t) => t.amountCols.length > 0,
    check(table, i) {
      const base = i * table.stride;
      const negatives: string[] = [];
      const cells: CellRef[] = [];
      for (let c = 0; c < table.amountCols.length; c++) {
        const v = table.values[base + c];
        if (v >= 0) continue;
        negatives.push(`${table.columnLabel(table.amountCols[c])} ${formatAmount(v)}`);
        cells.push({ table: table.def.id, row: table.rows[i].id, col: table.amountCols[c] });
      }
      if (cells.length === 0) return undefined;
      return { message: `${table.def.no} ${table.rowLabel(table.rows[i], table.rows[i].id)}：${negatives.join('、')} 为负数，请确认`, cells };
    },
  },
};

let builtinBook: CodeBook | undefined;

/** The engine's code book (options.codeBook), else the shipped list of known codes. */
function codeBookOf(ctx: EvalContext): CodeBook {
  return ctx.options.codeBook ?? (builtinBook ??= CodeBook.builtin());
}

/**
 * The year's verdict on a code's printed name, memoised per engine context and year: the book's lookup and the
 * name normalisation are not meant for 10,000 rows a check, and names rarely change between checks.
 */
interface NameMemo {
  year: number | undefined;
  book: CodeBook;
  /** The book's revision the memo was filled from: codes learnt later (an imported list) refill it. */
  revision: number;
  /** Per classification: code → the year's name (null: not in the book). Keyed by the rows' own code strings. */
  expected: Record<'functional' | 'economic', Map<string, string | null>>;
  /** Names that differ from the expected one: "code\u0001name" → the warning (undefined: only spacing differs). */
  warnings: Map<string, string | undefined>;
}
const nameMemos = new WeakMap<EvalContext, NameMemo>();
let lastCtx: EvalContext | undefined;
let lastMemo: NameMemo | undefined;
/** The context's name memo for its current year and code list (a new one when either changed). */
function nameMemoOf(ctx: EvalContext): NameMemo {
  const year = ctx.doc.meta.year;
  const book = codeBookOf(ctx);
  // One row after another asks with the same context: skip the WeakMap while it does.
  let memo = ctx === lastCtx ? lastMemo : nameMemos.get(ctx);
  if (!memo || memo.year !== year || memo.book !== book || memo.revision !== book.revision) {
    memo = { year, book, revision: book.revision, expected: { functional: new Map(), economic: new Map() }, warnings: new Map() };
    nameMemos.set(ctx, memo);
  }
  lastCtx = ctx;
  lastMemo = memo;
  return memo;
}

function nameWarningOf(ctx: EvalContext, cls: 'functional' | 'economic', code: string, name: string): string | undefined {
  const memo = nameMemoOf(ctx);
  const year = ctx.doc.meta.year;
  const book = memo.book;
  const byCode = memo.expected[cls];
  let expected = byCode.get(code);
  if (expected === undefined) {
    expected = book.has(cls, code) ? (book.name(cls, code, year) ?? null) : null;
    byCode.set(code, expected);
  }
  if (expected === null || expected === name) return undefined;
  const key = `${cls === 'functional' ? 'f' : 'e'}${code}\u0001${name}`;
  let warning = memo.warnings.get(key);
  if (warning === undefined && !memo.warnings.has(key)) {
    warning = normalizeName(expected) === normalizeName(name) ? undefined : book.nameWarning(cls, code, name, year);
    memo.warnings.set(key, warning);
  }
  return warning;
}

export const CHECK_NAMES = Object.keys(CHECKS);

/** One compiled rule per table the check covers (so a row-list change re-instantiates only that table's part). */
export function compileCheck(def: RuleDef, order: number, check: string, tableIds: string[], ctx: EvalContext): CompiledRule[] {
  const spec = CHECKS[check];
  if (!spec) throw new CompileError(`未知的检查“${check}”（可用：${CHECK_NAMES.join('、')}）`);
  const tables =
    tableIds.length === 1 && tableIds[0] === '*'
      ? ctx.tables.filter((t) => spec.applies(t))
      : tableIds.map((id) => {
          const no = ctx.tableNo.get(id);
          if (no === undefined) throw new CompileError(`表“${id}”不存在`);
          return ctx.tables[no];
        });
  return tables.map((table) => new RowCheckRule(def, order, spec, table));
}

class RowCheckRule implements CompiledRule {
  readonly tables: number[];
  readonly rowWatch?: number;
  count = 0;
  offsets = new Int32Array(1);
  reads: Int32Array = new Int32Array(0);

  constructor(
    readonly def: RuleDef,
    readonly order: number,
    private readonly spec: CheckSpec,
    private readonly table: RuleTable,
  ) {
    this.tables = [table.tableNo];
    // Every row check names its row (code and name), so any change to the row re-runs it.
    this.rowWatch = table.tableNo;
  }

  /** Structural checks: 1 where the row passes for this row list (it cannot fail before the list changes). */
  private passes: Uint8Array | undefined;
  /** Name checks: per row, the code and name last judged and the verdict, valid while the name memo is the same. */
  private seen: { memo: NameMemo; known: Uint8Array; codes: (string | undefined)[]; names: (string | undefined)[]; verdicts: RowVerdict[] } | undefined;

  instantiate(ctx: EvalContext): void {
    const n = this.table.rows.length;
    this.count = n;
    // No explicit reads: a row check watches its own row (rowWatch) or only the row list (tables).
    this.offsets = new Int32Array(n + 1);
    this.passes = undefined;
    this.seen = undefined;
    if (this.spec.structural) {
      const passes = new Uint8Array(n);
      for (let i = 0; i < n; i++) passes[i] = this.spec.check(this.table, i, ctx) === undefined ? 1 : 0;
      this.passes = passes;
    }
  }

  evaluate(i: number, ctx: EvalContext): Finding | undefined {
    return this.evaluateRow(i, ctx, this.spec.byName ? nameMemoOf(ctx) : undefined);
  }

  evaluateEach(ctx: EvalContext, found: (i: number, finding: Finding) => void): void {
    const memo = this.spec.byName ? nameMemoOf(ctx) : undefined;
    for (let i = 0; i < this.count; i++) {
      const finding = this.evaluateRow(i, ctx, memo);
      if (finding) found(i, finding);
    }
  }

  /** Row i's finding; `memo` is the context's name memo for a name check (looked up once per full pass). */
  private evaluateRow(i: number, ctx: EvalContext, memo: NameMemo | undefined): Finding | undefined {
    if (this.passes !== undefined && this.passes[i] === 1) return undefined;
    const verdict = memo !== undefined ? this.byName(i, ctx, memo) : this.spec.check(this.table, i, ctx);
    if (!verdict) return undefined;
    const row: RowData = this.table.rows[i];
    const first = this.table.rowById(row.id);
    return {
      id: `${this.def.id}:${this.table.def.id}:${row.id}${first !== i ? `#${i}` : ''}`,
      rule: this.def.id,
      ruleName: this.def.name,
      severity: this.def.severity,
      scope: this.def.scope,
      message: verdict.message,
      cells: verdict.cells ?? [{ table: this.table.def.id, row: row.id, col: codeColumn(this.table) }],
    };
  }

  /** The row's verdict, worked out again only when its code or name (or the year's list) changed since. */
  private byName(i: number, ctx: EvalContext, memo: NameMemo): RowVerdict {
    let seen = this.seen;
    if (seen === undefined || seen.memo !== memo) {
      const n = this.table.rows.length;
      seen = this.seen = { memo, known: new Uint8Array(n), codes: new Array(n), names: new Array(n), verdicts: new Array(n) };
    }
    const row = this.table.rows[i];
    if (seen.known[i] === 1 && seen.codes[i] === row.code && seen.names[i] === row.name) return seen.verdicts[i];
    const verdict = this.spec.check(this.table, i, ctx);
    seen.known[i] = 1;
    seen.codes[i] = row.code;
    seen.names[i] = row.name;
    seen.verdicts[i] = verdict;
    return verdict;
  }

  position(i: number): number {
    return this.table.tableNo * (1 << SLOT_BITS) + i;
  }
}

/** The column a code finding points at: the combined code column, else the 类 column, else the name. */
function codeColumn(table: RuleTable): string {
  const cols = table.def.columns;
  return (cols.find((c) => c.codePart === 'full') ?? cols.find((c) => c.kind === 'code') ?? cols.find((c) => c.kind === 'name') ?? cols[0]).id;
}
