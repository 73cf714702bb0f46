import type { CellRef } from '../document/document';
import type { RuleDef } from '../template/template.schema';
import type { ComparisonAst, RefAst, RelOp, TermAst } from './ast';
import { IntBuffer, SLOT_BITS, SLOT_MASK, type CompiledRule, type EvalContext } from './compiled';
import type { Finding } from './finding';
import { comparisonMessage, type SideTerm } from './messages';
import {
  CompileError, findLiteralOrUndefined, matchesAny, resolveColumn, resolveSel, rowsMatching, selectorWord, slotsOf, tableOf,
  type Ref, type Term,
} from './selectors';
import type { RuleTable } from './rule-table';
import { formatAmount, parseAmount } from '../amount/amount';

/**
 * A comparison rule (left op right, both sides linear sums of cells, aggregates and numbers) compiled for one
 * column binding. Each instance is a flat list of reads with coefficients ±1: evaluation is a dot product over the
 * mirrored integer amounts, so a re-check after an edit costs a few array reads.
 */

/** Splits a rule with `.*` columns into one comparison per amount column, then compiles each. */
export function compileComparison(def: RuleDef, order: number, ast: ComparisonAst, ctx: EvalContext): CompiledRule[] {
  const terms = [...ast.left, ...ast.right];
  const star = terms.find((t) => t.kind !== 'number' && t.ref.column === '*');
  if (!star || star.kind === 'number') return [new ComparisonRule(def, order, ast, ctx, '')];
  const table = tableOf(star.ref.table, ctx);
  if (table.amountCols.length === 0) throw new CompileError(`${table.def.no}没有金额列，不能用 .*`);
  return table.amountCols.map((col) => {
    const fill = (t: TermAst): TermAst => (t.kind === 'number' || t.ref.column !== '*' ? t : { ...t, ref: { ...t.ref, column: col } });
    return new ComparisonRule(def, order, { ...ast, left: ast.left.map(fill), right: ast.right.map(fill) }, ctx, col);
  });
}

/** The parts of an instance's finding that only its reads decide. */
interface InstanceShape {
  id: string;
  cells: CellRef[];
  terms: { cell: CellRef; coef: number }[];
}

const READS = new IntBuffer();
const DOMAIN_TABLE = new IntBuffer();
const DOMAIN_ROW = new IntBuffer();
const COEFS = new IntBuffer();

