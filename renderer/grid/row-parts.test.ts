import { describe, expect, it } from 'vitest';
import { FIRST_ROWS, firstPart, laterParts, ROWS_PER_TASK } from './row-parts';

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('row parts', () => {
  it('a long table comes as its first rows, then chunks in order that add up to every row, then done', async () => {
    const all = rows(FIRST_ROWS + 2 * ROWS_PER_TASK + 7);
    const got = [...firstPart(all)];
    expect(got).toHaveLength(FIRST_ROWS);
    let done = false;
    laterParts(all, (chunk) => (got.push(...chunk), true), () => (done = true));
    expect(got).toHaveLength(FIRST_ROWS); // nothing more in the same task
    await settle();
    expect(got).toEqual(all);
    expect(done).toBe(true);
  });

  it('a short table comes whole at once; a stop or a cancel ends the rest', async () => {
    const short = rows(2 * FIRST_ROWS);
    expect(firstPart(short)).toBe(short);
    let calls = 0;
    laterParts(short, () => (calls += 1, true));
    const long = rows(FIRST_ROWS + 3 * ROWS_PER_TASK);
    laterParts(long, () => (calls += 1, false));
    const cancel = laterParts(long, () => (calls += 100, true));
    cancel();
    await settle();
    expect(calls).toBe(1);
  });
});
