import type { CellRef } from '../document/document';
import type { RuleDef } from '../template/template.schema';
import type { ComparisonAst, RefAst, RelOp, SelectorAst, TermAst } from './ast';
import { encodeRead, SLOT_BITS, SLOT_MASK, type CompiledRule, type EvalContext } from './compiled';
import type { Finding } from './finding';
import { comparisonMessage, type SideTerm } from './messages';
import { rowKey, TOTAL_KEY, type TableIndex } from './table-index';
import { amount, formatAmount } from '../amount/amount';

/**
 * A comparison rule (left op right, both sides linear sums of cells, aggregates and numbers) compiled for one
 * column binding. Each instance is a flat list of reads with coefficients ±1: evaluation is a dot product over the
 * mirrored integer amounts, so a re-check after an edit costs a few array reads.
 */

type Sel =
  | { kind: 'all' }
  | { kind: 'level'; level: number }
  | { kind: 'descendants'; prefix: string }
  | { kind: 'row'; id: string }
  | { kind: 'children' }
  | { kind: 'under' };

interface Ref {
  table: TableIndex;
  col: number;
  colId: string;
  sels: Sel[];
  /** A single literal row: the same row for every instance. */
  literal?: string;
}

interface Term {
  kind: 'ref' | 'sum' | 'number';
  sign: 1 | -1;
  ref?: Ref;
  value?: number;
  relative?: boolean;
}

const LEVEL_WORDS: Record<string, number> = { 类: 0, 款: 1, 项: 2 };
const RELATIVE: Record<string, Sel> = { children: { kind: 'children' }, under: { kind: 'under' }, 下级: { kind: 'children' } };

export class CompileError extends Error {}

/** Splits a rule with `.*` columns into one comparison per amount column, then compiles each. */
export function compileComparison(def: RuleDef, order: number, ast: ComparisonAst, ctx: EvalContext): CompiledRule[] {
  const terms = [...ast.left, ...ast.right];
  const star = terms.find((t) => t.kind !== 'number' && t.ref.column === '*');
  if (!star || star.kind === 'number') return [new ComparisonRule(def, order, ast, ctx, '')];
  const table = tableOf(star.ref.table, ctx);
  return table.amountCols.map((col) => {
    const fill = (t: TermAst): TermAst => (t.kind === 'number' || t.ref.column !== '*' ? t : { ...t, ref: { ...t.ref, column: col } });
    return new ComparisonRule(def, order, { ...ast, left: ast.left.map(fill), right: ast.right.map(fill) }, ctx, col);
  });
}

function tableOf(id: string, ctx: EvalContext): TableIndex {
  const no = ctx.tableNo.get(id);
  if (no === undefined) throw new CompileError(`表“${id}”不存在`);
  return ctx.tables[no];
}

function resolveColumn(table: TableIndex, column: string): number {
  const byId = table.colIndex.get(column);
  if (byId !== undefined && byId < table.amountCols.length) return byId;
  const wanted = column.replace(/\s+/g, '');
  const hits = table.amountCols.filter((id) => table.columnLabel(id) === wanted);
  if (hits.length === 1) return table.colIndex.get(hits[0])!;
  if (hits.length > 1) throw new CompileError(`${table.def.no}有多个名为“${column}”的金额列，请写列标识（${hits.join('、')}）`);
  throw new CompileError(`${table.def.no}没有金额列“${column}”`);
}

function resolveSel(sel: SelectorAst, inAggregate: boolean): Sel {
  if (sel.kind === 'all') return sel;
  if (sel.kind === 'descendants') return sel;
  const level = LEVEL_WORDS[sel.name];
  if (level !== undefined) return { kind: 'level', level };
  const relative = RELATIVE[sel.name];
  if (relative) {
    if (!inAggregate) throw new CompileError(`“${sel.name}”只能用在 sum(…) 里`);
    return relative;
  }
  return { kind: 'row', id: sel.name === '合计' ? TOTAL_KEY : sel.name };
}

