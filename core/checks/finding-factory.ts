import type { CellRef } from '../document/document';
import type { Finding } from '../rules/finding';
import type { Severity } from '../template/template.schema';

/** Text and completeness findings: scope 文字, id = rule id + binding so a finding keeps its id while unresolved. */
export function textFinding(
  rule: string,
  ruleName: string,
  severity: Severity,
  binding: string,
  message: string,
  where: { input?: string; cells?: CellRef[] } = {},
): Finding {
  const f: Finding = { id: `${rule}:${binding}`, rule, ruleName, severity, scope: '文字', message, cells: where.cells ?? [] };
  if (where.input) f.input = where.input;
  return f;
}
