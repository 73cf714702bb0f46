import { describe, expect, it } from 'vitest';
import { amount } from '../amount/amount';
import { CodeBook } from '../codes/code-book';
import type { BudgetDocument, RowData } from '../document/document';
import { withDerived } from '../testing/builders';
import { getBuiltinTemplateSet } from '../template/registry';
import { createRuleEngine, ruleErrors } from './engine';
import type { Finding } from './finding';
import { toPrintedFindings } from './printed';
import { reference2024 } from './reference-2024.fixture';

const SET = getBuiltinTemplateSet('xj-dept-2024-11')!;

function row(doc: BudgetDocument, table: string, id: string): RowData {
  const found = doc.tables[table].rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${table}/${id}`);
  return found;
}

function set(doc: BudgetDocument, table: string, id: string, col: string, value: string): void {
  const v = amount(value);
  if (v === 0) delete row(doc, table, id).values[col];
  else row(doc, table, id).values[col] = v;
}

/** The findings of the reference with one change, minus the 30110 提示 the release itself keeps. */
function findingsAfter(change: (doc: BudgetDocument) => void): Finding[] {
  const doc = reference2024();
  change(doc);
  return createRuleEngine(SET, doc).findings().filter((f) => f.id !== 'econ-func-30110:30110');
}

function byRule(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

describe('built-in rule sets', () => {
  it('compile without errors', () => {
    for (const id of ['xj-dept-2024-11', 'xj-unit-2021-9', 'xj-unit-2021-9-econ']) expect(ruleErrors(getBuiltinTemplateSet(id)!)).toEqual([]);
  });
});

describe('the 2024 reference release', () => {
  it('has no error, and keeps the one real 提示 of its tables: 30110 17.68 vs 2101101 + 2101102 = 17.65', () => {
    const findings = createRuleEngine(SET, reference2024()).findings();
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([['warning', 'econ-func-30110']]);
    const [f] = findings;
    expect(f.message).toBe('表6 30110 职工基本医疗保险缴费：合计 17.68 ≠ 表5 2101101 行政单位医疗 基本支出 + 表5 2101102 事业单位医疗 基本支出 17.65，相差 0.03');
    expect(f.cells).toEqual([
      { table: 't6', row: '30110', col: 'total' },
      { table: 't5', row: '2101101', col: 'basic' },
      { table: 't5', row: '2101102', col: 'basic' },
    ]);
    expect(f.fix).toEqual({ cell: { table: 't6', row: '30110', col: 'total' }, value: 1765 });
  });
});

describe('within tables (表内)', () => {
  it('合计 = 基本支出 + 项目支出 per row, with both figures, the difference and the fix', () => {
    const findings = findingsAfter((doc) => set(doc, 't3', '2101501', 'total', '139.28'));
    const [f] = byRule(findings, 't3-row');
    expect(f.message).toBe('表3 2101501 行政运行：合计 139.28 ≠ 基本支出 + 项目支出 138.64，相差 0.64');
    expect(f.severity).toBe('error');
    expect(f.scope).toBe('表内');
    expect(f.cells[0]).toEqual({ table: 't3', row: '2101501', col: 'total' });
    expect(f.fix).toEqual({ cell: { table: 't3', row: '2101501', col: 'total' }, value: 13864 });
    // The 款 above no longer adds up either, in that column only.
    expect(byRule(findings, 't3-subtotals').map((x) => x.id)).toEqual(['t3-subtotals:21015:total']);
  });

  it('a difference of exactly 0.01 is a 尾差 提示, not an error', () => {
    const findings = findingsAfter((doc) => set(doc, 't3', '2101501', 'total', '138.65'));
    const [f] = byRule(findings, 't3-row');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('尾差');
    expect(f.message).toContain('相差 0.01');
  });

  it('类 = Σ 款 and 款 = Σ 项, column by column, and the 合计 row = Σ 类', () => {
    const findings = findingsAfter((doc) => set(doc, 't5', '21015', 'basic', '300.00'));
    const [kuan] = byRule(findings, 't5-subtotals').filter((f) => f.id === 't5-subtotals:21015:basic');
    expect(kuan.message).toBe('表5 21015 医疗保障管理事务：基本支出 300.00 ≠ 下级科目基本支出之和 294.83，相差 5.17');
    expect(kuan.cells.slice(0, 3)).toEqual([
      { table: 't5', row: '21015', col: 'basic' },
      { table: 't5', row: '2101501', col: 'basic' },
      { table: 't5', row: '2101506', col: 'basic' },
    ]);
    expect(byRule(findings, 't5-subtotals').map((f) => f.id)).toContain('t5-subtotals:210:basic');
    const total = findingsAfter((doc) => set(doc, 't3', 'total', 'project', '400.00'));
    expect(byRule(total, 't3-total').map((f) => f.cells[0])).toEqual([{ table: 't3', row: 'total', col: 'project' }]);
  });

  it('表2 总计 = its sources and 小计 = its parts', () => {
    const findings = findingsAfter((doc) => set(doc, 't2', '2101501', 'fiscalSubtotal', '130.00'));
    expect(byRule(findings, 't2-row').map((f) => f.cells[0])).toEqual([{ table: 't2', row: '2101501', col: 'total' }]);
    expect(byRule(findings, 't2-fiscal-subtotal').map((f) => f.cells[0])).toEqual([{ table: 't2', row: '2101501', col: 'fiscalSubtotal' }]);
  });

  it('表6: 合计 = 人员经费 + 公用经费; 302 款 with 人员经费 and 301 款 with 公用经费 are 提示', () => {
    const findings = findingsAfter((doc) => {
      set(doc, 't6', '30201', 'personnel', '1.00');
      set(doc, 't6', '30101', 'public', '2.00');
    });
    const [p] = byRule(findings, 't6-302-personnel');
    expect(p.severity).toBe('warning');
    expect(p.message).toBe('表6 30201 办公费：人员经费 1.00，商品和服务支出（302）一般列公用经费，请确认');
    expect(byRule(findings, 't6-301-public').map((f) => f.cells[0])).toEqual([{ table: 't6', row: '30101', col: 'public' }]);
    expect(byRule(findings, 't6-row').map((f) => f.cells[0].row)).toEqual(['30101', '30201']);
  });

  it('表1: 收入总计 = 支出总计, 其中 ≤ parent, parent = Σ 其中', () => {
    const findings = findingsAfter((doc) => set(doc, 't1', 'gpbOwn', 'inAmount', '830.00'));
    const [le] = byRule(findings, 't1-gpbOwn-le');
    expect(le.message).toBe('表1 其中：一般财力：预算数 830.00 > 1.一般公共预算拨款 预算数 824.50，相差 5.50');
    expect(byRule(findings, 't1-gpb-parts')).toHaveLength(1);
    const balance = findingsAfter((doc) => set(doc, 't1', 'inTotal', 'inAmount', '825.00'));
    expect(byRule(balance, 't1-balance')[0].cells).toEqual([
      { table: 't1', row: 'inTotal', col: 'inAmount' },
      { table: 't1', row: 'outTotal', col: 'outAmount' },
    ]);
  });

  it('三公: 合计 and 公务用车 = 购置 + 运行, per source column', () => {
    const findings = findingsAfter((doc) => set(doc, 't10', 'vehiclePurchase', 'gpb', '1.00'));
    expect(byRule(findings, 't10-vehicle').map((f) => f.id)).toEqual(['t10-vehicle:vehicle:gpb']);
    expect(byRule(findings, 't10-row').map((f) => f.cells[0])).toEqual([{ table: 't10', row: 'vehiclePurchase', col: 'total' }]);
  });

  it('code checks: structure, parent present, duplicates, names of the year', () => {
    const findings = findingsAfter((doc) => {
      const rows = doc.tables.t3.rows;
      rows.splice(0, 0, { id: '2109901', code: '2109901', name: '其他卫生健康支出', values: {} });
      rows.splice(0, 0, { id: '2101', code: '2101', values: {} });
      row(doc, 't3', '2101501').name = '行政运行支出';
      doc.tables.t5.rows.splice(1, 0, { id: '208#2', code: '208', name: '社会保障和就业支出', values: {} });
    });
    expect(byRule(findings, 'codes-valid').map((f) => f.message)).toEqual(['表3 第 1 行：编码“2101”不是有效的功能分类科目编码（应为 3、5、7 位数字）']);
    expect(byRule(findings, 'codes-parent').map((f) => f.message)).toEqual(['表3 2109901 其他卫生健康支出：上级科目 21099 不在表中']);
    expect(byRule(findings, 'codes-unique').map((f) => f.cells[0])).toEqual([{ table: 't5', row: '208#2', col: 'lei' }]);
    const [name] = byRule(findings, 'codes-name');
    expect(name.severity).toBe('warning');
    expect(name.message).toContain('行政运行支出');
    expect(name.cells).toEqual([{ table: 't3', row: '2101501', col: 'name' }]);
  });

  it('a stale 类 name in the fixed 支出 list of a set is a 提示 (文化体育与传媒 → 文化旅游体育与传媒)', () => {
    const stale = structuredClone(SET);
    const t1 = stale.tables.find((t) => t.id === 't1')!;
    if (t1.rows.kind === 'sideBySide') t1.rows.sides[1].find((r) => r.id === 'c207')!.label = '207 文化体育与传媒支出';
    const findings = createRuleEngine(stale, reference2024()).findings().filter((f) => f.rule === 'codes-name');
    expect(findings.map((f) => [f.severity, f.cells[0]])).toEqual([['warning', { table: 't1', row: 'c207', col: 'outLabel' }]]);
    expect(findings[0].message).toContain('文化旅游体育与传媒支出');
  });

  it('a name is judged again on a full check only when it, its code or the year\'s list changed', () => {
    const doc = reference2024();
    const book = CodeBook.builtin();
    const engine = createRuleEngine(SET, doc, { codeBook: book });
    const names = () => byRule(engine.checkAll(), 'codes-name').map((f) => `${f.cells[0].table}/${f.cells[0].row}`);
    expect(names()).toEqual([]);
    const r = row(doc, 't3', '2101501');
    const printed = r.name;
    r.name = '行政运行支出';
    expect(names()).toEqual(['t3/2101501']);
    expect(names()).toEqual(['t3/2101501']);
    r.name = printed;
    expect(names()).toEqual([]);
    r.name = '行政运行支出';
    expect(names()).toEqual(['t3/2101501']);
    // The officer's list of the year now calls it so: the verdict follows the book, not the remembered one (the
    // other tables' rows still print the old name).
    book.learn('functional', '2101501', '行政运行支出', doc.meta.year);
    const after = names();
    expect(after).not.toContain('t3/2101501');
    expect(after.length).toBeGreaterThan(0);
  });

  it('negative amounts are 提示', () => {
    const findings = findingsAfter((doc) => set(doc, 't10', 'abroad', 'soe', '-1.00'));
    const [f] = byRule(findings, 'amounts-negative');
    expect(f).toMatchObject({ severity: 'warning', message: '表10 因公出国（境）费：国有资本经营预算 -1.00 为负数，请确认' });
  });
});

describe('表7 with 科目 group rows', () => {
  it('sums projects only (group rows are not counted twice) and checks each group row', () => {
    const doc = reference2024();
    const groups = ['210', '21012', '2101202', '21013', '2101399', '21015', '2101506'];
    doc.tables.t7.rows.unshift(...groups.map((code) => ({ id: code, code, values: {} })));
    withDerived(doc);
    expect(createRuleEngine(SET, doc).findings().map((f) => f.rule)).toEqual(['econ-func-30110']);
    set(doc, 't7', '2101399', 'total', '30.00');
    const findings = createRuleEngine(SET, doc).findings();
    expect(byRule(findings, 't7-groups').map((f) => f.message)).toEqual([
      '表7 21013：金额 32.00 ≠ 下级科目金额之和 30.00，相差 2.00',
      '表7 2101399：金额 30.00 ≠ 下级科目金额之和 32.00，相差 2.00',
    ]);
    expect(byRule(findings, 't7-total')).toEqual([]);
  });
});

describe('across tables (表间)', () => {
  const cases: [string, (doc: BudgetDocument) => void, string, { table: string; row: string; col: string }][] = [
    ['表1 支出 per 类 = 表3 类 合计', (d) => set(d, 't1', 'c210', 'outAmount', '700.00'), 'x-t1-t3-class', { table: 't1', row: 'c210', col: 'outAmount' }],
    ['表1 收入总计 = 表2 合计 总计', (d) => set(d, 't1', 'inTotal', 'inAmount', '800.00'), 'x-t1-t2-total', { table: 't1', row: 'inTotal', col: 'inAmount' }],
    ['表1 income item = 表2 column total', (d) => set(d, 't1', 'gpbTransfer', 'inAmount', '20.00'), 'x-t1-t2-gpbTransfer', { table: 't1', row: 'gpbTransfer', col: 'inAmount' }],
    ['表2 per code row 总计 = 表3 合计', (d) => set(d, 't2', '2210201', 'total', '30.00'), 'x-t2-t3-row', { table: 't2', row: '2210201', col: 'total' }],
    ['表4 一般公共预算 per 类 = 表5 类 合计', (d) => set(d, 't4', 'c221', 'gpb', '31.00'), 'x-t4-t5-class', { table: 't4', row: 'c221', col: 'gpb' }],
    ['表4 收入 = 表1 财政拨款', (d) => set(d, 't4', 'gpb', 'inAmount', '800.00'), 'x-t4-t1-gpb', { table: 't4', row: 'gpb', col: 'inAmount' }],
    ['表5 ≤ 表3 per row', (d) => set(d, 't5', '2210201', 'basic', '31.00'), 'x-t5-t3', { table: 't5', row: '2210201', col: 'basic' }],
    ['表5 基本支出 合计 = 表6 合计', (d) => set(d, 't6', 'total', 'total', '400.00'), 'x-t5-t6', { table: 't5', row: 'total', col: 'basic' }],
    ['表5 项目支出 合计 = 表7 合计', (d) => set(d, 't7', 'total', 'total', '400.00'), 'x-t5-t7', { table: 't5', row: 'total', col: 'project' }],
    ['表5 项目支出 per 项 = 表7 projects of that code', (d) => set(d, 't7', 'p2', 'total', '12.00'), 'x-t5-t7-code', { table: 't5', row: '2101399', col: 'project' }],
    ['三公 公务接待费 ≥ 表6 30217', (d) => set(d, 't6', '30217', 'total', '0.50'), 'x-t10-reception', { table: 't10', row: 'reception', col: 'gpb' }],
    ['三公 公务用车运行费 ≥ 表6 30231', (d) => set(d, 't10', 'vehicleOperation', 'gpb', '0.50'), 'x-t10-vehicle', { table: 't10', row: 'vehicleOperation', col: 'gpb' }],
    ['30108 = 2080505', (d) => set(d, 't6', '30108', 'total', '39.00'), 'econ-func-30108', { table: 't6', row: '30108', col: 'total' }],
    ['30302 ≈ 2080501 + 2080502', (d) => set(d, 't5', '2080501', 'basic', '0.80'), 'econ-func-30302', { table: 't6', row: '30302', col: 'total' }],
    ['表11 合计 = 表1 二、上年结转结余', (d) => set(d, 't1', 'carryover', 'inAmount', '5.00'), 'x-t11-t1', { table: 't11', row: 'total', col: 'total' }],
  ];
  it.each(cases)('%s', (_name, change, rule, cell) => {
    const found = byRule(findingsAfter(change), rule);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].cells[0]).toEqual(cell);
    expect(found[0].scope).toBe('表间');
  });

  it('提示 rules stay 提示', () => {
    expect(byRule(findingsAfter((d) => set(d, 't6', '30217', 'total', '0.50')), 'x-t10-reception')[0].message).toBe(
      '表10 公务接待费：一般公共预算 0.09 < 表6 30217 公务接待费 合计 0.50，相差 0.41',
    );
  });
});

describe('findings order and printed shape', () => {
  it('sorts errors first, then by table and row, and prints table numbers, codes and header labels', () => {
    const doc = reference2024();
    set(doc, 't3', '2101501', 'total', '139.28');
    set(doc, 't1', 'c210', 'outAmount', '700.00');
    const findings = createRuleEngine(SET, doc).findings();
    const severities = findings.map((f) => f.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
    expect(findings[0].cells[0].table).toBe('t1');
    const printed = toPrintedFindings(findings, SET, doc);
    const t3row = printed.find((p) => p.rule === 't3-row')!;
    expect(t3row.cells).toEqual([
      { table: '表3', row: '2101501', column: '合计' },
      { table: '表3', row: '2101501', column: '基本支出' },
      { table: '表3', row: '2101501', column: '项目支出' },
    ]);
    expect(printed.find((p) => p.rule === 'x-t1-t3-class')!.cells[0]).toEqual({ table: '表1', row: '210', column: '预算数' });
    expect(printed.find((p) => p.rule === 't3-subtotals')!.cells[0]).toEqual({ table: '表3', row: '21015', column: '合计' });
    const total = reference2024();
    set(total, 't3', 'total', 'basic', '1.00');
    const [t] = toPrintedFindings(createRuleEngine(SET, total).findings().filter((f) => f.rule === 't3-total'), SET, total);
    expect(t.cells[0]).toEqual({ table: '表3', row: '合计', column: '基本支出' });
  });
});

describe('表5 against 表2 一般公共预算 income (表5 = 表3 when all money is 一般公共预算)', () => {
  it('is silent on the sample and names the 表5 cell when 表2 gpb moves to another source', async () => {
    const { createSampleDocument } = await import('../sample/sample-inputs');
    const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
    const doc = createSampleDocument();
    expect(createRuleEngine(set, doc).checkAll().filter((f) => f.rule === 'x-t5-t2-gpb')).toEqual([]);
    const row = doc.tables.t2.rows.find((r) => r.id === '2101501')!;
    row.values.unitFunds = 1000;
    row.values.gpb -= 1000;
    const hit = createRuleEngine(set, doc).checkAll().filter((f) => f.rule === 'x-t5-t2-gpb');
    expect(hit.map((f) => [f.severity, f.cells[0].table, f.cells[0].row])).toContainEqual(['warning', 't5', '2101501']);
  });
});

describe('code names against a book that learns', () => {
  it('a list imported after the first check is used by the next full check (names memoised per book revision)', async () => {
    const { CodeBook } = await import('../codes/code-book');
    const book = new CodeBook();
    const doc = reference2024();
    const engine = createRuleEngine(SET, doc, { codeBook: book });
    const named = () => engine.checkAll().filter((f) => f.message.includes('2101101') && f.message.includes('名称'));
    expect(named()).toEqual([]);
    book.learn('functional', '2101101', '行政单位医疗（新名称）', doc.meta.year);
    expect(named().length).toBeGreaterThan(0);
  });
});