class ComparisonRule implements CompiledRule {
  readonly tables: number[];
  count = 0;
  offsets = new Int32Array(1);
  reads: Int32Array = new Int32Array(0);
  private coefs: Int8Array = new Int8Array(0);
  private split = new Int32Array(0);
  /** End of instance i's amount reads (its name reads follow, up to offsets[i + 1], for dependencies only). */
  private ends = new Int32Array(0);
  private keys: string[] = [];
  /**
   * Per instance: what its finding holds that only the row lists decide (the cells, the balance terms, the id), built
   * the first time the instance fails after an instantiation. An edit that keeps a sum wrong then makes one small
   * object instead of re-walking up to 50 cells.
   */
  private shapes: (InstanceShape | undefined)[] = [];
  private lconst = 0;
  private rconst = 0;
  private readonly left: Term[];
  /** How many cell references the left side has (a fix is offered only when it is one cell). */
  private readonly leftRefs: number;
  private readonly right: Term[];
  private readonly op: RelOp;
  private readonly binding: Ref[];
  private readonly bindingTables: RuleTable[];
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
    this.leftRefs = this.left.filter((t) => t.ref).length;
    this.right = ast.right.map((t) => this.resolveTerm(t, ctx));
    this.op = ast.op;
    const all = [...this.left, ...this.right];
    const binding = new Map<string, Ref>();
    const tables: RuleTable[] = [];
    for (const t of all) {
      if (t.kind !== 'ref' || t.ref!.literal !== undefined) continue;
      if (!binding.has(t.ref!.signature)) binding.set(t.ref!.signature, t.ref!);
      if (!tables.includes(t.ref!.table)) tables.push(t.ref!.table);
      t.slot = tables.indexOf(t.ref!.table);
    }
    this.binding = [...binding.values()];
    this.bindingTables = tables;
    if (this.binding.length === 0 && all.some((t) => t.relative)) throw new CompileError('sum(…children…) 需要一个按行展开的引用，如 t3[类]');
    const focus = all.find((t) => t.ref)?.ref;
    if (!focus) throw new CompileError('公式里没有引用任何单元格');
    this.focus = focus;
    this.tables = [...new Set(all.filter((t) => t.ref).map((t) => t.ref!.table.tableNo))];
    for (const t of this.left) if (t.kind === 'number') this.lconst += t.sign * t.value!;
    for (const t of this.right) if (t.kind === 'number') this.rconst += t.sign * t.value!;
  }

  private resolveTerm(t: TermAst, ctx: EvalContext): Term {
    if (t.kind === 'number') {
      const parsed = parseAmount(t.text);
      if (!parsed.ok) throw new CompileError(parsed.message);
      return { kind: 'number', sign: t.sign, value: parsed.value };
    }
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
    const every = sels.some((x) => x.kind === 'all');
    const signature = `${table.tableNo}|${JSON.stringify(sels)}`;
    return { table, col, colId: table.amountCols[col], sels, literal, every, signature };
  }

  instantiate(ctx: EvalContext): void {
    const { keys, rowsIn } = this.bind(ctx);
    const n = keys.length;
    const fixed = new Map<Term, number[]>();
    for (const t of [...this.left, ...this.right]) {
      if (!t.ref) continue;
      if (t.kind === 'sum' && !t.relative) fixed.set(t, slotsOf(t.ref, rowsMatching(t.ref)));
      if (t.kind === 'ref' && t.ref.literal !== undefined) {
        const row = findLiteralOrUndefined(t.ref.table, t.ref.literal);
        fixed.set(t, row === undefined ? [] : slotsOf(t.ref, [row]));
      }
    }
    const nameSlots: number[] = [];
    for (const t of [...this.left, ...this.right]) {
      if (t.kind !== 'ref' || t.ref!.literal === undefined) continue;
      const table = t.ref!.table;
      const row = findLiteralOrUndefined(table, t.ref!.literal);
      if (row !== undefined) nameSlots.push(table.tableNo * (1 << SLOT_BITS) + row * table.stride + table.nameCol);
    }
    const offsets = new Int32Array(n + 1);
    const split = new Int32Array(n);
    const ends = new Int32Array(n);
    const reads = READS;
    const coefs = COEFS;
    reads.length = 0;
    coefs.length = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = reads.length;
      this.emitSide(this.left, i, keys[i], rowsIn, fixed, reads, coefs);
      split[i] = reads.length;
      this.emitSide(this.right, i, keys[i], rowsIn, fixed, reads, coefs);
      ends[i] = reads.length;
      // Messages print the names of the bound rows and of literal rows: read their name slots with weight 0, so a
      // rename re-evaluates the instance without changing its sums.
      for (let b = 0; b < rowsIn.length; b++) {
        const row = rowsIn[b][i];
        if (row < 0) continue;
        const table = this.bindingTables[b];
        reads.push(table.tableNo * (1 << SLOT_BITS) + row * table.stride + table.nameCol);
        coefs.push(0);
      }
      for (const slot of nameSlots) {
        reads.push(slot);
        coefs.push(0);
      }
    }
    offsets[n] = reads.length;
    this.count = n;
    this.keys = keys;
    this.shapes = [];
    this.offsets = offsets;
    this.split = split;
    this.ends = ends;
    this.reads = reads.take();
    this.coefs = Int8Array.from(coefs.take());
  }

  /** The instances' keys: the union of the keys of every row-binding reference, first reference's rows first. */
  /** The row binding, shared with the other rules binding the same rows since the row lists were last read. */
  private bind(ctx: EvalContext): { keys: string[]; rowsIn: Int32Array[] } {
    const id = this.binding.map((b) => b.signature).join(';');
    const cached = ctx.bindings.get(id);
    if (cached) return cached;
    const keys = this.domain();
    const n = keys.length;
    // Row of each instance in each binding table (-1 = missing, reads as 0): known for the table the key came from,
    // one map lookup for the others.
    const rowsIn: Int32Array[] = [];
    for (const table of this.bindingTables) {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = DOMAIN_TABLE.data[i] === table.tableNo ? DOMAIN_ROW.data[i] : (table.byKey.get(keys[i]) ?? -1);
      rowsIn.push(out);
    }
    const binding = { keys, rowsIn };
    ctx.bindings.set(id, binding);
    return binding;
  }

  /**
   * The instances' keys: the union of the keys of every row-binding reference, first reference's rows first.
   * DOMAIN_TABLE / DOMAIN_ROW receive where each key was found, to spare the lookup.
   */
  private domain(): string[] {
    DOMAIN_TABLE.length = 0;
    DOMAIN_ROW.length = 0;
    if (this.binding.length === 0) {
      DOMAIN_TABLE.push(-1);
      DOMAIN_ROW.push(-1);
      return [''];
    }
    const keys: string[] = [];
    const binding = this.binding;
    // Organisation rows are particular to how one table was printed: rules across tables compare codes only.
    const acrossTables = this.bindingTables.length > 1;
    for (let b = 0; b < binding.length; b++) {
      const ref = binding[b];
      const table = ref.table;
      const n = table.rows.length;
      for (let i = 0; i < n; i++) {
        if (table.first[i] === 0 || !(ref.every || matchesAny(ref, i))) continue;
        if (acrossTables && table.rows[i].org !== undefined) continue;
        const key = table.keys[i];
        let seen = false;
        for (let e = 0; e < b && !seen; e++) {
          const earlier = binding[e];
          const row = earlier.table.byKey.get(key);
          seen = row !== undefined && (earlier.every || matchesAny(earlier, row));
        }
        if (seen) continue;
        keys.push(key);
        DOMAIN_TABLE.push(table.tableNo);
        DOMAIN_ROW.push(i);
      }
    }
    return keys;
  }

  private emitSide(terms: Term[], i: number, key: string, rowsIn: Int32Array[], fixed: Map<Term, number[]>, reads: IntBuffer, coefs: IntBuffer): void {
    for (const t of terms) {
      const ref = t.ref;
      if (!ref) continue;
      const table = ref.table;
      const base = table.tableNo * (1 << SLOT_BITS) + ref.col;
      if (t.kind === 'ref' && ref.literal === undefined) {
        const row = rowsIn[t.slot!][i];
        if (row >= 0 && (ref.every || matchesAny(ref, row))) {
          reads.push(base + row * table.stride);
          coefs.push(t.sign);
        }
      } else if (!t.relative) {
        for (const e of fixed.get(t)!) {
          reads.push(e);
          coefs.push(t.sign);
        }
      } else {
        const under = ref.sels[0].kind === 'under';
        const rows = under ? table.under(key) : table.children(key);
        const self = under && this.bindingTables.includes(table);
        for (const row of rows) {
          if (self && table.keys[row] === key) continue;
          reads.push(base + row * table.stride);
          coefs.push(t.sign);
        }
      }
    }
  }

  evaluate(i: number, ctx: EvalContext): Finding | undefined {
    const values = ctx.values;
    const reads = this.reads;
    const coefs = this.coefs;
    const mid = this.split[i];
    const end = this.ends[i];
    let l = this.lconst;
    let r = this.rconst;
    for (let j = this.offsets[i]; j < mid; j++) {
      const e = reads[j];
      l += coefs[j] * values[e >>> SLOT_BITS][e & SLOT_MASK];
    }
    for (let j = mid; j < end; j++) {
      const e = reads[j];
      r += coefs[j] * values[e >>> SLOT_BITS][e & SLOT_MASK];
    }
    const op = this.op;
    if (op === '=' ? l === r : op === '<=' ? l <= r : l >= r) return undefined;
    return this.finding(i, l, r, ctx);
  }

  evaluateEach(ctx: EvalContext, found: (i: number, finding: Finding) => void): void {
    for (let i = 0; i < this.count; i++) {
      const finding = this.evaluate(i, ctx);
      if (finding) found(i, finding);
    }
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

  private shapeOf(i: number, ctx: EvalContext): InstanceShape {
    const cached = this.shapes[i];
    if (cached) return cached;
    const key = this.keys[i];
    const cells: CellRef[] = [];
    const start = this.offsets[i];
    const end = this.offsets[i + 1];
    // Each cell's signed weight in left − right, for the fix options (reads past ends[i] are not summed).
    const terms: { cell: CellRef; coef: number }[] = [];
    const mid = this.split[i];
    const summed = this.ends[i];
    for (let j = start; j < end && cells.length < 50; j++) {
      if (this.coefs[j] === 0) continue;
      const cell = this.cellOf(this.reads[j], ctx);
      cells.push(cell);
      const weight = j >= summed ? 0 : j < mid ? this.coefs[j] : -this.coefs[j];
      if (weight !== 0) terms.push({ cell, coef: weight });
    }
    const shape: InstanceShape = {
      id: `${this.def.id}:${key || this.focus.literal || ''}${this.column ? `:${this.column}` : ''}`,
      cells,
      terms,
    };
    this.shapes[i] = shape;
    return shape;
  }

  private finding(i: number, l: number, r: number, ctx: EvalContext): Finding {
    const start = this.offsets[i];
    const { id, cells, terms } = this.shapeOf(i, ctx);
    const diff = l - r;
    const rounding = Math.abs(diff) === 1;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the message accessor below needs the rule
    const rule = this;
    // Most findings an edit re-evaluates are never read before the next edit replaces them (a row of typing): the
    // Chinese message is written on first read, then kept as a plain property. An accessor in the literal keeps
    // the object's shape fixed (defining one afterwards turns every finding into a slow dictionary object).
    const finding: Finding = {
      id,
      rule: this.def.id,
      ruleName: this.def.name,
      severity: rounding ? 'warning' : this.def.severity,
      scope: this.def.scope,
      get message(): string {
        const value = rule.messageOf(i, l, r, rounding);
        Object.defineProperty(this, 'message', { value, enumerable: true, writable: true, configurable: true });
        return value;
      },
      set message(value: string) {
        Object.defineProperty(this, 'message', { value, enumerable: true, writable: true, configurable: true });
      },
      cells,
    };
    // The cells and terms are shared by the instance's successive findings: nothing mutates a finding's parts.
    if (this.op === '=' && cells.length > 0) finding.balance = { diff, terms };
    // The left cell's value that makes an equality hold: only when the left side is one existing cell.
    if (this.op === '=' && this.split[i] - start === 1 && this.leftRefs === 1 && cells.length > 0) {
      const coef = this.coefs[start];
      const e = this.reads[start];
      const current = ctx.tables[e >>> SLOT_BITS].values[e & SLOT_MASK];
      finding.fix = { cell: cells[0], value: current - coef * diff };
    }
    return finding;
  }

  /** The Chinese message of instance i failing with sides l and r (written when a finding's message is first read). */
  private messageOf(i: number, l: number, r: number, rounding: boolean): string {
    const key = this.keys[i];
    const focusRowIdx = this.focusRow(i);
    const focusTable = this.focus.table;
    const focusRow = focusRowIdx === undefined ? undefined : focusTable.rows[focusRowIdx];
    const side = (terms: Term[]): SideTerm[] =>
      terms.map((t) => ({ sign: t.sign, label: this.termLabel(t), isNumber: t.kind === 'number' }));
    return comparisonMessage({
      table: focusTable.def.no,
      row: focusRow ? focusTable.rowLabel(focusRow, key) : this.labelElsewhere(this.focus.literal ?? key),
      left: side(this.left),
      right: side(this.right),
      l,
      r,
      op: this.op,
      rounding,
      pattern: this.def.message,
    });
  }

  /** A row missing from the finding's table is named as another bound table prints it (code and name). */
  private labelElsewhere(key: string): string {
    for (const table of this.bindingTables) {
      const row = table.byKey.get(key);
      if (row !== undefined) return table.rowLabel(table.rows[row], key);
    }
    return this.focus.table.rowLabel(undefined, key);
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
    const words = ref.sels.map((sel) => (sel.kind === 'under' && ref.table.def.rows.kind === 'projects' ? '所属项目' : selectorWord(sel)));
    return `${prefix}${words.join('、')}${col}之和`;
  }
}

