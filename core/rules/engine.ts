import type { ChangeSet } from '../commands/command';
import type { BudgetDocument } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { compileCheck } from './checks.rule';
import { compileComparison } from './comparison.rule';
import { CompileError } from './selectors';
import { brokenRule, SLOT_BITS, SLOT_MASK, type CompiledRule, type EngineOptions, type EvalContext } from './compiled';
import type { RuleEngine } from './engine.types';
import type { Finding } from './finding';
import { parseRule } from './parser';
import { RuleTable } from './rule-table';
import { structureOf, type StructureModel } from '../structure/structure-model';
import type { TableStructure } from '../structure/table-structure';

export type { EngineOptions } from './compiled';

/**
 * The rule engine: compiles the template's rules once, instantiates them against the row lists, and keeps
 *   cell → instances (CSR arrays per table) so that update() re-evaluates only instances reading a changed cell.
 * A change to a table's row list re-instantiates the rules that reference that table and rebuilds the index.
 */
export function createRuleEngine(template: TemplateSet, doc: BudgetDocument, options: EngineOptions = {}): RuleEngine {
  return new Engine(template, doc, options);
}

/** Compiles every rule of a set without a document: the Chinese errors of rules that cannot run (for set validation). */
export function ruleErrors(template: TemplateSet): string[] {
  const empty: BudgetDocument = { format: 'budget-disclosure', version: 1, meta: {} as BudgetDocument['meta'], tables: {}, inputs: {}, priorYear: {} };
  const ctx = makeContext(template, empty, {});
  return compileAll(template, ctx)
    .filter((r) => r.broken !== undefined)
    .map((r) => `审核公式“${r.def.name}”（${r.def.id}）：${r.broken}`);
}

const DEP_RULE_SHIFT = 2 ** 20;

interface Slot {
  finding: Finding;
  rank: number;
  position: number;
  order: number;
  rule: number;
  local: number;
}

function makeContext(template: TemplateSet, doc: BudgetDocument, options: EngineOptions): EvalContext {
  const tables = template.tables.map((def, i) => new RuleTable(i, def));
  const tableNo = new Map(template.tables.map((t, i) => [t.id, i]));
  return { doc, template, tables, values: tables.map((t) => t.values), tableNo, options, bindings: new Map() };
}

function compileAll(template: TemplateSet, ctx: EvalContext): CompiledRule[] {
  const out: CompiledRule[] = [];
  template.rules.forEach((def, order) => {
    const parsed = parseRule(def.expr);
    if (!parsed.ok) {
      out.push(brokenRule(def, order, parsed.message));
      return;
    }
    try {
      const ast = parsed.ast;
      out.push(...(ast.kind === 'check' ? compileCheck(def, order, ast.check, ast.tables, ctx) : compileComparison(def, order, ast, ctx)));
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      out.push(brokenRule(def, order, e.message));
    }
  });
  return out;
}

class Engine implements RuleEngine {
  private readonly ctx: EvalContext;
  private readonly model: StructureModel;
  private readonly rules: CompiledRule[];
  /** Per compiled rule: the failing instances' findings (sparse: a consistent document holds none). */
  private results: Map<number, Slot>[] = [];
  /** Per table: CSR from mirror slot to dependent instances (rule × 2^20 + instance). */
  private depStart: Int32Array[] = [];
  private depList: Int32Array[] = [];
  /** The cell → instance index is built on the first update after an instantiation: a check alone never needs it. */
  private depsReady = false;
  /** Whether every rule has been instantiated once (a later full check re-instantiates only changed tables'). */
  private instantiated = false;
  /** Failing instances in findings order, kept sorted across updates (undefined: sort again from results). */
  private sortedSlots: Slot[] | undefined;
  /** The findings of sortedSlots, kept in step with it (an edit splices both instead of mapping thousands). */
  private sortedFindings: Finding[] = [];
  /** What findings() returns: a new array after every change (callers compare by identity). */
  private sorted: Finding[] | undefined;
  /** Per table: the row-check rules watching each of its rows. */
  private readonly rowWatchers: number[][];

