import type { Amount } from './amount';

/**
 * Percentages are computed, never typed, in hundredths of a percent (basis points): 1933 = 19.33%.
 * Rounding is half up on exact integer arithmetic.
 */
export type Basis = number;

export function percentOf(part: Amount, whole: Amount): Basis | null {
  if (whole === 0) return null;
  return roundDiv(part * 10000, whole);
}

/**
 * Shares of one whole that print to exactly 100.00% (largest remainder), e.g. 96.97% + 3.03%.
 * Items with a zero whole get null.
 */
export function sharesLargestRemainder(parts: readonly Amount[]): (Basis | null)[] {
  const whole = parts.reduce((a, b) => a + b, 0);
  if (whole === 0) return parts.map(() => null);
  // Work in integers: floor of p*10000/whole and the remainder p*10000 mod whole.
  const floors = parts.map((p) => Math.floor((p * 10000) / whole));
  const remainders = parts.map((p, i) => p * 10000 - floors[i] * whole);
  let missing = 10000 - floors.reduce((a, b) => a + b, 0);
  const order = remainders.map((r, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  const result = [...floors];
  for (const i of order) {
    if (missing <= 0) break;
    result[i] += 1;
    missing -= 1;
  }
  return result;
}

export function formatPercent(b: Basis): string {
  const negative = b < 0;
  const abs = Math.abs(b);
  return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function roundDiv(numerator: number, denominator: number): number {
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  return sign * Math.floor((2 * n + d) / (2 * d));
}
