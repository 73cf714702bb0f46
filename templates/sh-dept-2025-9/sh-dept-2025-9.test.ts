import { describe, expect, it } from 'vitest';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { docFor, withDerived, withRows, type AmountStrings } from '../../core/testing/builders';
import { generateFiscalOverview, generateOverview } from '../../core/derive/generate';
import { createRuleEngine } from '../../core/rules/engine';
import { exportXlsx } from '../../core/xlsx/export-xlsx';
import { importXlsx } from '../../core/xlsx/import-xlsx';
import { exportDocx } from '../../core/docx/export-docx';
import type { BudgetDocument } from '../../core/document/document';

const SET = 'sh-dept-2025-9';

/** A small consistent unit in 元 (amounts as printed, two decimals): 基本支出 and one project line per 项. */
function consistentDocument(): BudgetDocument {
  const doc = docFor(SET, { unitName: '测试区档案局', compiler: '测试区档案局', year: 2025, date: '2025-02-10' });
  const items: [string, number, number][] = [['2013101', 1_234_567.89, 300_000], ['2080505', 210_000.5, 0], ['2101101', 98_000, 0], ['2210201', 150_000, 0]];
  const str = (v: number) => v.toFixed(2);
  const spec = (basic: number, project: number): AmountStrings => ({ basic: str(basic), project: str(project) });
  withRows(doc, 't3', items.map(([code, b, p]) => [code, spec(b, p)]));
  withRows(doc, 't5', items.map(([code, b, p]) => [code, spec(b, p)]));
  withRows(doc, 't2', items.map(([code, b, p]) => [code, { fiscal: str(b + p) }]));
  for (const t of ['t2', 't3', 't5']) withRows(doc, t, ['201', '20131', '208', '20805', '210', '21011', '221', '22102'].map((c) => [c, {}]));
  const basic = items.reduce((a, [, b]) => a + b, 0);
  withRows(doc, 't8', [['301', {}], ['30101', { personnel: str(basic - 60_000) }], ['302', {}], ['30201', { public: str(50_000) }], ['30217', { public: str(10_000) }]]);
  withRows(doc, 't9', [['total', { abroad: '0', reception: '10000.00', vehicleOperation: '25000.00', operating: '60000.00' }]]);
  // 表2 has one 财政拨款收入 column: the split by 一般公共预算 / 基金 / 国资 in 表1 and 表4 comes from 表5–7, which the
  // "generate from source" fills do not read, so the officer's figure is typed here.
  const gpb = str(items.reduce((a, [, b, p]) => a + b + p, 0));
  withRows(doc, 't1', [['gpb', { inAmount: gpb }]]);
  withRows(doc, 't4', [['gpb', { inAmount: gpb }]]);
  withDerived(doc);
  const template = getBuiltinTemplateSet(SET)!;
  for (const generate of [generateOverview, generateFiscalOverview]) {
    const g = generate(doc, template);
    if (!g.ok) throw new Error(g.message);
    g.command.apply(doc, { template });
  }
  return withDerived(doc);
}

describe('the Shanghai-style 9-table set', () => {
  const set = getBuiltinTemplateSet(SET)!;

  it('stores amounts in 元, prints the 三公 table in 万元, and keeps its 合计 rows last', () => {
    expect(set.amountUnit).toBe('元');
    expect(set.tables.map((t) => t.role)).toEqual(['overview', 'income', 'expenditure', 'fiscalOverview', 'gpbExpenditure', 'govFund', 'stateCapital', 'gpbBasic', 'sangong']);
    expect(set.tables.find((t) => t.role === 'sangong')).toMatchObject({ amountUnit: '万元' });
    expect(set.tables.find((t) => t.role === 'sangong')!.columns.map((c) => c.id)).toContain('operating');
    for (const t of set.tables) if (t.rows.kind === 'coded') expect(t.rows.total.position).toBe('bottom');
  });

  it('a consistent document breaks no table rule, and every rule binds (none is reported as unreadable)', () => {
    const doc = consistentDocument();
    const findings = createRuleEngine(set, doc).checkAll();
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    // 机关运行经费 = 表8 公用经费 and 30217/30231 against the 三公 items hold here too.
    expect(findings.map((f) => f.rule)).not.toContain('x-t9-operating');
  });

  it('a wrong 三公 小计 and a 表2 column that disagrees with 表1 are found', () => {
    const doc = consistentDocument();
    doc.tables.t9!.rows[0]!.values.vehicle = 1;
    doc.tables.t1!.rows.find((r) => r.id === 'businessIncome')!.values.inAmount = 500;
    const rules = createRuleEngine(set, doc).checkAll().map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['t9-vehicle', 'x-t1-t2-businessIncome']));
  });

  it('exports Excel and Word, and its own workbook imports back to this set with the same figures', async () => {
    const doc = consistentDocument();
    const xlsx = await exportXlsx(doc, set);
    const docx = await exportDocx(doc, set);
    expect(docx[0]).toBe(0x50);
    const back = await importXlsx(xlsx);
    if (!back.ok) throw new Error(back.message);
    expect(back.report.templateId).toBe(SET);
    for (const t of set.tables) expect(back.document.tables[t.id]!.rows.map((r) => [r.id, r.values])).toEqual(doc.tables[t.id]!.rows.map((r) => [r.id, r.values]));
  });
});

describe('the 三公 table printed in 万元 from a document in 元', () => {
  const set = getBuiltinTemplateSet(SET)!;

  it('Excel prints its figures converted (totals still adding up) under 单位：万元; the stored figures stay in 元', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const doc = consistentDocument();
    const before = JSON.stringify(doc.tables.t9);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(doc, set)).buffer as ArrayBuffer);
    const ws = wb.worksheets.find((w) => w.getCell('A1').value === set.tables.find((t) => t.role === 'sangong')!.no)!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('单位：万元');
    // 10,000.00元 招待 → 1.00; 25,000.00元 运行 → 2.50; 合计 35,000.00元 → 3.50; 机关运行经费 60,000.00元 → 6.00.
    expect(cells).toEqual(expect.arrayContaining(['1', '2.5', '3.5', '6']));
    expect(cells).not.toContain('10000');
    expect(JSON.stringify(doc.tables.t9)).toBe(before);
  });
});