class ComparisonRule implements CompiledRule {
  readonly tables: number[];
  count = 0;
  offsets = new Int32Array(1);
  reads = new Int32Array(0);
  private coefs = new Int8Array(0);
  private split = new Int32Array(0);
  private keys: string[] = [];
  private lconst = 0;
  private rconst = 0;
  private readonly left: Term[];
  private readonly right: Term[];
  private readonly op: RelOp;
  private readonly binding: Ref[];
  /** The table and (for literal rules) the row a finding is about: the left-hand side's first cell. */
  private readonly focus: Ref;

  constructor(
    readonly def: RuleDef,
    readonly order: number,
    ast: ComparisonAst,
    ctx: EvalContext,
    private readonly column: string,
  ) {
    this.left = ast.left.map((t) => this.resolveTerm(t, ctx));
    this.right = ast.right.map((t) => this.resolveTerm(t, ctx));
    this.op = ast.op;
    const all = [...this.left, ...this.right];
    this.binding = all.filter((t) => t.kind === 'ref' && t.ref!.literal === undefined).map((t) => t.ref!);
    if (this.binding.length === 0 && all.some((t) => t.relative)) throw new CompileError('sum(…children…) 需要一个按行展开的引用，如 t3[类]');
    const focus = all.find((t) => t.ref)?.ref;
    if (!focus) throw new CompileError('公式里没有引用任何单元格');
    this.focus = focus;
    this.tables = [...new Set(all.filter((t) => t.ref).map((t) => t.ref!.table.tableNo))];
    for (const t of this.left) if (t.kind === 'number') this.lconst += t.sign * t.value!;
    for (const t of this.right) if (t.kind === 'number') this.rconst += t.sign * t.value!;
  }

  private resolveTerm(t: TermAst, ctx: EvalContext): Term {
    if (t.kind === 'number') return { kind: 'number', sign: t.sign, value: amount(t.text) };
    const ref = this.resolveRef(t.ref, ctx, t.kind === 'sum');
    const relative = ref.sels.some((s) => s.kind === 'children' || s.kind === 'under');
    if (relative && ref.sels.length > 1) throw new CompileError('children / under 不能与其他行选择混用');
    return { kind: t.kind, sign: t.sign, ref, relative };
  }

  private resolveRef(ref: RefAst, ctx: EvalContext, inAggregate: boolean): Ref {
    const table = tableOf(ref.table, ctx);
    const col = resolveColumn(table, ref.column);
    const sels = ref.selectors.map((s) => resolveSel(s, inAggregate));
    const literal = !inAggregate && sels.length === 1 && sels[0].kind === 'row' ? sels[0].id : undefined;
    return { table, col, colId: table.amountCols[col], sels, literal };
  }

