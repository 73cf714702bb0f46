import type { BudgetDocument, CellRef } from '../document/document';
import { isComputedCell } from '../commands/cell-writer';
import { structureOf } from '../structure/structure-model';
import { tableShape } from '../structure/table-shape';
import type { TemplateSet } from '../template/template.schema';
import type { Finding } from './finding';

/**
 * Cause, not echo: one wrong input cell shows up as many findings (its 项, 款, 类 and 合计, in every table that
 * compares with it). Findings are grouped under the input cell that explains them.
 *
 * Candidates are the input cells (not computed, not a formula column) that findings name. A candidate explains a
 * finding when the finding names the candidate or a cell computed from it (its ancestors in the code tree or the
 * fixed-row formulas, in its own column or the formula columns that read it). The suspect is the candidate that
 * explains the most findings: when 表3, 表4 and 表6 agree against 表5, 表5's cell explains the findings against all
 * three, each other table's cell only its own pair. A tie is broken by the last-edited cell (the app knows it);
 * where a tie remains no cause is named (the findings stay on their own).
 */
export interface FindingGroup {
  /** The input cell that explains every finding of the group; null for a finding no single cell explains. */
  cause: CellRef | null;
  /** The finding shown for the group: the one at the cause cell, else the first in order. */
  primary: Finding;
  /** Every finding of the group in the order given, primary included. */
  members: Finding[];
}

const keyOf = (c: CellRef): string => `${c.table}\u0001${c.row}\u0001${c.col}`;

/** An amount cell the officer types (the editor's own notion of computed, so the grouping and the grid agree). */
function inputCellTest(doc: BudgetDocument, template: TemplateSet): (c: CellRef) => boolean {
  const model = structureOf(doc, template);
  const defs = new Map(template.tables.map((t) => [t.id, t]));
  return (c) => {
    const def = defs.get(c.table);
    return !!def && tableShape(def).amountColSet.has(c.col) && model.position(c.table, c.row) >= 0 && !isComputedCell(doc, template, c);
  };
}

/** The finding a group shows first: the one at its cause cell, else one naming it, else the first. */
function primaryOf(members: readonly Finding[], causeKey: string): Finding {
  return members.find((f) => keyOf(f.cells[0]!) === causeKey) ?? members.find((f) => f.cells.some((c) => keyOf(c) === causeKey)) ?? members[0]!;
}

/** A finding the grouping considers: one about table cells (text findings always stand alone). */
export const isTableFinding = (f: Finding): boolean => f.scope !== '文字' && f.cells.length > 0;

const standAlone = (f: Finding): FindingGroup => ({ cause: null, primary: f, members: [f] });

/**
 * Every finding in exactly one group, groups in the order of their first finding; the rest stand alone (`single`
 * makes their groups: the editor hands the same object back for the same finding, so unchanged lines stay equal).
 */
export function inFindingOrder(
  findings: readonly Finding[],
  groupOf: ReadonlyMap<Finding, FindingGroup>,
  single: (f: Finding) => FindingGroup = standAlone,
): FindingGroup[] {
  const out: FindingGroup[] = [];
  const emitted = new Set<FindingGroup>();
  for (const f of findings) {
    const g = groupOf.get(f);
    if (g) {
      if (!emitted.has(g)) {
        emitted.add(g);
        out.push(g);
      }
    } else out.push(single(f));
  }
  return out;
}

/**
 * The grouping as plainly stated (quadratic): the definition the editor's linear `groupByCauseIndexed` is checked
 * against by property tests. The app and the CLI call the indexed one.
 */
