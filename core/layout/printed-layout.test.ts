import { describe, expect, it } from 'vitest';
import { createSampleDocument } from '../sample/sample-inputs';
import { getBuiltinTemplateSet } from '../template/registry';
import type { TableDef } from '../template/template.schema';
import { docFor, withProjects, withRows } from '../testing/builders';
import { orgDocument2021, ORG_DOC_NOTES } from '../testing/org-builders';
import { printedCell, printedLayout, printedLines, printedRows, rowsByIdOf, type PrintedCell } from './printed-layout';

const set2024 = getBuiltinTemplateSet('xj-dept-2024-11')!;
const set2021 = getBuiltinTemplateSet('xj-unit-2021-9')!;
const tableOf = (set: typeof set2024, id: string) => set.tables.find((t) => t.id === id)!;
const texts = (cells: PrintedCell[]) => cells.map((c) => (c.kind === 'text' ? c.text : c.kind === 'amount' ? c.value : null));

describe('coded tables', () => {
  it('print every stored row in order: codes split per level, names flush, 类 rows and 合计 bold', () => {
    const doc = docFor('xj-dept-2024-11');
    withRows(doc, 't3', [['208', {}], ['20805', {}], ['2080505', { basic: '39.14' }]]);
    const rows = printedRows(doc, tableOf(set2024, 't3'));
    expect(rows.map((r) => [r.key, r.level, r.emphasis, r.isTotal])).toEqual([
      ['208', 0, true, false],
      ['20805', 1, false, false],
      ['2080505', 2, false, false],
      ['total', 0, true, true],
    ]);
    expect(texts(rows[2].cells)).toEqual(['208', '05', '05', '机关事业单位基本养老保险缴费支出', 0, 3914, 0]);
    expect(rows[2].cells[0]).toMatchObject({ code: true });
    expect(rows[2].cells[3]).toMatchObject({ indent: 0 });
    // 合计 prints its label in the name column and nothing in the code columns.
    expect(texts(rows[3].cells).slice(0, 4)).toEqual(['', '', '', '合计']);
  });

  it('print organisation rows where they are stored, flush and bold, with blank code cells', () => {
    const doc = orgDocument2021();
    const rows = printedRows(doc, tableOf(set2021, 't3'));
    expect(rows.slice(0, 4).map((r) => [r.key, r.level, r.isTotal, r.isOrg, r.emphasis])).toEqual([
      ['total', 0, true, false, true],
      ['org1', 0, false, true, true],
      ['org2', 0, false, true, true],
      ['208', 0, false, false, true],
    ]);
    expect(texts(rows[2].cells).slice(0, 4)).toEqual(['', '', '', '【040001】乌尔禾区医保局']);
  });

  it('print project rows flush under their 项 codes', () => {
    const doc = docFor('xj-dept-2024-11');
    withProjects(doc, 't7', [['2101202', '城乡居民基本医疗保险', { total: '383.70' }]]);
    const [project] = printedRows(doc, tableOf(set2024, 't7'));
    expect(project).toMatchObject({ key: 'p1', level: 0, emphasis: false });
    expect(texts(project.cells)).toEqual(['210', '12', '02', '城乡居民基本医疗保险', 38370]);
  });
});

describe('fixed and side-by-side tables', () => {
  it('print the template rows with their labels indented by level, top-level rows bold', () => {
    const rows = printedRows(createSampleDocument(), tableOf(set2024, 't10'));
    expect(rows.map((r) => [r.key, r.level, r.emphasis])).toEqual([
      ['total', 0, true], ['abroad', 1, false], ['reception', 1, false], ['vehicle', 1, false],
      ['vehiclePurchase', 2, false], ['vehicleOperation', 2, false],
    ]);
    expect(rows[4].cells[0]).toEqual({ kind: 'text', text: '其中：公务用车购置费', indent: 2 });
  });

  it('zip the two lists of 表1 by index, blank cells where a list is shorter, both totals on the last line', () => {
    const table = tableOf(set2024, 't1');
    const model = table.rows;
    if (model.kind !== 'sideBySide') throw new Error('表1 is side by side');
    const rows = printedRows(createSampleDocument(), table);
    expect(rows).toHaveLength(Math.max(model.sides[0].length, model.sides[1].length) + 1);
    expect(rows[2].rowIds).toEqual([model.sides[0][2].id, model.sides[1][2].id]);
    expect(rows[2].cells[0]).toEqual({ kind: 'text', text: '其中：一般财力', indent: 2 });
    expect(rows[2].level).toBe(0);
    const short = rows.find((r) => r.rowIds[0] === null)!;
    expect(short.cells.slice(0, 2)).toEqual([{ kind: 'text', text: '' }, { kind: 'text', text: '' }]);
    expect(rows.at(-1)).toMatchObject({ key: 'totals', rowIds: ['inTotal', 'outTotal'], isTotal: true, emphasis: true });
    expect(texts(rows.at(-1)!.cells)).toEqual(['收 入 总 计', 82450, '支 出 总 计', 82450]);
  });

  it('print a code before the name of a right-hand row whose label lacks it', () => {
    const table = structuredClone(tableOf(set2024, 't1')) as TableDef;
    if (table.rows.kind !== 'sideBySide') throw new Error('表1 is side by side');
    table.rows.sides[1][0] = { ...table.rows.sides[1][0], label: '一般公共服务支出' };
    const [first] = printedRows(createSampleDocument(), table);
    expect(first.cells[2]).toMatchObject({ text: '201 一般公共服务支出' });
  });
});

describe('the whole printed table', () => {
  it('numbers the columns where the set prints a column-number row, never over a side-by-side table', () => {
    const doc = orgDocument2021();
    expect(printedLayout(doc, set2021, tableOf(set2021, 't3')).columnNumbers).toEqual(['**', '**', '**', '**', '1', '2', '3']);
    expect(printedLayout(doc, set2021, tableOf(set2021, 't1')).columnNumbers).toBeNull();
    expect(printedLayout(createSampleDocument(), set2024, tableOf(set2024, 't3')).columnNumbers).toBeNull();
  });

  it('takes blank zeros from the caller, else the document, else the set; and the note under the table', () => {
    const doc = orgDocument2021();
    const t3 = tableOf(set2021, 't3');
    expect(printedLayout(doc, set2021, t3).blankZero).toBe(false);
    expect(printedLayout(doc, set2021, t3, { blankZero: true }).blankZero).toBe(true);
    expect(printedLayout(orgDocument2021(true), set2021, t3).blankZero).toBe(true);
    expect(printedLayout(doc, set2021, t3).note).toBe(ORG_DOC_NOTES.t3);
    expect(printedLayout(doc, set2021, t3).header.depth).toBeGreaterThan(0);
  });

  it('gives the cell of a line from the rows as they are now (the grid keeps its lines across edits)', () => {
    const doc = createSampleDocument();
    const table = tableOf(set2024, 't3');
    const line = printedLines(doc, table).find((l) => l.key === '2080505')!;
    const basic = table.columns.find((c) => c.id === 'basic')!;
    expect(printedCell(table, line, basic, rowsByIdOf(doc, 't3'))).toMatchObject({ kind: 'amount', value: 3914 });
    doc.tables.t3.rows.find((r) => r.id === '2080505')!.values.basic = 4000;
    expect(printedCell(table, line, basic, rowsByIdOf(doc, 't3'))).toMatchObject({ kind: 'amount', value: 4000 });
  });
});
