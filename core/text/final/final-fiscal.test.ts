import { describe, expect, it } from 'vitest';
import { getAmount } from '../../document/document';
import { createFinalSampleDocument, finalSampleSet } from '../../sample/final-sample';
import { allParagraphs, renderOutline } from '../generate';

/**
 * 四、财政拨款收入支出决算总体情况 of a 决算 reads 表4: this year's 财政拨款 by source and the 年初财政拨款结转和结余 as
 * one kind of its own (its three rows are 其中 of it), each figure traced to the cell it prints.
 */
describe('决算 财政拨款收入支出决算总体情况', () => {
  const set = finalSampleSet();

  it('names the 年初财政拨款结转和结余 as such, never as one more 一般公共预算财政拨款', () => {
    const doc = createFinalSampleDocument();
    const paras = allParagraphs(renderOutline(doc, set)).filter((p) => p.nodeId === 's4').map((p) => p.block);
    const income = paras.find((b) => b.id === 's4.income')!;
    expect(income.text).toBe('收入决算包括：一般公共预算财政拨款356.00万元，年初财政拨款结转和结余5.00万元。');
    // Each figure is its own cell of 表4.
    const spans = income.spans ?? [];
    expect(spans.map((s) => [s.text, s.cells])).toEqual([
      ['356.00万元', [{ table: 't4', row: 'gpb', col: 'inAmount' }]],
      ['5.00万元', [{ table: 't4', row: 'carryBegin', col: 'inAmount' }]],
    ]);
    for (const s of spans) expect(s.value).toBe(s.cells.reduce((a, c) => a + getAmount(doc, c), 0));
    // The total is this year's income and what was carried in.
    expect(paras[0]!.text).toBe('2024年度财政拨款收入支出决算总计361.00万元。');
  });

  it('a 决算 without carry-over states this year\'s income only, and its one source as the whole', () => {
    const doc = createFinalSampleDocument();
    const t4 = doc.tables.t4.rows;
    const cell = (row: string) => t4.find((r) => r.id === row)!.values;
    // 5.00 less carried in, 5.00 more received: the totals stay.
    delete cell('cbGpb').inAmount;
    delete cell('carryBegin').inAmount;
    cell('gpb').inAmount = (cell('gpb').inAmount ?? 0) + 500;
    cell('inCurrent').inAmount = (cell('inCurrent').inAmount ?? 0) + 500;
    const texts = allParagraphs(renderOutline(doc, set)).filter((p) => p.nodeId === 's4').map((p) => p.block.text);
    expect(texts).toContain('收入决算包括：一般公共预算财政拨款361.00万元。');
    expect(texts.join('')).not.toMatch(/结转和结余\d/);
  });
});