export function groupByCause(
  findings: readonly Finding[],
  doc: BudgetDocument,
  template: TemplateSet,
  options: { lastEdited?: CellRef } = {},
): FindingGroup[] {
  const model = structureOf(doc, template);
  const defs = new Map(template.tables.map((t) => [t.id, t]));
  const isInput = inputCellTest(doc, template);

  /** The cell and every cell computed from it, as keys. */
  const closure = (c: CellRef): Set<string> => {
    const def = defs.get(c.table)!;
    const t = model.table(c.table)!;
    const shape = tableShape(def);
    const cols = [c.col];
    for (let grew = true; grew; ) {
      grew = false;
      for (const f of shape.formulas) {
        if (!cols.includes(f.col) && f.terms.some((term) => cols.includes(term.ref))) {
          cols.push(f.col);
          grew = true;
        }
      }
    }
    const rows = new Set<number>();
    const stack = [t.positionOf(c.row)];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (rows.has(i)) continue;
      rows.add(i);
      for (const d of t.dependents(i)) stack.push(d);
    }
    const out = new Set<string>();
    const ids = doc.tables[c.table]!.rows;
    for (const i of rows) for (const col of cols) out.add(keyOf({ table: c.table, row: ids[i]!.id, col }));
    return out;
  };

  /**
   * The input cells a named cell stands for: itself when it is an input; for a formula column of a row that is
   * not computed (合计 = 基本支出 + 项目支出 of a 项), the input columns it adds up. Computed rows are not expanded: a
   * wrong leaf is always also compared at its own row by some table, or is the last edit.
   */
  const inputsOf = (c: CellRef): CellRef[] => {
    if (isInput(c)) return [c];
    const def = defs.get(c.table);
    const t = model.table(c.table);
    if (!def || !t) return [];
    const i = t.positionOf(c.row);
    if (i < 0 || t.computed[i] !== 0) return [];
    const shape = tableShape(def);
    const formula = shape.formulas.find((f) => f.col === c.col);
    return formula ? formula.terms.flatMap((term) => inputsOf({ ...c, col: term.ref })) : [];
  };

  const tableFindings = findings.filter(isTableFinding);
  const candidates = new Map<string, { cell: CellRef; explains: Set<Finding> }>();
  const consider = (cell: CellRef): void => {
    const key = keyOf(cell);
    if (candidates.has(key) || !isInput(cell)) return;
    const reach = closure(cell);
    const explains = new Set(tableFindings.filter((g) => g.cells.some((gc) => reach.has(keyOf(gc)))));
    candidates.set(key, { cell, explains });
  };
  for (const f of tableFindings) for (const cell of f.cells) for (const input of inputsOf(cell)) consider(input);
  if (options.lastEdited) consider(options.lastEdited);

  const assigned = new Map<Finding, FindingGroup>();
  const groups: FindingGroup[] = [];
  const last = options.lastEdited ? keyOf(options.lastEdited) : undefined;
  for (;;) {
    let best: { cell: CellRef; explains: Finding[] }[] = [];
    let bestCount = 0;
    for (const [, cand] of candidates) {
      const open = [...cand.explains].filter((f) => !assigned.has(f));
      if (open.length > bestCount) {
        bestCount = open.length;
        best = [{ cell: cand.cell, explains: open }];
      } else if (open.length === bestCount && open.length > 0) best.push({ cell: cand.cell, explains: open });
    }
    if (bestCount === 0) break;
    const chosen = best.length === 1 ? best[0] : best.find((b) => keyOf(b.cell) === last);
    // A tie nobody breaks, or a single finding: no cause is named for these.
    if (!chosen || bestCount < 2 && keyOf(chosen.cell) !== last) break;
    const members = findings.filter((f) => chosen.explains.includes(f));
    const causeKey = keyOf(chosen.cell);
    const primary = primaryOf(members, causeKey);
    const group: FindingGroup = { cause: chosen.cell, primary, members };
    for (const f of members) assigned.set(f, group);
    groups.push(group);
  }

  return inFindingOrder(findings, assigned);
}

/**
 * The same groups as `groupByCause`, in time linear in the findings and the cells they name, for the editor: a
 * 10,000-row document with thousands of findings is regrouped after every edit. Each finding is indexed by the
 * cells it names, so a candidate's explained findings are read from the cells its value reaches instead of by
 * scanning every finding; the most-explaining candidate is taken from a max-heap whose counts are upper bounds,
 * re-counted when they surface.
 */
export function groupByCauseIndexed(
  findings: readonly Finding[],
  doc: BudgetDocument,
  template: TemplateSet,
  options: { lastEdited?: CellRef } = {},
): FindingGroup[] {
  return inFindingOrder(findings, causeGroupsIndexed(findings.filter(isTableFinding), doc, template, options));
}

/**
 * The groups of `groupByCauseIndexed` as a map from each grouped finding to its group, given only the table
 * findings (`isTableFinding`, in the findings' order): the editor keeps the thousands of text findings out of it.
 */
