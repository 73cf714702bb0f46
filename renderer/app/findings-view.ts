import { causeGroupsIndexed, inFindingOrder, isTableFinding, type FindingGroup } from '../../core/rules/causes';
import type { Finding } from '../../core/rules/finding';
import { mergeFindings } from '../../core/worker/session-sync';
import type { BudgetDocument, CellRef } from '../../core/document/document';
import type { TemplateSet } from '../../core/template/template.schema';
import { countFindings, type Counts, type OutlineItem } from './outline-model';

/**
 * Above this many table findings the list is shown ungrouped: grouping stays linear, but a document that wrong
 * (a table not filled in at all) would cost a long frame per edit for groups nobody reads one by one.
 */
export const GROUPING_LIMIT = 1000;

/** Everything the outline, the findings panel and the status bar show of the findings. */
export interface FindingsView {
  /** Every finding in exactly one group, in the findings' order (groups by cause, the rest alone). */
  groups: readonly FindingGroup[];
  /** Per outline item: its 错误 and 提示, a group counted once, at its cause's table (`countGroups`). */
  outline: Map<string, Counts>;
  /** Findings by severity. */
  errors: number;
  warnings: number;
  /** Groups that hold an 错误, and the 错误 they hold (`groupErrorSummary`). */
  problems: number;
  groupedErrors: number;
}

/** What one list of findings contributes, worked out once per list (the text checks' list outlives many edits). */
interface PartSummary {
  /** Findings about table cells: the only ones grouping may join. */
  table: Finding[];
  /** Every other finding's outline counts and 错误 (they always stand alone). */
  aloneCounts: Map<string, Counts>;
  aloneErrors: number;
  errors: number;
  warnings: number;
  /**
   * Every finding as a group of its own, 错误 then 提示 (the list's order): what the list shows when none of its
   * findings is grouped — always so for the text checks' list unless it names table cells.
   */
  lone: { errors: FindingGroup[]; warnings: FindingGroup[] };
}

const summaries = new WeakMap<readonly OutlineItem[], WeakMap<readonly Finding[], PartSummary>>();

function summaryOf(items: readonly OutlineItem[], list: readonly Finding[]): PartSummary {
  let byList = summaries.get(items);
  if (!byList) summaries.set(items, (byList = new WeakMap()));
  let s = byList.get(list);
  if (s) return s;
  const table: Finding[] = [];
  const alone: Finding[] = [];
  let errors = 0;
  let aloneErrors = 0;
  for (const f of list) {
    const error = f.severity === 'error';
    if (error) errors += 1;
    if (isTableFinding(f)) table.push(f);
    else {
      alone.push(f);
      if (error) aloneErrors += 1;
    }
  }
  const lones = { errors: [] as FindingGroup[], warnings: [] as FindingGroup[] };
  for (const f of list) (f.severity === 'error' ? lones.errors : lones.warnings).push(loneGroup(f));
  s = { table, aloneCounts: countFindings(items, alone), aloneErrors, errors, warnings: list.length - errors, lone: lones };
  byList.set(list, s);
  return s;
}

/** The same group object for the same lone finding, so an unchanged line of the panel stays the same. */
const lone = new WeakMap<Finding, FindingGroup>();
function loneGroup(f: Finding): FindingGroup {
  let g = lone.get(f);
  if (!g) lone.set(f, (g = { cause: null, primary: f, members: [f] }));
  return g;
}

/**
 * `inFindingOrder` over the merged list (the rules' 错误, the text checks' 错误, the rules' 提示, the text checks' 提示)
 * when no text finding is grouped: the text checks' groups are their list's lone groups, taken as a whole, so an edit
 * walks the rules' findings only.
 */
function inListOrder(rules: readonly Finding[], groupOf: ReadonlyMap<Finding, FindingGroup>, text: PartSummary['lone']): FindingGroup[] {
  const firstWarning = rules.findIndex((f) => f.severity !== 'error');
  const split = firstWarning < 0 ? rules.length : firstWarning;
  const emitted = new Set<FindingGroup>();
  const walk = (from: number, to: number): FindingGroup[] => {
    const out: FindingGroup[] = [];
    for (let i = from; i < to; i++) {
      const f = rules[i]!;
      const g = groupOf.get(f);
      if (!g) out.push(loneGroup(f));
      else if (!emitted.has(g)) {
        emitted.add(g);
        out.push(g);
      }
    }
    return out;
  };
  return walk(0, split).concat(text.errors, walk(split, rules.length), text.warnings);
}

function addCounts(into: Map<string, Counts>, from: ReadonlyMap<string, Counts>): void {
  for (const [id, c] of from) {
    const own = into.get(id);
    if (own) {
      own.errors += c.errors;
      own.warnings += c.warnings;
    } else into.set(id, { ...c });
  }
}

/**
 * The findings as the window shows them, from the rules' and the text checks' lists (`findings` is their merge).
 * Only the table findings are grouped (by the input cell that explains them; `lastEdited` breaks ties); the text
 * findings' share of the counts is taken from their list's summary, so an edit that leaves the text checks'
 * answer alone costs a pass over the groups, not a recount of thousands of 提示.
 */
export function findingsView(
  session: { doc: BudgetDocument; template: TemplateSet } | null,
  items: readonly OutlineItem[],
  parts: { rules: readonly Finding[]; text: readonly Finding[] },
  findings: readonly Finding[],
  lastEdited?: CellRef,
): FindingsView {
  const rules = summaryOf(items, parts.rules);
  const text = summaryOf(items, parts.text);
  const tableFindings = mergeFindings(rules.table, text.table);
  let groupOf = new Map<Finding, FindingGroup>();
  if (session && tableFindings.length > 0 && tableFindings.length <= GROUPING_LIMIT) {
    try {
      groupOf = causeGroupsIndexed(tableFindings, session.doc, session.template, { lastEdited });
    } catch {
      // Findings a step behind the document (a row just deleted) name cells that are gone: show them ungrouped.
    }
  }
  const groups = text.table.length === 0 ? inListOrder(parts.rules, groupOf, text.lone) : inFindingOrder(findings, groupOf, loneGroup);

  const outline = new Map<string, Counts>();
  addCounts(outline, rules.aloneCounts);
  addCounts(outline, text.aloneCounts);
  const byTable = new Map<string, string>();
  for (const i of items) if (i.tableId) byTable.set(i.tableId, i.id);
  const singles: Finding[] = [];
  let problems = rules.aloneErrors + text.aloneErrors;
  let groupedErrors = problems;
  const counted = new Set<FindingGroup>();
  for (const f of tableFindings) {
    const g = groupOf.get(f);
    if (!g) {
      singles.push(f);
      if (f.severity === 'error') {
        problems += 1;
        groupedErrors += 1;
      }
      continue;
    }
    if (counted.has(g)) continue;
    counted.add(g);
    let e = 0;
    for (const m of g.members) if (m.severity === 'error') e += 1;
    if (e > 0) problems += 1;
    groupedErrors += e;
    const id = g.cause ? byTable.get(g.cause.table) : undefined;
    if (!g.cause || g.members.length < 2 || !id) {
      singles.push(...g.members);
      continue;
    }
    let c = outline.get(id);
    if (!c) outline.set(id, (c = { errors: 0, warnings: 0 }));
    if (e > 0) c.errors += 1;
    else c.warnings += 1;
  }
  addCounts(outline, countFindings(items, singles));
  return {
    groups,
    outline,
    errors: rules.errors + text.errors,
    warnings: rules.warnings + text.warnings,
    problems,
    groupedErrors,
  };
}
