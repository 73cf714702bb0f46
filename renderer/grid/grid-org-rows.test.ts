import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../../core/document/document';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { orgDocument2021 } from '../../core/testing/org-builders';
import { cellView } from './columns';
import type { GridContext } from './grid-context';
import { buildGridRows, indexRows } from './grid-rows';

const set2021 = getBuiltinTemplateSet('xj-unit-2021-9')!;

function context(doc: BudgetDocument, tableId: string): GridContext {
  const table = set2021.tables.find((t) => t.id === tableId)!;
  return { template: set2021, table, doc, rowsById: indexRows(doc, tableId), findingsByCell: new Map(), selected: new Set(), flashKey: null, viewCache: new Map() };
}

const col = (ctx: GridContext, id: string) => ctx.table.columns.find((c) => c.id === id)!;

describe('organisation rows in the grid', () => {
  it('come after 合计 in row order, flush, marked as organisation rows', () => {
    const rows = buildGridRows(set2021.tables.find((t) => t.id === 't3')!, orgDocument2021());
    expect(rows.slice(0, 4).map((r) => [r.key, r.level, r.isTotal, r.isOrg ?? false])).toEqual([
      ['total', 0, true, false],
      ['org1', 0, false, true],
      ['org2', 0, false, true],
      ['208', 0, false, false],
    ]);
  });

  it('show the name in the name column, empty code columns, and nothing can be typed into them', () => {
    const ctx = context(orgDocument2021(), 't3');
    const row = buildGridRows(ctx.table, ctx.doc)[2];
    expect(cellView(ctx, row, col(ctx, 'name'))).toMatchObject({ text: '【040001】乌尔禾区医保局', editable: false });
    for (const id of ['lei', 'kuan', 'xiang']) expect(cellView(ctx, row, col(ctx, id))).toMatchObject({ text: '', editable: false });
    expect(cellView(ctx, row, col(ctx, 'total'))).toMatchObject({ text: '50.64', editable: false, computed: true });
    expect(cellView(ctx, row, col(ctx, 'project'))).toMatchObject({ text: '1.49', editable: false, computed: true });
    // A code row beside them is still typed in.
    const leaf = buildGridRows(ctx.table, ctx.doc).find((r) => r.key === '2080505')!;
    expect(cellView(ctx, leaf, col(ctx, 'basic')).editable).toBe(true);
  });

  it('zero amounts follow the document setting, else the template default', () => {
    const zeroOf = (blankZero?: boolean) => {
      const ctx = context(orgDocument2021(blankZero), 't3');
      const leaf = buildGridRows(ctx.table, ctx.doc).find((r) => r.key === '2080505')!;
      return cellView(ctx, leaf, col(ctx, 'project')).text;
    };
    expect(zeroOf(true)).toBe('');
    expect(zeroOf(false)).toBe('0.00');
    expect(zeroOf()).toBe('0.00');
  });
});
