import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createRuleEngine } from '../rules/engine';
import { printedLayout } from '../layout/printed-layout';
import { exportXlsx } from '../xlsx/export-xlsx';
import { createFinalSampleDocument, finalSampleSet } from './final-sample';

describe('the 决算 sample (national 部门决算 9 tables)', () => {
  it('gives no finding at all', () => {
    const doc = createFinalSampleDocument();
    const findings = createRuleEngine(finalSampleSet(), doc).findings();
    expect(findings.map((f) => `${f.severity} ${f.message}`)).toEqual([]);
  });

  it('finds a figure on the wrong side of 表6, a 三公 item over its 预算数 and a broken carry-over balance', () => {
    const doc = createFinalSampleDocument();
    const set = finalSampleSet();
    const row = (t: string, id: string) => doc.tables[t].rows.find((r) => r.id === id)!;
    row('t6', '30201').values.personnel = 100;
    row('t7', 'total').values.reception = 200;
    row('t4', 'carryEnd').values.gpb = 300;
    const ids = new Set(createRuleEngine(set, doc).findings().map((f) => f.rule));
    for (const id of ['t6-public-side', 't6-subtotals', 't7-final-le-budget-reception', 't4-carry-gpb', 't4-out-total-gpb']) expect(ids.has(id), id).toBe(true);
  });

  it('balances: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余', () => {
    const doc = createFinalSampleDocument();
    const t1 = new Map(doc.tables.t1.rows.map((r) => [r.id, r.values]));
    expect(t1.get('inTotal')?.inAmount).toBe(36400);
    expect(t1.get('outTotal')?.outAmount).toBe(36400);
    expect(t1.get('outCurrent')?.outAmount).toBe(36200);
    const t6total = doc.tables.t6.rows.find((r) => r.id === 'total')!.values;
    expect([t6total.personnel, t6total.public]).toEqual([19700, 7700]);
  });

  it('prints 表6 as two lists side by side, 人员经费 left and 公用经费 right, totals on the last line', () => {
    const doc = createFinalSampleDocument();
    const set = finalSampleSet();
    const layout = printedLayout(doc, set, set.tables.find((t) => t.id === 't6')!);
    const text = (cells: (typeof layout.rows)[number]['cells']) =>
      cells.map((c) => (c.kind === 'text' ? c.text : c.kind === 'amount' ? String(c.value) : ''));
    expect(layout.header.cells.filter((c) => c.row === 0).map((c) => c.label)).toEqual(['人员经费', '公用经费']);
    expect(text(layout.rows[0].cells)).toEqual(['301', '工资福利支出', '18900', '302', '商品和服务支出', '6600']);
    expect(text(layout.rows[1].cells)).toEqual(['30101', '基本工资', '6000', '30201', '办公费', '1800']);
    const last = layout.rows[layout.rows.length - 1];
    expect(last.isTotal).toBe(true);
    expect(text(last.cells)).toEqual(['', '人员经费合计', '19700', '', '公用经费合计', '7700']);
    // 301 (8 rows) + 303 (3 rows) on the left, 302 (11) + 310 (2) on the right: 13 lines and the totals line.
    expect(layout.rows).toHaveLength(14);
    const line = layout.rows[12];
    expect(text(line.cells)).toEqual(['', '', '', '31002', '办公设备购置', '1100']);
    expect(line.rowIds).toEqual([null, '31002']);
    // 款 indent inside their side's label; the left list's 303 starts after the 301 rows.
    expect(layout.rows[1].cells[1]).toMatchObject({ indent: 1 });
    expect(text(layout.rows[8].cells).slice(0, 3)).toEqual(['303', '对个人和家庭的补助', '800']);
  });

  it('exports an Excel workbook with one sheet per table, 表6 side by side', async () => {
    const doc = createFinalSampleDocument();
    const bytes = await exportXlsx(doc, finalSampleSet());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheets = wb.worksheets.filter((w) => w.state === 'visible');
    expect(sheets.map((w) => w.name)).toHaveLength(9);
    const t6 = sheets[5];
    const values: string[] = [];
    t6.eachRow((row) => values.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')).join('|')));
    expect(values.join('\n')).toContain('30101|基本工资|60|30201|办公费|18');
    expect(values.join('\n')).toContain('人员经费合计|197||公用经费合计|77');
  });
});