  constructor(template: TemplateSet, doc: BudgetDocument, options: EngineOptions) {
    this.ctx = makeContext(template, doc, options);
    this.model = structureOf(doc, template);
    this.rules = compileAll(template, this.ctx);
    this.rowWatchers = this.ctx.tables.map(() => []);
    this.rules.forEach((rule, r) => {
      if (rule.rowWatch !== undefined) this.rowWatchers[rule.rowWatch].push(r);
    });
    this.checkAll();
  }

  /**
   * Every instance evaluated from the document's current amounts. Rules are instantiated (bound to row lists) once;
   * a full check re-instantiates only the rules reading a table whose row list changed since.
   */
  checkAll(): readonly Finding[] {
    const ctx = this.ctx;
    const changed = new Set<number>();
    for (const t of ctx.tables) {
      const s = this.model.verified(t.def.id) ?? t.empty;
      if (s !== t.s || !this.instantiated) changed.add(t.tableNo);
      // Amounts may have been written behind the engine's back: read them all.
      this.use(t.tableNo, s);
    }
    if (changed.size > 0) ctx.bindings.clear();
    // Code names stay memoised across full checks: the memo refills itself when the year or the book changes.
    this.results = this.rules.map((rule, i) => (this.instantiated && !rule.tables.some((t) => changed.has(t)) ? this.evaluateAll(i) : this.instantiate(i)));
    this.instantiated = true;
    this.sorted = undefined;
    this.sortedSlots = undefined;
    return this.findings();
  }

  update(changes: ChangeSet): void {
    const ctx = this.ctx;
    if (changes.meta) {
      // The year decides code names; metadata changes are rare enough for a full check.
      this.checkAll();
      return;
    }
    const changedTables = new Set<number>();
    for (const id of changes.tables) {
      const no = ctx.tableNo.get(id);
      if (no === undefined) continue;
      const t = ctx.tables[no];
      this.use(no, this.model.verified(id) ?? t.empty);
      changedTables.add(no);
    }
    const cells = changes.cells;
    // A row list replaced without the table being named (edits outside commands) is a row-list change too.
    for (const cell of cells) {
      const no = ctx.tableNo.get(cell.table);
      if (no === undefined || changedTables.has(no)) continue;
      const t = ctx.tables[no];
      const s = this.model.table(cell.table) ?? t.empty;
      if (s !== t.s) {
        this.use(no, s);
        changedTables.add(no);
      }
    }
    if (changedTables.size > 0) {
      ctx.bindings.clear();
      for (let r = 0; r < this.rules.length; r++) {
        if (this.rules[r].tables.some((t) => changedTables.has(t))) this.results[r] = this.instantiate(r);
      }
      this.depsReady = false;
    }
    if (cells.length === 0) return;
    if (!this.depsReady) this.buildDeps();
    // Refresh the mirror first, then evaluate each dependent instance once.
    const dirty: number[] = [];
    for (const cell of cells) {
      const no = ctx.tableNo.get(cell.table);
      if (no === undefined || changedTables.has(no)) continue;
      const table = ctx.tables[no];
      const slot = table.s.refresh(cell.row, cell.col);
      if (slot < 0) continue;
      const watchers = this.rowWatchers[no];
      if (watchers.length > 0) {
        const row = Math.floor(slot / table.stride);
        for (const r of watchers) dirty.push(r * DEP_RULE_SHIFT + row);
      }
      const start = this.depStart[no];
      const list = this.depList[no];
      for (let j = start[slot]; j < start[slot + 1]; j++) dirty.push(list[j]);
    }
    if (dirty.length > 1) {
      const unique = [...new Set(dirty)];
      for (const d of unique) this.evaluateOne(Math.floor(d / DEP_RULE_SHIFT), d % DEP_RULE_SHIFT);
    } else if (dirty.length === 1) this.evaluateOne(Math.floor(dirty[0] / DEP_RULE_SHIFT), dirty[0] % DEP_RULE_SHIFT);
  }

  /**
   * Points a table at a structure and reads its amounts: a structure may have been built by a command before that
   * command wrote the sums it recomputed, so its mirror is refreshed whenever the engine takes it.
   */
  private use(no: number, s: TableStructure): void {
    s.reload();
    this.ctx.tables[no].s = s;
    this.ctx.values[no] = s.values;
  }

