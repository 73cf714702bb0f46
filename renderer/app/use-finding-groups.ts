import { useMemo, useRef } from 'react';
import type { ChangeSet } from '../../core/commands/command';
import type { CellRef } from '../../core/document/document';
import { groupByCauseIndexed, type FindingGroup } from '../../core/rules/causes';
import type { Finding } from '../../core/rules/finding';
import type { SessionPort } from './session-port';

/**
 * Above this many table findings the list is shown ungrouped: grouping stays linear, but a document that wrong
 * (a table not filled in at all) would cost a long frame per edit for groups nobody reads one by one.
 */
export const GROUPING_LIMIT = 1000;

/** Each finding on its own (no document yet, or too many findings to group per edit). */
export function singleGroups(findings: readonly Finding[]): FindingGroup[] {
  return findings.map((f) => ({ cause: null, primary: f, members: [f] }));
}

/**
 * The findings grouped by the input cell that explains them, on the page's thread (linear in the findings and the
 * cells they name; the checks themselves run in the worker). The last cell the officer edited breaks ties.
 */
export function useFindingGroups(session: SessionPort | null, findings: readonly Finding[], lastChanges: ChangeSet | null): readonly FindingGroup[] {
  const lastEdited = useRef<CellRef | undefined>(undefined);
  // The first cell a command reports is the one it wrote; the rest are subtotals it recomputed.
  if (lastChanges?.cells[0]) lastEdited.current = lastChanges.cells[0];
  return useMemo(() => {
    if (!session) return singleGroups(findings);
    let table = 0;
    for (const f of findings) if (f.scope !== '文字' && f.cells.length > 0) table += 1;
    if (table > GROUPING_LIMIT) return singleGroups(findings);
    try {
      return groupByCauseIndexed(findings, session.doc, session.template, { lastEdited: lastEdited.current });
    } catch {
      // Findings a step behind the document (a row just deleted) name cells that are gone: show them ungrouped.
      return singleGroups(findings);
    }
  }, [session, findings]);
}

/** "3 处问题（11 个错误）": groups that hold an 错误, and the 错误 they hold. */
export function groupErrorSummary(groups: readonly FindingGroup[]): { problems: number; errors: number } {
  let problems = 0;
  let errors = 0;
  for (const g of groups) {
    let e = 0;
    for (const f of g.members) if (f.severity === 'error') e += 1;
    if (e > 0) problems += 1;
    errors += e;
  }
  return { problems, errors };
}
