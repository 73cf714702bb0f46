import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../core/amount/amount';
import { createDocument } from '../../core/document/create';
import { printedLayout } from '../../core/layout/printed-layout';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { headerLayout } from '../../core/template/header-layout';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { buildColumnDefs, cellView } from './columns';
import type { GridContext } from './grid-context';
import { buildGridRows, COLUMN_NUMBER_ROW, columnNumberRows, indexRows, type GridRow } from './grid-rows';

const set2024 = getBuiltinTemplateSet('xj-dept-2024-11')!;
const table = (id: string) => set2024.tables.find((t) => t.id === id)!;

type Def = ColDef<GridRow> | ColGroupDef<GridRow>;
/** The header as nested labels: groups as [label, children], leaves as their label. */
const shape = (defs: Def[]): unknown[] => defs.map((d) => ('children' in d ? [d.headerName, shape(d.children as Def[])] : d.headerName));

function context(doc = createSampleDocument(), tableId = 't3', template = set2024): GridContext {
  const t = template.tables.find((x) => x.id === tableId)!;
  return { template, table: t, doc, rowsById: indexRows(doc, tableId), findingsByCell: new Map(), selected: new Set(), flashKey: null, viewCache: new Map() };
}

/** The groups of the column tree as (header row, first column, span, label), the way core's headerLayout lists them. */
function groupCells(defs: Def[], depth = 0, start = { col: 0 }): { row: number; col: number; colSpan: number; label: string }[] {
  const out: { row: number; col: number; colSpan: number; label: string }[] = [];
  for (const d of defs) {
    if ('children' in d) {
      const first = start.col;
      const inner = groupCells(d.children as Def[], depth + 1, start);
      out.push({ row: depth, col: first, colSpan: start.col - first, label: d.headerName ?? '' }, ...inner);
    } else start.col += 1;
  }
  return out;
}

describe('printed header groups', () => {
  it('merges 表3 headers as printed: 科目 › 功能分类科目编码 › 类/款/项, amounts under their group', () => {
    const labels = shape(buildColumnDefs(table('t3')));
    expect(labels[0]).toEqual(['科目', [['功能分类科目编码', ['类', '款', '项']]]]);
  });
  it('keeps one-level leaves beside a group (表2 总计 next to 财政拨款（补助）)', () => {
    const labels = shape(buildColumnDefs(table('t2')));
    expect(labels).toContain('总计');
    expect(labels.some((l) => Array.isArray(l) && l[0] === '财政拨款（补助）')).toBe(true);
  });
  it('merges exactly the header cells core merges for Excel and Word, in every built-in set', () => {
    for (const id of ['xj-dept-2024-11', 'xj-unit-2021-9', 'xj-unit-2021-9-econ']) {
      for (const t of getBuiltinTemplateSet(id)!.tables) {
        const expected = headerLayout(t.columns).cells.filter((c) => c.columnId === undefined).map(({ row, col, colSpan, label }) => ({ row, col, colSpan, label }));
        const sort = (x: { row: number; col: number }[]) => [...x].sort((p, q) => p.row - q.row || p.col - q.col);
        expect(sort(groupCells(buildColumnDefs(t))), `${id} ${t.no}`).toEqual(sort(expected));
      }
    }
  });
});

describe('printed rows', () => {
  it('zips the two lists of 表1 by index with both totals on the last line', () => {
    const doc = createSampleDocument();
    const rows = buildGridRows(table('t1'), doc);
    const model = table('t1').rows;
    if (model.kind !== 'sideBySide') throw new Error('表1 is side by side');
    expect(rows.length).toBe(Math.max(model.sides[0].length, model.sides[1].length) + 1);
    expect(rows[0].rowIds).toEqual([model.sides[0][0].id, model.sides[1][0].id]);
    expect(rows.at(-1)).toMatchObject({ rowIds: ['inTotal', 'outTotal'], isTotal: true });
    // A line beyond the shorter list has no row on that side: its cells are blank and not editable.
    const ctx = context(doc, 't1');
    const short = rows.find((r) => r.rowIds[0] === null);
    if (short) expect(cellView(ctx, short, table('t1').columns[1])).toMatchObject({ text: '', editable: false, computed: false });
  });

  it('shows codes split per level, names indented by level, computed sums read-only', () => {
    const ctx = context();
    const rows = buildGridRows(ctx.table, ctx.doc);
    const leaf = rows.find((r) => r.key === '2101101')!;
    const cls = rows.find((r) => r.key === '210')!;
    const col = (id: string) => ctx.table.columns.find((c) => c.id === id)!;
    expect(['lei', 'kuan', 'xiang'].map((c) => cellView(ctx, leaf, col(c)).text)).toEqual(['210', '11', '01']);
    expect(cellView(ctx, cls, col('xiang')).text).toBe('');
    expect(leaf.level).toBe(2);
    expect(cellView(ctx, leaf, col('basic'))).toMatchObject({ text: '7.55', editable: true, computed: false });
    expect(cellView(ctx, leaf, col('total')).computed).toBe(true);
    expect(cellView(ctx, cls, col('basic')).computed).toBe(true);
    expect(cellView(ctx, leaf, col('project')).text).toBe(''); // 2024 prints zero blank
  });

  it('prints 0.00 where the set says so, and numbers the amount columns in the 2021 column-number row', () => {
    const set2021 = getBuiltinTemplateSet('xj-unit-2021-9')!;
    const doc = createDocument(set2021, { year: 2021 });
    const ctx = context(doc, 't8', set2021);
    const [row] = buildGridRows(ctx.table, doc);
    expect(cellView(ctx, row, ctx.table.columns[1])).toMatchObject({ text: '0.00', editable: true, computed: false });
    expect(ctx.table.columns.map((c) => cellView(ctx, COLUMN_NUMBER_ROW, c).text)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('pins the column-number row where the printed table has one, not over the side-by-side 表一', () => {
    const set2021 = getBuiltinTemplateSet('xj-unit-2021-9')!;
    expect(columnNumberRows(set2021, set2021.tables.find((t) => t.id === 't3')!)).toEqual([COLUMN_NUMBER_ROW]);
    expect(columnNumberRows(set2021, set2021.tables.find((t) => t.id === 't1')!)).toBeUndefined();
    expect(columnNumberRows(set2024, table('t3'))).toBeUndefined();
  });
});

describe('the grid shows the printed table', () => {
  it('has the lines Excel and Word print, and in every cell the text they print', () => {
    const doc = createSampleDocument();
    for (const t of set2024.tables) {
      const ctx = context(doc, t.id);
      const printed = printedLayout(doc, set2024, t);
      const rows = buildGridRows(t, doc);
      expect(rows.map((r) => r.key), t.no).toEqual(printed.rows.map((r) => r.key));
      rows.forEach((row, i) => {
        const expected = printed.rows[i].cells.map((c) => (c.kind === 'amount' ? formatAmount(c.value, { blankZero: printed.blankZero }) : c.kind === 'text' ? c.text : ''));
        expect(t.columns.map((c) => cellView(ctx, row, c).text), `${t.no} ${row.key}`).toEqual(expected);
      });
    }
  });
});
