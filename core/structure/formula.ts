/**
 * The one parser of the formulas a template may attach to a column ("basic + project") or to a fixed row
 * ("gpb + fund + soe", "inCurrent - transfer"): a signed sum of ids, nothing else. Every reader of template formulas
 * (recomputation, the editor, 舍位平衡, set validation) goes through it, so they cannot disagree on what a formula
 * means. Anything else is refused (null) so that a bureau's unusual formula leaves the cell as input instead of
 * crashing the editor; set validation reports it in Chinese.
 */
export interface SumTerm {
  ref: string;
  sign: 1 | -1;
}

const ID = /[A-Za-z][A-Za-z0-9_]*/y;
const SPACE = /\s*/y;

/** `id (('+' | '-') id)*` with free spacing; null for anything else (empty, leading sign, doubled operator …). */
export function parseSignedSum(text: string): SumTerm[] | null {
  const terms: SumTerm[] = [];
  let pos = skipSpace(text, 0);
  let sign: 1 | -1 = 1;
  for (;;) {
    ID.lastIndex = pos;
    const m = ID.exec(text);
    if (!m) return null;
    terms.push({ ref: m[0], sign });
    pos = skipSpace(text, ID.lastIndex);
    if (pos === text.length) return terms;
    const op = text[pos];
    if (op !== '+' && op !== '-') return null;
    sign = op === '+' ? 1 : -1;
    pos = skipSpace(text, pos + 1);
  }
}

/** The ids a formula reads, in order (an unparseable formula reads none: validation reports its shape). */
export function formulaRefs(text: string): string[] {
  return parseSignedSum(text)?.map((t) => t.ref) ?? [];
}

function skipSpace(text: string, pos: number): number {
  SPACE.lastIndex = pos;
  SPACE.exec(text);
  return SPACE.lastIndex;
}
