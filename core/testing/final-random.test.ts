import { describe, expect, it } from 'vitest';
import { createRuleEngine } from '../rules/engine';
import { printedRows } from '../layout/printed-layout';
import { FINAL_SET_ID, finalSet, randomFinalDocument } from './final-random';
import { filledInputCells } from './random';

/**
 * Properties of random consistent documents of the 部门决算 set: no rule finds anything, and every printed line of
 * every table shows each stored row exactly once with its own figures (表6's two lists included).
 */
describe(`random ${FINAL_SET_ID} documents`, () => {
  const set = finalSet();

  it('give no finding', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const doc = randomFinalDocument(seed);
      const findings = createRuleEngine(set, doc).findings();
      expect(findings.map((f) => `${seed} ${f.rule} ${f.message}`)).toEqual([]);
    }
  });

  it('have figures in many cells, from seed to seed', () => {
    const counts = [1, 2, 3, 4, 5].map((seed) => filledInputCells(randomFinalDocument(seed), set).length);
    expect(Math.min(...counts)).toBeGreaterThan(5);
    expect(new Set(counts).size).toBeGreaterThan(1);
  });

  it('print every stored row once, on its side, with its figures', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const doc = randomFinalDocument(seed);
      for (const table of set.tables) {
        const rows = doc.tables[table.id].rows;
        const printed = printedRows(doc, table);
        const seen: string[] = [];
        for (const line of printed) {
          line.cells.forEach((cell, k) => {
            if (cell.kind !== 'amount') return;
            const row = rows.find((x) => x.id === cell.rowId)!;
            expect(cell.value, `${seed} ${table.no} ${cell.rowId} ${cell.colId}`).toBe(row.values[cell.colId] ?? 0);
            expect(cell.colId).toBe(table.columns[k].id);
          });
          for (const id of line.rowIds) if (id !== null && !(line.isTotal && seen.includes(id))) seen.push(id);
        }
        expect([...seen].sort(), `${seed} ${table.no}`).toEqual(rows.map((x) => x.id).sort());
      }
    }
  });
});
