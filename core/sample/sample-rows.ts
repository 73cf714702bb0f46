import { amount, type Amount } from '../amount/amount';
import type { RowData } from '../document/document';

/** Printed amounts ("824.50") as stored values, zeros left out (the canonical form). */
export function nonZero(values: Record<string, string>): Record<string, Amount> {
  const out: Record<string, Amount> = {};
  for (const [k, v] of Object.entries(values)) {
    const a = amount(v);
    if (a !== 0) out[k] = a;
  }
  return out;
}

/** Adds the 类/款 rows above the leaves (values derived later), keeping code order = printed order. */
export function withAncestors(leaves: readonly RowData[], prefixLengths: readonly number[], nameOf: (code: string) => string): RowData[] {
  const byCode = new Map<string, RowData>();
  for (const leaf of leaves) {
    for (const n of prefixLengths) {
      const code = leaf.id.slice(0, n);
      if (!byCode.has(code)) byCode.set(code, { id: code, code, name: nameOf(code), values: {} });
    }
    byCode.set(leaf.id, leaf);
  }
  return [...byCode.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
