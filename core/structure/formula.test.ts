import { describe, expect, it } from 'vitest';
import { formulaRefs, parseSignedSum } from './formula';

describe('parseSignedSum', () => {
  it('reads sums and differences with any spacing', () => {
    expect(parseSignedSum('basic + project')).toEqual([
      { ref: 'basic', sign: 1 },
      { ref: 'project', sign: 1 },
    ]);
    expect(parseSignedSum(' a-b +c_2 ')).toEqual([
      { ref: 'a', sign: 1 },
      { ref: 'b', sign: -1 },
      { ref: 'c_2', sign: 1 },
    ]);
    expect(parseSignedSum('total')).toEqual([{ ref: 'total', sign: 1 }]);
  });

  it('refuses anything that is not a signed sum of ids', () => {
    for (const bad of ['', '  ', '-a', 'a +', 'a + - b', 'a * b', 'a b', '1 + a', '_a + b', 'a + (b)', 'a ++ b']) {
      expect(parseSignedSum(bad), bad).toBeNull();
    }
  });

  it('lists the ids a formula reads, none for an unparseable one', () => {
    expect(formulaRefs('gpb + fund - soe')).toEqual(['gpb', 'fund', 'soe']);
    expect(formulaRefs('gpb * 2')).toEqual([]);
  });
});
