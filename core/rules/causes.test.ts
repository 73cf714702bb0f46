import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setCell } from '../commands';
import type { CellRef } from '../document/document';
import { filledInputCells } from '../testing/random';
import { getBuiltinTemplateSet } from '../template/registry';
import { BUILTIN_SETS, randomDocument } from '../text/random-doc.testutil';
import { groupByCause } from './causes';
import { createRuleEngine } from './engine';

const inputCells = (setId: (typeof BUILTIN_SETS)[number], seed: number): CellRef[] =>
  filledInputCells(randomDocument(setId, seed), getBuiltinTemplateSet(setId)!);

describe('cause, not echo', () => {
  for (const setId of BUILTIN_SETS) {
    it(`${setId}: one changed input cell gives one group whose cause is that cell`, { timeout: 180_000 }, () => {
      const template = getBuiltinTemplateSet(setId)!;
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), fc.integer({ min: 1, max: 99_999 }), (seed, pick, delta) => {
          const cells = inputCells(setId, seed);
          if (cells.length === 0) return;
          const cell = cells[pick % cells.length]!;
          const doc = randomDocument(setId, seed);
          const before = new Set(createRuleEngine(template, doc).findings().map((f) => f.id));
          const old = doc.tables[cell.table]!.rows.find((r) => r.id === cell.row)!.values[cell.col] ?? 0;
          // As the editor does: the cell and its own table's subtotals change, nothing else.
          setCell(cell, old + delta).apply(doc, { template });
          const findings = createRuleEngine(template, doc).findings().filter((f) => !before.has(f.id));
          if (findings.length === 0) return; // a cell no rule compares (nothing to explain)
          const groups = groupByCause(findings, doc, template, { lastEdited: cell });
          expect(groups).toHaveLength(1);
          expect(groups[0]!.cause).toEqual(cell);
          expect(groups[0]!.members).toHaveLength(findings.length);
        }),
        { numRuns: 25, seed: 20261205 },
      );
    });
  }

  it('without the last edit, a cell the other tables agree against is still named (the CLI case)', () => {
    const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
    const doc = randomDocument('xj-dept-2024-11', 7);
    const before = new Set(createRuleEngine(template, doc).findings().map((f) => f.id));
    const row = doc.tables.t5!.rows.find((r) => r.code?.length === 7 && r.values.basic)!;
    const cell = { table: 't5', row: row.id, col: 'basic' };
    setCell(cell, row.values.basic! + 1234).apply(doc, { template });
    const findings = createRuleEngine(template, doc).findings().filter((f) => !before.has(f.id));
    expect(findings.length).toBeGreaterThan(2);
    const groups = groupByCause(findings, doc, template);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.cause).toEqual(cell);
  });
});
