import type { CellRef } from '../document/document';
import type { Finding } from '../rules/finding';
import type { Severity } from '../template/template.schema';

/**
 * Findings of the checks outside the rule engine: scope 文字 unless given (a consolidated document's comparison with
 * its units is 表间), id = rule id + binding so a finding keeps its id while unresolved.
 */
export function textFinding(
  rule: string,
  ruleName: string,
  severity: Severity,
  binding: string,
  message: string,
  where: { input?: string; cells?: CellRef[]; scope?: Finding['scope'] } = {},
): Finding {
  const f: Finding = { id: `${rule}:${binding}`, rule, ruleName, severity, scope: where.scope ?? '文字', message, cells: where.cells ?? [] };
  if (where.input) f.input = where.input;
  return f;
}
