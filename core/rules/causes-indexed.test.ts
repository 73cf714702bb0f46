import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setCell } from '../commands';
import { filledInputCells } from '../testing/random';
import { getBuiltinTemplateSet } from '../template/registry';
import { BUILTIN_SETS, randomDocument } from '../text/random-doc.testutil';
import { groupByCause, groupByCauseIndexed } from './causes';
import { createRuleEngine } from './engine';

describe('indexed cause grouping', () => {
  for (const setId of BUILTIN_SETS) {
    it(`${setId}: gives the same groups as the plain grouping, with and without the last edit`, { timeout: 180_000 }, () => {
      const template = getBuiltinTemplateSet(setId)!;
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 99_999 }), (seed, a, b, delta) => {
          const doc = randomDocument(setId, seed);
          const cells = filledInputCells(doc, template);
          if (cells.length === 0) return;
          // Two wrong cells: groups compete, and the last edit breaks ties.
          const edited = [cells[a % cells.length]!, cells[b % cells.length]!];
          for (const cell of edited) {
            const old = doc.tables[cell.table]!.rows.find((r) => r.id === cell.row)!.values[cell.col] ?? 0;
            setCell(cell, old + delta).apply(doc, { template });
          }
          const findings = createRuleEngine(template, doc).findings();
          for (const options of [{}, { lastEdited: edited[1] }]) {
            const plain = groupByCause(findings, doc, template, options);
            const indexed = groupByCauseIndexed(findings, doc, template, options);
            expect(indexed.map((g) => [g.cause, g.primary.id, g.members.map((f) => f.id)])).toEqual(
              plain.map((g) => [g.cause, g.primary.id, g.members.map((f) => f.id)]),
            );
          }
        }),
        { numRuns: 20, seed: 20261205 },
      );
    });
  }
});
