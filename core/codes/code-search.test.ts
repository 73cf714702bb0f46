import { describe, expect, it } from 'vitest';
import { CodeBook, pathLabel, searchCodes } from './index';

/** A small official-looking list for 2025: 教育 with 学前/小学, and 卫生健康's 行政单位医疗. */
function book(): CodeBook {
  const b = new CodeBook();
  for (const [code, name] of [
    ['205', '教育支出'], ['20502', '普通教育'], ['2050201', '学前教育'], ['2050202', '小学教育'],
    ['210', '卫生健康支出'], ['21011', '行政事业单位医疗'], ['2101101', '行政单位医疗'], ['2101102', '事业单位医疗'],
  ] as const) b.learn('functional', code, name, 2025);
  return b;
}

describe('searchCodes (插入科目行)', () => {
  it('a code prefix finds every deeper code, with its 类/款 path', () => {
    const r = searchCodes(book(), 'functional', '2050', { year: 2025 });
    expect(r.hits.map((h) => h.code)).toEqual(['20502', '2050201', '2050202']);
    expect(pathLabel(r.hits[1]!)).toBe('205 教育支出 › 20502 普通教育');
    expect(r.hits[1]!.level).toBe(2);
    expect(r.exact).toBeUndefined();
  });

  it('an exact code is first and reported as exact (Enter inserts it)', () => {
    const r = searchCodes(book(), 'functional', '2050201', { year: 2025 });
    expect(r.exact?.code).toBe('2050201');
    expect(searchCodes(book(), 'functional', '205', { year: 2025 }).hits[0]!.code).toBe('205');
  });

  it('finds by name, and by several words across the path', () => {
    expect(searchCodes(book(), 'functional', '学前教育', { year: 2025 }).hits.map((h) => h.code)).toEqual(['2050201']);
    expect(searchCodes(book(), 'functional', '医疗 行政', { year: 2025 }).hits.map((h) => h.code)).toEqual(['21011', '2101101', '2101102']);
    // The code whose own name is the query comes before the ones found through their parent.
    expect(searchCodes(book(), 'functional', '教育', { year: 2025 }).hits[0]!.code).toBe('205');
  });

  it('offers only the levels allowed here and not the codes already in the table', () => {
    const r = searchCodes(book(), 'functional', '', { year: 2025, allowed: [7], exclude: new Set(['2101101']) });
    expect(r.hits.map((h) => h.code)).toEqual(['2050201', '2050202', '2101102']);
  });

  it('the built-in list is searched the same way', () => {
    const r = searchCodes(CodeBook.builtin(), 'functional', '21011', { year: 2024 });
    expect(r.hits.map((h) => h.code)).toContain('2101101');
    expect(r.hits.every((h) => h.code.startsWith('21011'))).toBe(true);
  });

  it('a limit keeps the list short and says more were found', () => {
    const r = searchCodes(book(), 'functional', '', { limit: 3 });
    expect(r.hits).toHaveLength(3);
    expect(r.truncated).toBe(true);
  });
});
