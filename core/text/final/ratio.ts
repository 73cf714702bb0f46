import { percentOf } from '../../amount/percent';
import type { TextContext } from '../context';
import { plain, type Fig, type Traced } from '../trace';

/**
 * A rate of one figure to another, printed with its trace (op `ratio`): 完成预算 % = 决算数 / 预算数, a share of
 * 政府采购 granted to small firms. Its divisor's sources travel with it, so the text check recomputes it. Empty when
 * the divisor is zero (a generator then says so in words instead).
 */
export function ratioTraced(ctx: TextContext, part: Fig, whole: Fig): Traced {
  const value = percentOf(part.value, whole.value);
  if (value === null) return plain('');
  const text = ctx.pct(value);
  return {
    text,
    spans: [{
      start: 0, text, value, kind: 'percent', op: 'ratio', cells: part.cells, priorKeys: [],
      ...(part.inputs?.length ? { inputs: part.inputs } : {}),
      of: { cells: whole.cells, ...(whole.inputs?.length ? { inputs: whole.inputs } : {}) },
    }],
    claims: [],
    verbatim: [],
  };
}
