import { describe, expect, it } from 'vitest';
import { renderOutline } from './generate';
import { sentencesUsingCell } from './cell-uses';
import { sampleDoc, sampleSet } from './sample-doc.testutil';

describe('sentences that use a cell', () => {
  const nodes = renderOutline(sampleDoc(), sampleSet());

  it('a 项 of 表5 is stated in 具体使用情况 and nowhere it is not', () => {
    const uses = sentencesUsingCell(nodes, { table: 't5', row: sampleDoc().tables.t5!.rows.find((r) => r.code === '2101102')!.id, col: 'total' });
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.some((u) => u.text.includes('事业单位医疗') && u.figures.includes('10.1万元'))).toBe(true);
    for (const u of uses) expect(u.figures.length + (u.text.includes('未安排') || u.text.includes('持平') ? 1 : 0)).toBeGreaterThan(0);
  });

  it('a share reads the whole it is a share of: every income source of 表2 is read by the 一般公共预算 share', () => {
    expect(sentencesUsingCell(nodes, { table: 't2', row: 'total', col: 'total' }).map((u) => u.paragraphId)).toContain('s2.total');
    const uses = sentencesUsingCell(nodes, { table: 't2', row: 'total', col: 'fund' });
    expect(uses.some((u) => u.paragraphId === 's2.gpb' && u.figures.includes('96.97%') && !u.figures.includes('799.5万元'))).toBe(true);
    expect(sentencesUsingCell(nodes, { table: 't1', row: 'inTotal', col: 'inAmount' })[0]?.figures).toEqual(['824.5万元']);
  });

  it('a cell no sentence reads gives none', () => {
    expect(sentencesUsingCell(nodes, { table: 't5', row: 'no-such-row', col: 'total' })).toEqual([]);
  });
});
