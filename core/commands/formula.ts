/**
 * The formulas a template may attach to a column ("basic + project") or to a fixed row ("gpb + fund + soe") are
 * plain signed sums of ids. Parsed once per template table; anything else is refused (null) so that a bureau's
 * unusual formula leaves the cell as input instead of crashing the editor.
 */
export interface SumTerm {
  ref: string;
  sign: 1 | -1;
}

const TOKEN = /\s*([A-Za-z_][A-Za-z0-9_]*|[+-])/y;

export function parseSumFormula(text: string): SumTerm[] | null {
  const terms: SumTerm[] = [];
  TOKEN.lastIndex = 0;
  let sign: 1 | -1 = 1;
  let expectOperand = true;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) return null;
    pos = TOKEN.lastIndex;
    const tok = m[1];
    if (tok === '+' || tok === '-') {
      if (expectOperand && terms.length > 0) return null;
      if (tok === '-') sign = sign === 1 ? -1 : 1;
      expectOperand = true;
      continue;
    }
    if (!expectOperand) return null;
    terms.push({ ref: tok, sign });
    sign = 1;
    expectOperand = false;
  }
  if (terms.length === 0 || expectOperand) return null;
  return terms;
}
