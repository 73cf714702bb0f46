import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../core/amount/amount';
import { createDocument } from '../../core/document/create';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { amountTextWidth, columnWidths, measureContent, textWidth, wrappedWidth } from './column-widths';
import { buildGridRows, indexRows } from './grid-rows';

const set2024 = getBuiltinTemplateSet('xj-dept-2024-11')!;

function widthsOf(doc: ReturnType<typeof createSampleDocument>, tableId: string, template = set2024) {
  const table = template.tables.find((t) => t.id === tableId)!;
  const rows = buildGridRows(table, doc);
  const content = measureContent(table, rows, indexRows(doc, tableId), true);
  return { table, content, widths: columnWidths(table, content) };
}

describe('text and header widths', () => {
  it('counts a Chinese character as one em and a digit as about half', () => {
    expect(textWidth('科目')).toBe(26);
    expect(textWidth('734.69')).toBeGreaterThan(30);
    expect(textWidth('734.69')).toBeLessThan(45);
  });
  it('wraps a header into balanced lines: three lines need about a third of the width', () => {
    const label = '上级一般公共预算安排的转移支付';
    expect(wrappedWidth(label, 1)).toBeGreaterThan(wrappedWidth(label, 2));
    expect(wrappedWidth(label, 3)).toBeLessThanOrEqual(5 * 13 + 2);
  });
});

describe('column widths from content', () => {
  it('gives every column of every built-in set a floor no larger than its ideal', () => {
    for (const id of ['xj-dept-2024-11', 'xj-unit-2021-9', 'xj-unit-2021-9-econ']) {
      const template = getBuiltinTemplateSet(id)!;
      const doc = id === 'xj-dept-2024-11' ? createSampleDocument() : createDocument(template, { year: 2021 });
      for (const t of template.tables) {
        const { widths } = widthsOf(doc, t.id, template);
        for (const c of t.columns) {
          const w = widths.get(c.id);
          expect(w, `${id} ${t.no} ${c.id}`).toBeDefined();
          expect(w!.min).toBeLessThanOrEqual(w!.ideal);
        }
      }
    }
  });

  it('keeps every figure whole: an amount column is at least as wide as its widest figure', () => {
    const doc = createSampleDocument();
    const { table, widths } = widthsOf(doc, 't2');
    for (const c of table.columns.filter((x) => x.kind === 'amount')) {
      const widest = Math.max(0, ...doc.tables.t2.rows.map((r) => textWidth(formatAmount(r.values[c.id] ?? 0, { blankZero: true }))));
      expect(widths.get(c.id)!.min, c.id).toBeGreaterThanOrEqual(widest + 12);
    }
  });

  it('keeps empty amount columns narrow (their header on three lines) and lets the name give way', () => {
    const doc = createSampleDocument();
    const { widths, content } = widthsOf(doc, 't2');
    expect(content.text.get('unitFunds')).toBe(0);
    expect(widths.get('unitFunds')!.min).toBeLessThan(60);
    expect(widths.get('name')!.min).toBeLessThan(widths.get('name')!.ideal);
    // 表2 of the sample fits the grid of a 1280-pixel window (about 1,000 px beside the outline).
    const floor = [...widths.values()].reduce((a, w) => a + w.min, 0);
    expect(floor).toBeLessThanOrEqual(1000);
  });

  it('widens a group header\'s columns when its label needs more room than they have', () => {
    const doc = createSampleDocument();
    const { widths } = widthsOf(doc, 't3');
    const codes = ['lei', 'kuan', 'xiang'].reduce((a, id) => a + widths.get(id)!.min, 0);
    expect(codes).toBeGreaterThanOrEqual(wrappedWidth('功能分类科目编码', 2));
  });
});

describe('amountTextWidth', () => {
  it('is the width of the printed figure, for every sign and number of digits', () => {
    const values = [0, 1, -1, 99, -99, 100, 999, 1000, -1000, 123456, -123456, 99999999, 100000000, 1234567890123, -1234567890123];
    for (let d = 0; d < 16; d++) values.push(10 ** d * 100 - 1, 10 ** d * 100, -(10 ** d * 100));
    for (const v of values) expect(amountTextWidth(v)).toBe(textWidth(formatAmount(v)));
  });
});