  instantiate(_ctx: EvalContext): void {
    // Domain: the union of keys of every row-binding reference, in table order (first reference first).
    const keys: string[] = [];
    if (this.binding.length === 0) keys.push('');
    else {
      const seen = new Set<string>();
      for (const ref of this.binding) {
        const rows = ref.table.rows;
        for (let i = 0; i < rows.length; i++) {
          if (!matchesAny(ref, i)) continue;
          const key = rowKey(rows[i]);
          if (!seen.has(key)) {
            seen.add(key);
            keys.push(key);
          }
        }
      }
    }
    const n = keys.length;
    const absolute = new Map<Term, readonly number[]>();
    const literalRow = new Map<Term, number>();
    for (const t of [...this.left, ...this.right]) {
      if (!t.ref) continue;
      if (t.kind === 'sum' && !t.relative) absolute.set(t, rowsMatching(t.ref, false));
      if (t.kind === 'ref' && t.ref.literal !== undefined) literalRow.set(t, findLiteral(t.ref.table, t.ref.literal));
    }
    const offsets = new Int32Array(n + 1);
    const split = new Int32Array(n);
    const reads: number[] = [];
    const coefs: number[] = [];
    const emit = (t: Term, key: string): void => {
      const ref = t.ref!;
      const table = ref.table;
      const add = (row: number): void => {
        reads.push(encodeRead(table.tableNo, row * table.stride + ref.col));
        coefs.push(t.sign);
      };
      if (t.kind === 'ref') {
        const row = ref.literal !== undefined ? literalRow.get(t)! : table.byKey.get(key);
        if (row !== undefined && row >= 0 && (ref.literal !== undefined || matchesAny(ref, row))) add(row);
        return;
      }
      if (!t.relative) {
        for (const row of absolute.get(t)!) add(row);
        return;
      }
      const under = ref.sels[0].kind === 'under';
      const rows = under ? table.under(key) : table.children(key);
      const selfTable = this.binding.some((b) => b.table === table);
      for (const row of rows) if (!(under && selfTable && rowKey(table.rows[row]) === key)) add(row);
    };
    for (let i = 0; i < n; i++) {
      offsets[i] = reads.length;
      for (const t of this.left) if (t.ref) emit(t, keys[i]);
      split[i] = reads.length;
      for (const t of this.right) if (t.ref) emit(t, keys[i]);
    }
    offsets[n] = reads.length;
    this.count = n;
    this.keys = keys;
    this.offsets = offsets;
    this.split = split;
    this.reads = Int32Array.from(reads);
    this.coefs = Int8Array.from(coefs);
  }

  evaluate(i: number, ctx: EvalContext): Finding | undefined {
    const tables = ctx.tables;
    const reads = this.reads;
    const coefs = this.coefs;
    const mid = this.split[i];
    const end = this.offsets[i + 1];
    let l = this.lconst;
    let r = this.rconst;
    for (let j = this.offsets[i]; j < mid; j++) {
      const e = reads[j];
      l += coefs[j] * tables[e >>> SLOT_BITS].values[e & SLOT_MASK];
    }
    for (let j = mid; j < end; j++) {
      const e = reads[j];
      r += coefs[j] * tables[e >>> SLOT_BITS].values[e & SLOT_MASK];
    }
    const op = this.op;
    if (op === '=' ? l === r : op === '<=' ? l <= r : l >= r) return undefined;
    return this.finding(i, l, r, ctx);
  }

  position(i: number, ctx: EvalContext): number {
    const start = this.offsets[i];
    if (start < this.offsets[i + 1]) {
      const e = this.reads[start];
      const table = ctx.tables[e >>> SLOT_BITS];
      return table.tableNo * (1 << SLOT_BITS) + Math.floor((e & SLOT_MASK) / table.stride);
    }
    return this.focus.table.tableNo * (1 << SLOT_BITS) + (this.focusRow(i) ?? 0);
  }

  private focusRow(i: number): number | undefined {
    const ref = this.focus;
    const key = ref.literal ?? this.keys[i];
    return ref.literal !== undefined ? findLiteralOrUndefined(ref.table, key) : ref.table.byKey.get(key);
  }

  private finding(i: number, l: number, r: number, ctx: EvalContext): Finding {
    const key = this.keys[i];
    const cells: CellRef[] = [];
    const start = this.offsets[i];
    const end = this.offsets[i + 1];
    for (let j = start; j < end && cells.length < 50; j++) cells.push(this.cellOf(this.reads[j], ctx));
    const diff = l - r;
    const focusRowIdx = this.focusRow(i);
    const focusTable = this.focus.table;
    const focusRow = focusRowIdx === undefined ? undefined : focusTable.rows[focusRowIdx];
    const side = (terms: Term[]): SideTerm[] =>
      terms.map((t) => ({ sign: t.sign, label: this.termLabel(t), isNumber: t.kind === 'number' }));
    const rounding = Math.abs(diff) === 1;
    const message = comparisonMessage({
      table: focusTable.def.no,
      row: focusTable.rowLabel(focusRow, this.focus.literal ?? key),
      left: side(this.left),
      right: side(this.right),
      l,
      r,
      op: this.op,
      rounding,
      pattern: this.def.message,
    });
    const finding: Finding = {
      id: `${this.def.id}:${key || this.focus.literal || ''}${this.column ? `:${this.column}` : ''}`,
      rule: this.def.id,
      ruleName: this.def.name,
      severity: rounding ? 'warning' : this.def.severity,
      scope: this.def.scope,
      message,
      cells,
    };
    // The left cell's value that makes an equality hold: only when the left side is one existing cell.
    if (this.op === '=' && this.split[i] - start === 1 && this.left.filter((t) => t.ref).length === 1 && cells.length > 0) {
      const coef = this.coefs[start];
      const e = this.reads[start];
      const current = ctx.tables[e >>> SLOT_BITS].values[e & SLOT_MASK];
      finding.fix = { cell: cells[0], value: current - coef * diff };
    }
    return finding;
  }

