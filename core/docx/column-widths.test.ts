import { describe, expect, it } from 'vitest';
import type { TableDef } from '../template/template.schema';
import { contentMetrics, headerRowLines, textUnits } from './column-widths';
import { SIZE } from './styles';

const col = (id: string, kind: 'code' | 'name' | 'amount', header: string[], width?: number) => ({ id, kind, header, width });
const tableOf = (columns: ReturnType<typeof col>[]) => ({ id: 't', no: '表', title: 't', columns }) as unknown as TableDef;

/** Lines a text takes at a width, as the Word tables lay it out (80 twips of side margins). */
const lines = (text: string, width: number, size = SIZE.wuhao) => Math.ceil(textUnits(text) / Math.floor((width - 80) / (size * 10)));

describe('column widths from content', () => {
  const def = tableOf([
    col('code', 'code', ['科目编码']),
    col('name', 'name', ['科目名称'], 12),
    col('total', 'amount', ['合计']),
    col('a', 'amount', ['一般公共预算拨款']),
    col('b', 'amount', ['政府性基金预算拨款']),
    col('c', 'amount', ['国有资本经营预算拨款']),
  ]);
  const names = ['社会保障和就业支出', '机关事业单位基本养老保险缴费支出', '财政对城乡居民基本医疗保险基金的补助', '行政运行'];
  const texts = [
    ['208', '2080505', '2101202', '2101501'],
    names,
    ['59.57', '39.14', '383.70', '138.64'],
    ['59.57', '39.14', '383.70', '138.64'],
    ['', '', '', ''],
    ['', '', '', ''],
  ];
  const header = def.columns.map((c, i) => ({ label: c.header[0], row: 0, col: i, rowSpan: 1, colSpan: 1 }));

  it('fills the text width at 五号 and keeps codes and amounts on one line', () => {
    const m = contentMetrics(def, texts, 8845, header, 1);
    expect(m.size).toBe(SIZE.wuhao);
    expect(m.widths.reduce((a, b) => a + b, 0)).toBe(8845);
    for (const t of texts[0]) expect(lines(t, m.widths[0])).toBe(1);
    for (const t of texts[2]) expect(lines(t, m.widths[2])).toBe(1);
  });

  it('gives names the room they need and narrows the columns without a figure', () => {
    const m = contentMetrics(def, texts, 8845, header, 1);
    for (const t of names) expect(lines(t, m.widths[1])).toBe(1);
    expect(m.widths[4]).toBeLessThan(m.widths[3]);
    expect(m.widths[5]).toBeLessThan(m.widths[3]);
  });

  it('in a narrow table, wraps no name so that one character stands alone', () => {
    const m = contentMetrics(def, texts, 5200, header, 1);
    const capacity = Math.floor((m.widths[1] - 80) / (m.size * 10));
    for (const t of names) {
      const u = textUnits(t);
      if (u > capacity) expect(u - capacity * Math.floor((u - 1e-9) / capacity), t).toBeGreaterThan(1);
    }
  });

  it('in an empty table (合计 only), gives every header label room for two lines', () => {
    // 表8 of a year without 政府性基金: 科目 › 功能分类科目编码 › 类/款/项 and 功能分类科目名称 over one 合计 row.
    const empty = tableOf([
      col('lei', 'code', ['科目', '功能分类科目编码', '类']),
      col('kuan', 'code', ['科目', '功能分类科目编码', '款']),
      col('xiang', 'code', ['科目', '功能分类科目编码', '项']),
      col('name', 'name', ['功能分类科目名称'], 12),
      col('total', 'amount', ['合计']),
      col('basic', 'amount', ['基本支出']),
      col('project', 'amount', ['项目支出']),
    ]);
    const cells = [
      { label: '科目', row: 0, col: 0, rowSpan: 1, colSpan: 4 },
      { label: '功能分类科目编码', row: 1, col: 0, rowSpan: 1, colSpan: 3 },
      ...['类', '款', '项'].map((label, i) => ({ label, row: 2, col: i, rowSpan: 1, colSpan: 1 })),
      { label: '功能分类科目名称', row: 1, col: 3, rowSpan: 2, colSpan: 1 },
      ...['合计', '基本支出', '项目支出'].map((label, i) => ({ label, row: 0, col: 4 + i, rowSpan: 3, colSpan: 1 })),
    ];
    const m = contentMetrics(empty, [[''], [''], [''], ['合计'], [''], [''], ['']], 8845, cells, 3);
    const span = (c: (typeof cells)[number]) => m.widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
    for (const c of cells) expect(lines(c.label, span(c)), c.label).toBeLessThanOrEqual(2);
    expect(m.widths.reduce((a, b) => a + b, 0)).toBe(8845);
  });

  it('grows the last row of a merged header cell to hold its label', () => {
    const rows = headerRowLines([300, 300], 210, [
      { label: '甲', row: 0, col: 0, rowSpan: 1, colSpan: 1 },
      { label: '一二三四五六', row: 0, col: 1, rowSpan: 2, colSpan: 1 },
      { label: '乙', row: 1, col: 0, rowSpan: 1, colSpan: 1 },
    ], 2);
    expect(rows).toEqual([1, 5]);
  });
});
