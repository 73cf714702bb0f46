import type { CodeBook } from '../codes/code-book';
import type { BudgetDocument } from '../document/document';
import type { RuleDef, TemplateSet } from '../template/template.schema';
import type { Finding } from './finding';
import type { RuleTable } from './rule-table';

export interface EngineOptions {
  /** The year's code list for the knownNames check (an imported list); defaults to the shipped known codes. */
  codeBook?: CodeBook;
}

/** What compiled rules see: the document, the per-table indexes, the template. */
export interface EvalContext {
  doc: BudgetDocument;
  template: TemplateSet;
  tables: RuleTable[];
  /** Per table number: the amount mirror of its current structure (what evaluation reads). */
  values: Float64Array[];
  tableNo: Map<string, number>;
  options: EngineOptions;
  /**
   * Row bindings shared by rules that bind the same rows (a `.*` rule's columns, t3[*] in several rules): keys and
   * the row of each key per bound table. Cleared whenever a row list is re-read.
   */
  bindings: Map<string, { keys: string[]; rowsIn: Int32Array[] }>;
}

/** A read is encoded as one int: table number in the high byte, mirror slot (row × stride + column) below. */
export const SLOT_BITS = 24;
export const SLOT_MASK = (1 << SLOT_BITS) - 1;
export const encodeRead = (tableNo: number, slot: number): number => tableNo * (1 << SLOT_BITS) + slot;

/**
 * One rule (or one column / one table of a rule) compiled to closures. instantiate() binds it to the current row
 * lists, producing instances (one per row binding) with the cells each reads; evaluate(i) re-checks instance i
 * from the mirrored values only.
 */
export interface CompiledRule {
  def: RuleDef;
  /** Set when the rule cannot run: the Chinese reason. */
  broken?: string;
  /** Position of the rule in the set: findings are sorted by it after severity, table and row. */
  order: number;
  /** Tables whose row list decides the instances or their reads (re-instantiate when one changes). */
  tables: number[];
  /** Number of instances after the last instantiate(). */
  count: number;
  /** offsets[i]..offsets[i+1] index into reads for instance i. */
  offsets: Int32Array;
  reads: Int32Array;
  /**
   * Row checks: instance i is row i of this table and is re-checked when any cell of that row changes, without
   * listing the row's cells as reads (keeps the index small).
   */
  rowWatch?: number;
  instantiate(ctx: EvalContext): void;
  evaluate(i: number, ctx: EvalContext): Finding | undefined;
  /**
   * Every instance evaluated, each failing one handed to `found`. The loop lives in the rule's own class so that its
   * evaluate() is called from one place per class (inlined), not from the engine's call site shared by every kind of
   * rule: a full check makes some 400,000 of these calls.
   */
  evaluateEach(ctx: EvalContext, found: (i: number, finding: Finding) => void): void;
  /** Table number × 2^24 + row index of the instance's focus cell, for sorting findings by table and row. */
  position(i: number, ctx: EvalContext): number;
}

/** A rule that cannot be parsed or resolved: reported as one finding instead of crashing the check. */
export function brokenRule(def: RuleDef, order: number, reason: string): CompiledRule {
  return {
    def,
    broken: reason,
    order,
    tables: [],
    count: 1,
    offsets: new Int32Array([0, 0]),
    reads: new Int32Array(0),
    instantiate() {},
    evaluate: () => ({
      id: `${def.id}:公式`,
      rule: def.id,
      ruleName: def.name,
      severity: 'error',
      scope: def.scope,
      message: `审核公式“${def.name}”无法执行：${reason}`,
      cells: [],
    }),
    evaluateEach(ctx, found) {
      const finding = this.evaluate(0, ctx);
      if (finding) found(0, finding);
    },
    position: () => -1,
  };
}

/** A growable int buffer reused across instantiations, so building reads allocates only the final exact array. */
export class IntBuffer {
  data = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  take(): Int32Array {
    const out = this.data.slice(0, this.length);
    this.length = 0;
    return out;
  }
}
