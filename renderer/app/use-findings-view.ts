import { useMemo, useRef } from 'react';
import type { ChangeSet } from '../../core/commands/command';
import type { CellRef } from '../../core/document/document';
import type { FindingGroup } from '../../core/rules/causes';
import type { Finding } from '../../core/rules/finding';
import { findingsView, type FindingsView } from './findings-view';
import type { OutlineItem } from './outline-model';
import type { SessionPort } from './session-port';
import type { FindingParts } from './use-document';

export { GROUPING_LIMIT } from './findings-view';

/** Each finding on its own (a view without a document). */
export function singleGroups(findings: readonly Finding[]): FindingGroup[] {
  return findings.map((f) => ({ cause: null, primary: f, members: [f] }));
}

/**
 * The findings as the outline, the panel and the status bar show them (findings-view.ts), on the page's thread;
 * the checks themselves run in the worker. The last cell the officer edited breaks ties between causes.
 */
export function useFindingsView(
  session: SessionPort | null,
  items: readonly OutlineItem[],
  parts: FindingParts,
  findings: readonly Finding[],
  lastChanges: ChangeSet | null,
): FindingsView {
  const lastEdited = useRef<{ session: SessionPort | null; cell?: CellRef }>({ session: null });
  // The first cell a command reports is the one it wrote; the rest are subtotals it recomputed. A cell of the
  // document opened before is no tie-breaker for this one.
  if (lastEdited.current.session !== session) lastEdited.current = { session };
  if (lastChanges?.cells[0]) lastEdited.current.cell = lastChanges.cells[0];
  return useMemo(() => findingsView(session, items, parts, findings, lastEdited.current.cell), [session, items, parts, findings]);
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