  findings(): readonly Finding[] {
    if (!this.sorted) {
      if (!this.sortedSlots) {
        const all: Slot[] = [];
        for (const list of this.results) for (const slot of list.values()) all.push(slot);
        this.sortedSlots = all.sort(compareSlots);
        this.sortedFindings = this.sortedSlots.map((s) => s.finding);
      }
      this.sorted = this.sortedFindings.slice();
    }
    return this.sorted;
  }

  private instantiate(r: number): Map<number, Slot> {
    this.rules[r].instantiate(this.ctx);
    this.depsReady = false;
    return this.evaluateAll(r);
  }

  /** Evaluates every instance of a rule as instantiated (the compiled reads over the amount mirror). */
  private evaluateAll(r: number): Map<number, Slot> {
    const rule = this.rules[r];
    const out = new Map<number, Slot>();
    rule.evaluateEach(this.ctx, (i, finding) => out.set(i, this.slotOf(r, i, finding)));
    this.sorted = undefined;
    this.sortedSlots = undefined;
    return out;
  }

  private evaluateOne(r: number, i: number): void {
    const results = this.results[r];
    const before = results.get(i);
    const after = this.slotFor(r, i);
    if (!before && !after) return;
    if (after) results.set(i, after);
    else results.delete(i);
    // Keep the sorted list instead of re-sorting thousands of findings after each keystroke.
    const sorted = this.sortedSlots;
    if (sorted && before && after && compareSlots(before, after) === 0) {
      // Still failing at the same place (only the figures changed): replace in place, no shifting of the lists.
      const at = lowerBound(sorted, before);
      sorted[at] = after;
      this.sortedFindings[at] = after.finding;
    } else if (sorted) {
      if (before) {
        const at = lowerBound(sorted, before);
        sorted.splice(at, 1);
        this.sortedFindings.splice(at, 1);
      }
      if (after) {
        const at = lowerBound(sorted, after);
        sorted.splice(at, 0, after);
        this.sortedFindings.splice(at, 0, after.finding);
      }
    }
    this.sorted = undefined;
  }

  private slotFor(r: number, i: number): Slot | undefined {
    const finding = this.rules[r].evaluate(i, this.ctx);
    return finding ? this.slotOf(r, i, finding) : undefined;
  }

  private slotOf(r: number, i: number, finding: Finding): Slot {
    const rule = this.rules[r];
    return {
      finding,
      rank: finding.severity === 'error' ? 0 : 1,
      position: rule.position(i, this.ctx),
      order: rule.order,
      rule: r,
      local: i,
    };
  }

  /** Counting sort of every instance read into per-table CSR arrays: two passes, no per-cell arrays. */
  private buildDeps(): void {
    const tables = this.ctx.tables;
    const counts = tables.map((t) => new Int32Array(t.rows.length * t.stride + 1));
    for (const rule of this.rules) {
      const reads = rule.reads;
      const end = rule.offsets[rule.count];
      for (let j = 0; j < end; j++) {
        const e = reads[j];
        counts[e >>> SLOT_BITS][(e & SLOT_MASK) + 1]++;
      }
    }
    for (const c of counts) for (let k = 1; k < c.length; k++) c[k] += c[k - 1];
    const lists = counts.map((c) => new Int32Array(c[c.length - 1]));
    const fill = counts.map((c) => c.slice());
    this.rules.forEach((rule, r) => {
      const reads = rule.reads;
      const offsets = rule.offsets;
      for (let i = 0; i < rule.count; i++) {
        for (let j = offsets[i]; j < offsets[i + 1]; j++) {
          const e = reads[j];
          const t = e >>> SLOT_BITS;
          lists[t][fill[t][e & SLOT_MASK]++] = r * DEP_RULE_SHIFT + i;
        }
      }
    });
    this.depStart = counts;
    this.depList = lists;
    this.depsReady = true;
  }
}

function compareSlots(a: Slot, b: Slot): number {
  return a.rank - b.rank || a.position - b.position || a.order - b.order || a.rule - b.rule || a.local - b.local;
}

/** First index whose slot does not sort before the given one (slots compare as a total order). */
function lowerBound(sorted: Slot[], slot: Slot): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSlots(sorted[mid], slot) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
