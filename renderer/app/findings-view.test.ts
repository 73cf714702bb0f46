import { describe, expect, it } from 'vitest';
import { checkDocumentText } from '../../core/checks/check-text';
import { setCell } from '../../core/commands';
import { groupByCauseIndexed } from '../../core/rules/causes';
import { createRuleEngine } from '../../core/rules/engine';
import type { Finding } from '../../core/rules/finding';
import { countBySeverity } from '../../core/rules/finding-order';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { mergeFindings } from '../../core/worker/session-sync';
import { findingsView } from './findings-view';
import { countGroups, outlineItems } from './outline-model';
import { groupErrorSummary } from './use-findings-view';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;

/** The sample with typos in 表5 and 表2 (rules' findings) and its text checks' findings. */
function wrongSample() {
  const doc = createSampleDocument();
  const edits = [['t5', '2101101', 'basic', 9999], ['t2', '2101101', 'gpb', 123]] as const;
  let last;
  for (const [table, code, col, delta] of edits) {
    const row = doc.tables[table]!.rows.find((r) => r.code === code)!;
    last = { table, row: row.id, col };
    setCell(last, (row.values[col] ?? 0) + delta).apply(doc, { template });
  }
  return { doc, last: last!, rules: createRuleEngine(template, doc).findings(), text: checkDocumentText(doc, template) };
}

describe('findingsView', () => {
  it('groups, counts and sums what the one-list definitions give for the merged findings', () => {
    const { doc, last, rules, text } = wrongSample();
    expect(rules.some((f) => f.severity === 'error')).toBe(true);
    expect(text.length).toBeGreaterThan(0);
    const findings = mergeFindings(rules, text);
    const items = outlineItems(template, doc.meta);
    const view = findingsView({ doc, template }, items, { rules, text }, findings, last);
    const groups = groupByCauseIndexed(findings, doc, template, { lastEdited: last });
    const shape = (gs: readonly (typeof groups)[number][]) => gs.map((g) => [g.cause, g.primary.id, g.members.map((f) => f.id)]);
    expect(shape(view.groups)).toEqual(shape(groups));
    expect(view.groups.some((g) => g.members.length > 1)).toBe(true);
    expect(view.outline).toEqual(countGroups(items, groups));
    const summary = groupErrorSummary(groups);
    expect({ problems: view.problems, groupedErrors: view.groupedErrors }).toEqual({ problems: summary.problems, groupedErrors: summary.errors });
    expect({ errors: view.errors, warnings: view.warnings }).toEqual(countBySeverity(findings));
  });

  it('a text finding about table cells may join a group; lone findings keep their group object across views', () => {
    const { doc, last, rules, text } = wrongSample();
    // The consolidation checks are text checks that name table cells: grouping must see them too.
    const cellFinding: Finding = { ...rules.find((f) => f.cells.some((c) => c.table === last.table))!, id: 'text:copy', scope: '表间' };
    const textWithCells = [cellFinding, ...text];
    const findings = mergeFindings(rules, textWithCells);
    const items = outlineItems(template, doc.meta);
    const a = findingsView({ doc, template }, items, { rules, text: textWithCells }, findings, last);
    const groups = groupByCauseIndexed(findings, doc, template, { lastEdited: last });
    expect(a.groups.map((g) => g.members.length)).toEqual(groups.map((g) => g.members.length));
    const b = findingsView({ doc, template }, items, { rules, text: textWithCells }, findings, last);
    const lone = (v: typeof a) => v.groups.filter((g) => g.cause === null);
    expect(lone(b)).toEqual(lone(a));
    lone(b).forEach((g, i) => expect(g).toBe(lone(a)[i]));
  });

  it('without a document every finding stands alone, and the counts still add up', () => {
    const { doc, rules, text } = wrongSample();
    const findings = mergeFindings(rules, text);
    const items = outlineItems(template, doc.meta);
    const view = findingsView(null, items, { rules, text }, findings);
    expect(view.groups).toHaveLength(findings.length);
    expect(view.outline).toEqual(countGroups(items, view.groups));
    expect(view.groupedErrors).toBe(countBySeverity(findings).errors);
  });
});