export function causeGroupsIndexed(
  tableFindings: readonly Finding[],
  doc: BudgetDocument,
  template: TemplateSet,
  options: { lastEdited?: CellRef } = {},
): Map<Finding, FindingGroup> {
  const model = structureOf(doc, template);
  const defs = new Map(template.tables.map((t) => [t.id, t]));
  const isInput = inputCellTest(doc, template);
  /** Per table and column: the columns computed from it (itself included), worked out once. */
  const colsCache = new Map<string, string[]>();
  const formulaCols = (table: string, col: string): string[] => {
    const key = `${table}\u0001${col}`;
    let cols = colsCache.get(key);
    if (cols) return cols;
    const shape = tableShape(defs.get(table)!);
    cols = [col];
    for (let grew = true; grew; ) {
      grew = false;
      for (const f of shape.formulas) {
        if (!cols.includes(f.col) && f.terms.some((term) => cols!.includes(term.ref))) {
          cols.push(f.col);
          grew = true;
        }
      }
    }
    colsCache.set(key, cols);
    return cols;
  };
  const inputsOf = (c: CellRef): CellRef[] => {
    if (isInput(c)) return [c];
    const def = defs.get(c.table);
    const t = model.table(c.table);
    if (!def || !t) return [];
    const i = t.positionOf(c.row);
    if (i < 0 || t.computed[i] !== 0) return [];
    const formula = tableShape(def).formulas.find((f) => f.col === c.col);
    return formula ? formula.terms.flatMap((term) => inputsOf({ ...c, col: term.ref })) : [];
  };

  const byCell = new Map<string, number[]>();
  tableFindings.forEach((f, n) => {
    for (const c of f.cells) {
      const key = keyOf(c);
      const list = byCell.get(key);
      if (!list) byCell.set(key, [n]);
      else if (list[list.length - 1] !== n) list.push(n);
    }
  });

  interface Candidate { cell: CellRef; key: string; explains: number[]; bound: number; seq: number }
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const consider = (cell: CellRef): void => {
    const key = keyOf(cell);
    if (seen.has(key)) return;
    seen.add(key);
    if (!isInput(cell)) return;
    const t = model.table(cell.table)!;
    const ids = doc.tables[cell.table]!.rows;
    const cols = formulaCols(cell.table, cell.col);
    const explains = new Set<number>();
    const rows = new Set<number>();
    const stack = [t.positionOf(cell.row)];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (rows.has(i)) continue;
      rows.add(i);
      for (const col of cols) for (const n of byCell.get(keyOf({ table: cell.table, row: ids[i]!.id, col })) ?? []) explains.add(n);
      for (const d of t.dependents(i)) stack.push(d);
    }
    const list = [...explains].sort((a, b) => a - b);
    candidates.push({ cell, key, explains: list, bound: list.length, seq: candidates.length });
  };
  for (const f of tableFindings) for (const cell of f.cells) for (const input of inputsOf(cell)) consider(input);
  if (options.lastEdited) consider(options.lastEdited);

  // Max-heap on `bound` (ties by first seen, as a stable order): a bound only ever falls as findings are assigned.
  const above = (a: Candidate, b: Candidate) => a.bound > b.bound || (a.bound === b.bound && a.seq < b.seq);
  const heap: Candidate[] = [];
  const push = (c: Candidate) => {
    heap.push(c);
    for (let i = heap.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!above(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const pop = (): Candidate | undefined => {
    const top = heap[0];
    const end = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = end;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && above(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && above(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  };
  for (const c of candidates) push(c);

  const assigned = new Map<number, FindingGroup>();
  const open = (c: Candidate): number => {
    let n = 0;
    for (const f of c.explains) if (!assigned.has(f)) n += 1;
    return (c.bound = n);
  };
  const last = options.lastEdited ? keyOf(options.lastEdited) : undefined;
  for (;;) {
    // The best open count: surface candidates until one's bound is exact.
    let best = 0;
    while (heap.length > 0) {
      const top = pop()!;
      const stored = top.bound;
      if (open(top) === stored) {
        best = stored;
        push(top);
        break;
      }
      push(top);
    }
    if (best === 0) break;
    // Every candidate with that many open findings (their bounds are at least as high).
    const ties: Candidate[] = [];
    const lower: Candidate[] = [];
    while (heap.length > 0 && heap[0]!.bound >= best) {
      const c = pop()!;
      if (open(c) === best) ties.push(c);
      else lower.push(c);
    }
    for (const c of lower) push(c);
    ties.sort((a, b) => a.seq - b.seq);
    const chosen = ties.length === 1 ? ties[0] : ties.find((c) => c.key === last);
    if (!chosen || best < 2 && chosen.key !== last) break;
    for (const c of ties) if (c !== chosen) push(c);
    const memberIdx = chosen.explains.filter((n) => !assigned.has(n));
    const members = memberIdx.map((n) => tableFindings[n]!);
    const causeKey = chosen.key;
    const primary = primaryOf(members, causeKey);
    const group: FindingGroup = { cause: chosen.cell, primary, members };
    for (const n of memberIdx) assigned.set(n, group);
  }

  const groupOf = new Map<Finding, FindingGroup>();
  for (const [n, g] of assigned) groupOf.set(tableFindings[n]!, g);
  return groupOf;
}
