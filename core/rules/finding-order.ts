import type { Finding } from './finding';

/** Errors before warnings; otherwise the order each source gave (table order, then text order). Stable. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.severity === b.f.severity ? a.i - b.i : a.f.severity === 'error' ? -1 : 1))
    .map((x) => x.f);
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors += 1;
  return { errors, warnings: findings.length - errors };
}
