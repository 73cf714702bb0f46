import { describe, expect, it } from 'vitest';
import { getBuiltinTemplateSet } from './registry';
import {
  codePartFor, codeParts, columnByLabel, columnNumbers, hasColumnNumberRow, fixedRowName, headerLayout, headerMatrix, leafLabel, rowLevel,
  tableEmptyNote, tableTitle,
} from './header-layout';

const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
const table = (id: string) => set.tables.find((t) => t.id === id)!;
const cols = (...headers: string[][]) => headers.map((header, i) => ({ id: `c${i}`, header }));

describe('headerLayout', () => {
  it('merges a group over its leaves and lets a short leaf span the rows below', () => {
    const layout = headerLayout(cols(['合计'], ['资金来源', '一般公共预算'], ['资金来源', '政府性基金']));
    expect(layout.depth).toBe(2);
    expect(layout.cells).toEqual([
      { row: 0, col: 0, rowSpan: 2, colSpan: 1, label: '合计', columnId: 'c0' },
      { row: 0, col: 1, rowSpan: 1, colSpan: 2, label: '资金来源' },
      { row: 1, col: 1, rowSpan: 1, colSpan: 1, label: '一般公共预算', columnId: 'c1' },
      { row: 1, col: 2, rowSpan: 1, colSpan: 1, label: '政府性基金', columnId: 'c2' },
    ]);
  });

  it('does not merge equal labels under different parents', () => {
    const layout = headerLayout(cols(['A', 'X', '1'], ['B', 'X', '2']));
    expect(layout.cells.filter((c) => c.label === 'X').map((c) => c.colSpan)).toEqual([1, 1]);
  });

  it('reproduces the printed three-row header of 表3 (科目 over the code columns, 支出预算 from the name on)', () => {
    expect(headerMatrix(table('t3').columns)).toEqual([
      ['科目', '科目', '科目', '支出预算', '支出预算', '支出预算', '支出预算'],
      ['功能分类科目编码', '功能分类科目编码', '功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['类', '款', '项', '功能分类科目名称', '合计', '基本支出', '项目支出'],
    ]);
    const layout = headerLayout(table('t3').columns);
    expect(layout.cells.find((c) => c.label === '功能分类科目名称')).toMatchObject({ row: 1, rowSpan: 2, colSpan: 1 });
    expect(layout.cells.find((c) => c.label === '科目')).toMatchObject({ row: 0, colSpan: 3 });
  });

  it('reproduces the two-row header of 表2 with its 财政拨款（补助） group', () => {
    const layout = headerLayout(table('t2').columns);
    expect(layout.depth).toBe(2);
    expect(layout.cells.find((c) => c.label === '财政拨款（补助）')).toMatchObject({ row: 0, col: 5, colSpan: 6 });
    expect(layout.cells.find((c) => c.label === '总计')).toMatchObject({ rowSpan: 2 });
  });

  it('side-by-side 表1: two groups of two', () => {
    const layout = headerLayout(table('t1').columns);
    expect(layout.cells.filter((c) => c.row === 0).map((c) => [c.label, c.colSpan])).toEqual([['收 入', 2], ['支 出', 2]]);
  });
});

describe('table helpers', () => {
  it('titles and notes fill the placeholders', () => {
    expect(tableTitle(table('t1'), '单位')).toBe('单位收支总体情况表');
    expect(tableTitle(table('t5'), '部门')).toBe('一般公共预算支出情况表');
    expect(tableEmptyNote(table('t8'), { entityKind: '部门', unitName: '若羌县医疗保障局', year: 2024 })).toBe(
      '若羌县医疗保障局2024年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。',
    );
    expect(tableEmptyNote(table('t3'), { entityKind: '部门', unitName: 'x', year: 2024 })).toBeUndefined();
  });

  it('labels, levels and code parts', () => {
    expect(leafLabel(table('t3').columns[5])).toBe('基本支出');
    expect(rowLevel('210', [3, 5, 7])).toBe(0);
    expect(rowLevel('21015', [3, 5, 7])).toBe(1);
    expect(rowLevel('2101501', [3, 5, 7])).toBe(2);
    expect(rowLevel('2101', [3, 5, 7])).toBe(-1);
    expect(codeParts('2080505', [3, 5, 7])).toEqual(['208', '05', '05']);
    expect(codePartFor('20805', 'xiang', [3, 5, 7])).toBe('');
    expect(codePartFor('30217', 'kuan', [3, 5])).toBe('17');
  });

  it('finds columns by printed label, ignoring letter spacing, qualified when ambiguous', () => {
    expect(columnByLabel(table('t3'), '基本支出')?.id).toBe('basic');
    expect(columnByLabel(table('t1'), '项目')?.id).toBe('inLabel');
    expect(columnByLabel(table('t4'), '合计')?.id).toBe('inAmount');
    expect(columnByLabel(table('t4'), '财政拨款支出/合计')?.id).toBe('total');
    expect(columnByLabel(table('t3'), '不存在')).toBeUndefined();
  });

  it('column numbers and fixed row names', () => {
    expect(columnNumbers(table('t3'))).toEqual(['**', '**', '**', '**', '1', '2', '3']);
    expect(hasColumnNumberRow(set, table('t3'))).toBe(false);
    const unit = getBuiltinTemplateSet('xj-unit-2021-9')!;
    expect(unit.tables.map((t) => hasColumnNumberRow(unit, t))).toEqual([false, true, true, false, true, true, true, true, true]);
    expect(fixedRowName({ label: '210 卫生健康支出', code: '210' })).toBe('卫生健康支出');
    expect(fixedRowName({ label: '其中：一般财力' })).toBe('其中：一般财力');
  });
});

describe('2021 sets', () => {
  const t8 = getBuiltinTemplateSet('xj-unit-2021-9')!.tables.find((t) => t.id === 't8')!;
  it('表八 prints 公务用车购置及运行费 over its three columns and numbers 1…6', () => {
    const layout = headerLayout(t8.columns);
    expect(layout.depth).toBe(2);
    expect(layout.cells.filter((c) => c.row === 0).map((c) => [c.label, c.colSpan, c.rowSpan])).toEqual([
      ['合计', 1, 2], ['因公出国(境)费', 1, 2], ['公务用车购置及运行费', 3, 1], ['公务接待费', 1, 2],
    ]);
    expect(columnNumbers(t8)).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
