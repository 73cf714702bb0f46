import { describe, expect, it } from 'vitest';
import { templateSetSchema, type TableDef } from '../template/template.schema';
import { codedTable, testSet } from '../testing/builders';
import { codedSideLines, codedSideOfRow } from './coded-sides';
import { columnSideOf, printedRows } from './printed-layout';
import { createDocument } from '../document/create';

function sidesTable(): TableDef {
  const t = codedTable('t6', ['personnel', 'public'], { classification: 'economic' });
  const model = t.rows;
  if (model.kind !== 'coded') throw new Error('coded');
  return {
    ...t,
    columns: [
      { id: 'pcode', header: ['人员经费', '科目编码'], kind: 'code', codePart: 'full' },
      { id: 'pname', header: ['人员经费', '科目名称'], kind: 'name' },
      { id: 'personnel', header: ['人员经费', '决算数'], kind: 'amount' },
      { id: 'ucode', header: ['公用经费', '科目编码'], kind: 'code', codePart: 'full' },
      { id: 'uname', header: ['公用经费', '科目名称'], kind: 'name' },
      { id: 'public', header: ['公用经费', '决算数'], kind: 'amount' },
    ],
    rows: {
      ...model,
      sides: [
        { classes: ['301', '303'], columns: ['pcode', 'pname', 'personnel'], totalLabel: '人员经费合计' },
        { classes: ['302'], columns: ['ucode', 'uname', 'public'], totalLabel: '公用经费合计' },
      ],
    },
  };
}

describe('coded side-by-side tables', () => {
  it('split rows by 类; a 类 neither side lists prints on the last side', () => {
    const t = sidesTable();
    if (t.rows.kind !== 'coded') throw new Error('coded');
    expect(codedSideOfRow(t.rows, { code: '30399' })).toBe(0);
    expect(codedSideOfRow(t.rows, { code: '31002' })).toBe(1);
    const lines = codedSideLines([{ id: '301', code: '301', values: {} }, { id: '310', code: '310', values: {} }, { id: '302', code: '302', values: {} }, { id: 'total', values: {} }], t.rows);
    expect(lines.map((l) => l.rowIds)).toEqual([['301', '310'], [null, '302'], ['total', 'total']]);
    expect(columnSideOf(t, t.columns[4])).toBe(1);
  });

  it('print the figures of each side from its own columns', () => {
    const t = sidesTable();
    const set = testSet([t]);
    const doc = createDocument(set);
    doc.tables.t6.rows = [
      { id: '30101', code: '30101', name: '基本工资', values: { personnel: 500 } },
      { id: '30201', code: '30201', name: '办公费', values: { public: 200, personnel: 7 } },
      { id: 'total', values: { personnel: 500, public: 200 } },
    ];
    const rows = printedRows(doc, t);
    expect(rows.map((r) => r.cells.map((c) => (c.kind === 'amount' ? c.value : c.kind === 'text' ? c.text : '')))).toEqual([
      ['30101', '基本工资', 500, '30201', '办公费', 200],
      ['', '人员经费合计', 500, '', '公用经费合计', 200],
    ]);
  });

  it('refuse a side naming a missing column or leaving a column out', () => {
    const t = sidesTable();
    if (t.rows.kind !== 'coded' || !t.rows.sides) throw new Error('coded');
    t.rows.sides[1].columns = ['ucode', 'nope', 'public'];
    const r = templateSetSchema.safeParse({
      id: 'bad', name: '测试', entityKind: '单位', amountUnit: '万元', tables: [t], rules: [], outline: [],
      display: { blankZero: false, columnNumberRow: false, compilerPrefix: '编制单位：' },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['列“nope”不存在', '列“uname”不属于任何一侧', '缺少name列']));
  });
});