  private cellOf(e: number, ctx: EvalContext): CellRef {
    const table = ctx.tables[e >>> SLOT_BITS];
    const slot = e & SLOT_MASK;
    const row = Math.floor(slot / table.stride);
    return { table: table.def.id, row: table.rows[row].id, col: table.amountCols[slot - row * table.stride] };
  }

  /** How a term reads in a message, relative to the finding's table and row ("基本支出", "表3 合计", "下级科目合计之和"). */
  private termLabel(t: Term): string {
    if (t.kind === 'number') return formatAmount(t.value!);
    const ref = t.ref!;
    const col = ref.table.columnLabel(ref.colId);
    const sameTable = ref.table === this.focus.table;
    const prefix = sameTable ? '' : `${ref.table.def.no} `;
    if (t.kind === 'ref') {
      if (ref.literal === undefined) return `${prefix}${col}`;
      if (sameTable && ref.literal === this.focus.literal) return col;
      const row = findLiteralOrUndefined(ref.table, ref.literal);
      const label = ref.table.rowLabel(row === undefined ? undefined : ref.table.rows[row], ref.literal);
      return label === col ? `${prefix}${label}` : `${prefix}${label} ${col}`;
    }
    return `${prefix}${ref.sels.map(selectorWord).join('、')}${col}之和`;
  }
}

function selectorWord(sel: Sel): string {
  switch (sel.kind) {
    case 'all':
      return '各行';
    case 'level':
      return ['各类', '各款', '各项'][sel.level] ?? '各级';
    case 'descendants':
      return `${sel.prefix}下各科目`;
    case 'row':
      return sel.id;
    case 'children':
      return '下级科目';
    case 'under':
      return '所属各行';
  }
}

function matches(ref: Ref, rowIdx: number, sel: Sel): boolean {
  const table = ref.table;
  const row = table.rows[rowIdx];
  switch (sel.kind) {
    case 'all':
      return true;
    case 'level':
      return !table.isTotal(row) && table.levelOf(row) === sel.level;
    case 'descendants':
      return row.code !== undefined && row.code.length > sel.prefix.length && row.code.startsWith(sel.prefix);
    case 'row':
      return row.id === sel.id || rowKey(row) === sel.id;
    default:
      return false;
  }
}

function matchesAny(ref: Ref, rowIdx: number): boolean {
  for (const sel of ref.sels) if (matches(ref, rowIdx, sel)) return true;
  return false;
}

/** Rows an absolute aggregate sums; `*` inside sum() leaves the 合计 row out (it is never its own part). */
function rowsMatching(ref: Ref, includeTotal: boolean): number[] {
  const out: number[] = [];
  const rows = ref.table.rows;
  for (let i = 0; i < rows.length; i++) {
    if (!includeTotal && ref.table.isTotal(rows[i]) && !ref.sels.some((s) => s.kind === 'row')) continue;
    if (matchesAny(ref, i)) out.push(i);
  }
  return out;
}

function findLiteral(table: TableIndex, id: string): number {
  return findLiteralOrUndefined(table, id) ?? -1;
}

function findLiteralOrUndefined(table: TableIndex, id: string): number | undefined {
  return table.byId.get(id) ?? table.byKey.get(id);
}
