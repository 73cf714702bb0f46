import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../../core/document/document';
import { createFinalSampleDocument, finalSampleSet } from '../../core/sample/final-sample';
import { randomFinalDocument } from '../../core/testing/final-random';
import { cellView } from './columns';
import type { GridContext } from './grid-context';
import { buildGridRows, cellRefOf, indexRows } from './grid-rows';

/**
 * A coded table printed as two lists side by side (决算 表6: 人员经费 | 公用经费) is edited through the printed lines:
 * every cell must stand for the row printed beside it, or a figure typed on the right would land in a left-hand row.
 */
describe('coded lists side by side in the grid', () => {
  const set = finalSampleSet();
  const table = set.tables.find((t) => t.rows.kind === 'coded' && t.rows.sides !== undefined)!;
  const sides = table.rows.kind === 'coded' ? table.rows.sides! : [];
  const documents: [string, BudgetDocument][] = [
    ['sample', createFinalSampleDocument()],
    ...[1, 2, 3, 4, 5, 6].map((seed): [string, BudgetDocument] => [`random ${seed}`, randomFinalDocument(seed)]),
  ];

  it.each(documents)('each column names the row of its own side, and shows that row’s figure (%s)', (name, doc) => {
    const ctx: GridContext = {
      template: set, table, doc, rowsById: indexRows(doc, table.id), findingsByCell: new Map(), selected: new Set(), flashKey: null, viewCache: new Map(),
    };
    let checked = 0;
    for (const line of buildGridRows(table, doc)) {
      sides.forEach((side, s) => {
        for (const colId of side.columns) {
          const col = table.columns.find((c) => c.id === colId)!;
          const ref = cellRefOf(table, line, col);
          expect(ref?.row ?? null).toBe(line.rowIds[s]);
          const row = ref ? ctx.rowsById.get(ref.row) : undefined;
          if (!row || col.kind !== 'amount' || row.values[col.id] === undefined) continue;
          const code = row.code ?? '';
          if (code) expect(side.classes.some((c) => code.startsWith(c))).toBe(true);
          expect(cellView(ctx, line, col).text).not.toBe('');
          checked += 1;
        }
      });
    }
    expect(checked).toBeGreaterThan(name === 'sample' ? 4 : 0);
  });
});
