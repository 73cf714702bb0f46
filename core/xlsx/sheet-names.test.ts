import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnLetter, sheetNameFor, textWidth } from './sheet-names';

describe('sheet names, column letters and text widths', () => {
  it('names a sheet validly and uniquely within 31 characters', () => {
    const used = new Set<string>();
    expect(sheetNameFor('表1', '部门收支总体情况表', used)).toBe('表1 部门收支总体情况表');
    expect(sheetNameFor('表1', '部门收支总体情况表', used)).toBe('表1 部门收支总体情况表_2');
    expect(sheetNameFor('表2', 'a/b:c*d?[e]', used)).toBe('表2 a_b_c_d__e_');
    expect(sheetNameFor('表3', '很'.repeat(40), used)).toHaveLength(31);
  });

  it('letters columns as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('counts a character from U+1100 up (CJK, full-width, any surrogate pair) as 2 and the rest as 1', () => {
    expect(textWidth('208 社会保障')).toBe(12);
    expect(textWidth('（一）😀')).toBe(8);
    const reference = (text: string) => [...text].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => textWidth(s) === reference(s)));
    const nearSurrogates = fc.integer({ min: 0xd7f0, max: 0xe010 }).map((n) => String.fromCharCode(n));
    fc.assert(fc.property(fc.string({ unit: nearSurrogates }), (s) => textWidth(s) === reference(s)));
  });
});
