import { describe, expect, it } from 'vitest';
import type { RowData } from '../document/document';
import { formatImportReport, importXlsx as importWorkbook, reportCounts, type ImportXlsxResult } from './import-xlsx';
import type { ImportXlsxOptions } from './import-xlsx';
import { createRuleEngine } from '../rules/engine';
import { getBuiltinTemplateSet } from '../template/registry';
import { expenditureTable2024, workbookBytes, type TestCell, type TestTable } from './testing/workbook-builders';

/** Workbooks here print no year; the file name carries it, as officers' files usually do. */
const importXlsx = (bytes: Uint8Array, options: ImportXlsxOptions = {}) => importWorkbook(bytes, { fileName: '预算公开2024年.xlsx', ...options });

function ok(result: ImportXlsxResult) {
  if (!result.ok) throw new Error(result.message);
  return result;
}
const rowsOf = (r: ReturnType<typeof ok>, table: string): RowData[] => r.document.tables[table].rows;
const row = (r: ReturnType<typeof ok>, table: string, id: string) => rowsOf(r, table).find((x) => x.id === id);

/** 2021 layout: 项目/支出预算 groups, 类 | 款 | 项 on the third header row, a column-number row, 合计 on top. */
function expenditureTable2021(body: TestCell[][], title = '表三 单位支出总体情况表'): TestTable {
  return {
    top: [[title], ['编制部门：乌尔禾区医保局', null, null, null, null, null, '单位：万元']],
    header: [
      ['项目', '项目', '项目', '项目', '支出预算', '支出预算', '支出预算'],
      ['功能分类科目编码', '功能分类科目编码', '功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['类', '款', '项', null, null, null, null],
      ['**', '**', '**', '**', '1', '2', '3'],
    ],
    merges: ['A3:C3', 'E3:G3', 'A4:C4', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:G5'],
    body,
  };
}

/** A combined-code table (one code column, one name column) with a caller-chosen title. */
function combinedTable(title: string, body: TestCell[][], unit = '万元'): TestTable {
  return {
    top: [[title], ['编制部门：测试局', null, null, null, `单位：${unit}`]],
    header: [
      ['科目编码', '科目名称', '支出预算', '支出预算', '支出预算'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ],
    merges: ['A3:A4', 'B3:B4', 'C3:E3'],
    body,
  };
}

describe('import of workbooks laid out like the published tables', () => {
  it('reads split codes (2024), finds the table by its title on any sheet and detects the set', async () => {
    const bytes = await workbookBytes([
      { sheet: '封面', top: [['若羌县医疗保障局2024年部门预算公开表']], header: [], body: [] },
      expenditureTable2024(
        [
          ['208', null, null, '社会保障和就业支出', 59.57, 59.57, null],
          ['208', '05', null, '行政事业单位养老支出', 59.57, 59.57, null],
          ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 59.57, 59.57, null],
          [null, null, null, '合计', 59.57, 59.57, null],
        ],
        { sheet: '数据' },
      ),
    ]);
    const r = ok(await importXlsx(bytes));
    expect(r.report.templateId).toBe('xj-dept-2024-11');
    expect(r.report.templateDetected).toBe(true);
    expect(rowsOf(r, 't3').map((x) => x.id)).toEqual(['208', '20805', '2080505', 'total']);
    expect(row(r, 't3', '2080505')).toEqual({ id: '2080505', code: '2080505', name: '机关事业单位基本养老保险缴费支出', values: { total: 5957, basic: 5957 } });
    expect(r.document.meta.compiler).toBe('测试局');
    expect(r.document.meta.entityKind).toBe('部门');
    expect(r.report.tables[0]).toMatchObject({ table: 't3', sheet: '数据', titleCell: 'A2' });
    expect(r.report.notFound.map((t) => t.table)).toContain('t1');
  });

  it('reads the 2021 style: 类 blank on 款 rows, organisation rows kept as printed, column-number row skipped, 表三 numbering', async () => {
    const bytes = await workbookBytes([
      expenditureTable2021([
        [null, null, null, '合计', 122.29, 49.15, 73.14],
        [null, null, null, '医保局', 122.29, 49.15, 73.14],
        [null, null, null, '[040001]乌尔禾区医保局', 122.29, 49.15, 73.14],
        ['208', null, null, '社会保障和就业支出', 73.85, 2.7, 71.15],
        [null, '05', null, '行政事业单位养老支出', 2.7, 2.7, 0],
        ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 2.7, 2.7, 0],
        [null, '99', null, '其他社会保障和就业支出', 71.15, 0, 71.15],
        ['208', '99', '99', '其他社会保障和就业支出', 71.15, 0, 71.15],
        ['210', null, null, '卫生健康支出', 48.44, 46.45, 1.99],
        [null, '13', null, '医疗救助', 0.5, 0, 0.5],
        ['210', '13', '01', '城乡医疗救助', 0.5, 0, 0.5],
        [null, '15', null, '医疗保障管理事务', 47.94, 46.45, 1.49],
        ['210', '15', '01', '行政运行', 47.94, 46.45, 1.49],
      ]),
    ]);
    const r = ok(await importXlsx(bytes));
    expect(r.report.templateId).toMatch(/^xj-unit-2021-9/);
    expect(r.document.meta.entityKind).toBe('单位');
    expect(rowsOf(r, 't3').map((x) => x.id)).toEqual(['total', 'org1', 'org2', '208', '20805', '2080505', '20899', '2089999', '210', '21013', '2101301', '21015', '2101501']);
    expect(row(r, 't3', 'total')?.values).toEqual({ total: 12229, basic: 4915, project: 7314 });
    // 合计 / 部门 / 单位 as printed: the 部门 row holds its 单位, the 单位 row its codes.
    expect(row(r, 't3', 'org1')).toEqual({ id: 'org1', name: '医保局', org: 'department', values: { total: 12229, basic: 4915, project: 7314 } });
    expect(row(r, 't3', 'org2')).toMatchObject({ name: '[040001]乌尔禾区医保局', org: 'unit', unit: 'org1' });
    expect(rowsOf(r, 't3').filter((x) => x.code).every((x) => x.unit === 'org2')).toBe(true);
    expect(r.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads combined codes: "2080505", "208 05 05", "[2080505]名称" and 【040001】 organisation rows', async () => {
    const bytes = await workbookBytes([
      combinedTable('部门支出总体情况表', [
        ['合计', null, 30, 30, null],
        ['【040001】某某县医疗保障局', null, 30, 30, null],
        ['208', '社会保障和就业支出', 30, 30, null],
        ['208 05', '行政事业单位养老支出', 30, 30, null],
        ['2080505', '机关事业单位基本养老保险缴费支出', 10, 10, null],
        ['208 05 06', '机关事业单位职业年金缴费支出', 10, 10, null],
        ['[2080501]行政单位离退休', null, 10, 10, null],
      ]),
    ]);
    const r = ok(await importXlsx(bytes, { templateId: 'xj-dept-2024-11' }));
    // 合计 printed first is moved where the 2024 set prints it (last); the unit row keeps its printed name.
    expect(rowsOf(r, 't3').map((x) => x.id)).toEqual(['org1', '208', '20805', '2080505', '2080506', '2080501', 'total']);
    expect(row(r, 't3', '2080501')?.name).toBe('行政单位离退休');
    expect(r.report.templateDetected).toBe(false);
    expect(row(r, 't3', 'org1')).toMatchObject({ name: '【040001】某某县医疗保障局', org: 'unit', values: { total: 3000, basic: 3000 } });
  });

  it('reads amounts typed as text ("1,234.56"), blank and "-" as zero; 编制部门 and 单位 in one cell', async () => {
    const table = combinedTable('2024年部门支出总体情况表', [
        ['2101501', '行政运行', '1,234.56', '1,234.56', ''],
        ['2101502', '一般行政管理事务', ' 20.5 ', null, '20.50'],
        ['2101503', '机关服务', '-', '－', null],
      ]);
    table.top[1] = ['编制部门：测试局　　　　　　金额单位：万元'];
    const bytes = await workbookBytes([table]);
    const r = ok(await importXlsx(bytes));
    expect(r.document.meta.compiler).toBe('测试局');
    expect(row(r, 't3', '2101501')?.values).toEqual({ total: 123456, basic: 123456 });
    expect(row(r, 't3', '2101502')?.values).toEqual({ total: 2050, project: 2050 });
    expect(row(r, 't3', '2101503')?.values).toEqual({});
    expect(r.document.meta.year).toBe(2024);
  });

  it('reports a non-number in an amount cell and an unmappable column instead of guessing', async () => {
    const t = combinedTable('部门支出总体情况表', [
      ['2101501', '行政运行', 'abc', 10, null, 3],
      ['2101502', '一般行政管理事务', 5, 5, null, null],
    ]);
    t.header[0].push('其他');
    t.header[1].push('其他');
    const r = ok(await importXlsx(await workbookBytes([t]), { templateId: 'xj-dept-2024-11' }));
    const errors = r.report.issues.filter((i) => i.severity === 'error');
    expect(errors.some((e) => e.cell === 'C5' && e.message.includes('“abc”不是数字'))).toBe(true);
    expect(errors.some((e) => e.message.includes('“其他”列无法对应'))).toBe(true);
    expect(r.report.unmatched).toMatchObject([{ kind: 'column', table: 't3', label: '其他', sample: ['3'], cell: 'F4' }]);
    expect(row(r, 't3', '2101501')?.values).toEqual({ basic: 1000 });
    expect(row(r, 't3', '2101502')?.values).toEqual({ total: 500, basic: 500 });
    expect(reportCounts(r.report).errors).toBe(2);
    const text = formatImportReport(r.report, { t3: '表3 部门支出总体情况表' });
    expect(text).toContain('已导入 1 张表');
    expect(text).toContain('表3 部门支出总体情况表 ← 工作表“Sheet1”A1');
    expect(text).toContain('未找到 10 张表');
    expect(text).toContain('错误（2）');
    expect(text).toContain('共 2 处错误未导入');
  });

  it('adds the 类/款 rows a workbook leaves out, summed from their children, and says so', async () => {
    const bytes = await workbookBytes([
      combinedTable('部门支出总体情况表', [
        ['2080505', '机关事业单位基本养老保险缴费支出', 10, 10, null],
        ['2080506', '机关事业单位职业年金缴费支出', 5, 5, null],
        ['2101501', '行政运行', 20, 15, 5],
        ['合计', null, 35, 30, 5],
      ]),
    ]);
    const r = ok(await importXlsx(bytes, { templateId: 'xj-dept-2024-11' }));
    expect(rowsOf(r, 't3').map((x) => x.id)).toEqual(['208', '20805', '2080505', '2080506', '210', '21015', '2101501', 'total']);
    expect(row(r, 't3', '208')).toEqual({ id: '208', code: '208', name: '社会保障和就业支出', values: { total: 1500, basic: 1500 } });
    expect(row(r, 't3', '21015')?.values).toEqual({ total: 2000, basic: 1500, project: 500 });
    expect(r.report.issues.filter((i) => i.severity === 'warning')).toHaveLength(4);
  });

  it('sums a code that appears under several units of a department', async () => {
    const bytes = await workbookBytes([
      combinedTable('部门支出总体情况表', [
        ['合计', null, 30, 30, null],
        ['[040001]甲单位', null, 10, 10, null],
        ['2101501', '行政运行', 10, 10, null],
        ['[040002]乙单位', null, 20, 20, null],
        ['2101501', '行政运行', 20, 20, null],
      ]),
    ]);
    const r = ok(await importXlsx(bytes, { templateId: 'xj-dept-2024-11' }));
    expect(row(r, 't3', '2101501')?.values).toEqual({ total: 3000, basic: 3000 });
  });

  it('reads the side-by-side 表1 and the fixed-row 三公 table by their labels', async () => {
    const t1: TestTable = {
      top: [['表1'], ['部门收支总体情况表'], ['编制部门：若羌县医疗保障局', null, null, '单位：万元']],
      header: [['收 入', '收 入', '支 出', '支 出'], ['项 目', '预算数', '功能分类', '预算数']],
      merges: ['A4:B4', 'C4:D4'],
      body: [
        ['一、本年收入', '824.50', '201 一般公共服务支出', ''],
        ['1. 一般公共预算拨款', '824.50', '202 外交支出', ''],
        ['其中：一般财力', '799.50', '208 社会保障和就业支出', '59.57'],
        ['上级一般公共预算安排转移支付', '25.00', '210 卫生健康支出', '734.69'],
        [null, null, '221 住房保障支出', '30.24'],
        ['收 入 总 计', '824.50', '支 出 总 计', '824.50'],
      ],
    };
    const t10: TestTable = {
      top: [['表10'], ['财政拨款“三公”经费支出情况表'], ['编制部门：若羌县医疗保障局', null, null, null, '单位：万元']],
      header: [['“三公”经费支出内容', '合计', '资金来源', '资金来源', '资金来源'], [null, null, '一般公共预算', '政府性基金', '国有资本经营预算']],
      merges: ['A4:A5', 'B4:B5', 'C4:E4'],
      body: [
        ['合计', 0.93, 0.93, null, null],
        ['因公出国（境）费', null, null, null, null],
        ['公务接待费', 0.09, 0.09, null, null],
        ['公务用车购置及运行费（小计）', 0.84, 0.84, null, null],
        ['其中：公务用车购置费', null, null, null, null],
        ['公务用车运行费', 0.84, 0.84, null, null],
      ],
    };
    const r = ok(await importXlsx(await workbookBytes([t1, t10])));
    expect(r.report.templateId).toBe('xj-dept-2024-11');
    expect(row(r, 't1', 'gpbOwn')?.values).toEqual({ inAmount: 79950 });
    expect(row(r, 't1', 'c210')?.values).toEqual({ outAmount: 73469 });
    expect(row(r, 't1', 'inTotal')?.values).toEqual({ inAmount: 82450 });
    expect(row(r, 't1', 'outTotal')?.values).toEqual({ outAmount: 82450 });
    expect(row(r, 't10', 'vehicleOperation')?.values).toEqual({ total: 84, gpb: 84 });
    expect(row(r, 't10', 'total')?.values).toEqual({ total: 93, gpb: 93 });
    expect(r.report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('a department with two units: 部门 row, each 单位 row and its codes kept as printed, and checked', async () => {
    const bytes = await workbookBytes([
      combinedTable('2024年部门支出总体情况表', [
        ['合计', null, 40, 40, null],
        ['某某县卫生健康委员会', null, 40, 40, null],
        ['[101001]某某县卫生健康委员会本级', null, 30, 30, null],
        ['208', '社会保障和就业支出', 30, 30, null],
        ['20805', '行政事业单位养老支出', 30, 30, null],
        ['2080505', '机关事业单位基本养老保险缴费支出', 30, 30, null],
        ['[101002]某某县疾病预防控制中心', null, 10, 10, null],
        ['210', '卫生健康支出', 10, 10, null],
        ['21004', '公共卫生', 10, 10, null],
        ['2100401', '疾病预防控制机构', 10, 10, null],
      ]),
    ]);
    const r = ok(await importXlsx(bytes, { templateId: 'xj-dept-2024-11' }));
    const rows = rowsOf(r, 't3');
    expect(rows.map((x) => [x.id, x.org ?? '', x.unit ?? ''])).toEqual([
      ['org1', 'department', ''], ['org2', 'unit', 'org1'], ['208', '', 'org2'], ['20805', '', 'org2'], ['2080505', '', 'org2'],
      ['org3', 'unit', 'org1'], ['210', '', 'org3'], ['21004', '', 'org3'], ['2100401', '', 'org3'], ['total', '', ''],
    ]);
    const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
    const t3 = createRuleEngine(set, r.document).findings().filter((f) => f.cells.some((c) => c.table === 't3') && f.scope === '表内');
    expect(t3).toEqual([]);
  });

  it('converts 元 to 万元 with 舍位平衡 and lists every adjustment', async () => {
    // 10 040 + 10 045 + 10 030 元 = 30 115 元: rounded items 1.00 + 1.00 + 1.00 miss the 3.01 total by 0.01.
    const bytes = await workbookBytes([
      combinedTable(
        '部门支出总体情况表',
        [
          ['208', '社会保障和就业支出', 30115, 30115, null],
          ['20805', '行政事业单位养老支出', 30115, 30115, null],
          ['2080501', '行政单位离退休', 10040, 10040, null],
          ['2080505', '机关事业单位基本养老保险缴费支出', 10045, 10045, null],
          ['2080506', '机关事业单位职业年金缴费支出', 10030, 10030, null],
          ['合计', null, 30115, 30115, null],
        ],
        '元',
      ),
    ]);
    const r = ok(await importXlsx(bytes, { templateId: 'xj-dept-2024-11' }));
    expect(r.report.sourceUnit).toBe('元');
    expect(row(r, 't3', 'total')?.values).toEqual({ total: 301, basic: 301 });
    const leaves = ['2080501', '2080505', '2080506'].map((id) => row(r, 't3', id)?.values.total ?? 0);
    expect(leaves.reduce((a, b) => a + b, 0)).toBe(301);
    expect(r.report.rounding?.adjustments.map((a) => [a.row, a.col, a.rounded, a.adjusted])).toEqual([
      ['2080505', 'total', 100, 101],
      ['2080505', 'basic', 100, 101],
    ]);
  });

  it('in 元, a 部门/单位 row prints the sum of its rounded rows, like 合计', async () => {
    const bytes = await workbookBytes([
      combinedTable(
        '部门支出总体情况表',
        [
          ['合计', null, 30115, 30115, null],
          ['[040001]某某县医疗保障局', null, 30115, 30115, null],
          ['208', '社会保障和就业支出', 30115, 30115, null],
          ['20805', '行政事业单位养老支出', 30115, 30115, null],
          ['2080501', '行政单位离退休', 10040, 10040, null],
          ['2080505', '机关事业单位基本养老保险缴费支出', 10045, 10045, null],
          ['2080506', '机关事业单位职业年金缴费支出', 10030, 10030, null],
        ],
        '元',
      ),
    ]);
    const r = ok(await importXlsx(bytes, { templateId: 'xj-dept-2024-11' }));
    expect(row(r, 't3', 'total')?.values).toEqual({ total: 301, basic: 301 });
    expect(row(r, 't3', 'org1')?.values).toEqual({ total: 301, basic: 301 });
    expect(r.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('converts with --yuan even when the sheet does not say 元, and warns when it says 万元', async () => {
    const bytes = await workbookBytes([combinedTable('部门支出总体情况表', [['2101501', '行政运行', 12345678, 12345678, null]])]);
    const r = ok(await importXlsx(bytes, { yuan: true }));
    expect(row(r, 't3', '2101501')?.values).toEqual({ total: 123457, basic: 123457 }); // 1 234.5678 万元
    expect(r.report.issues.some((i) => i.severity === 'warning' && i.message.includes('单位：万元'))).toBe(true);
  });

  it('rounds 万元 cells that hold more decimals than they show with 舍位平衡, not one by one', async () => {
    const bytes = await workbookBytes([
      combinedTable('部门支出总体情况表', [
        ['2080501', '行政单位离退休', 1.004, 1.004, null],
        ['2080505', '机关事业单位基本养老保险缴费支出', 1.0045, 1.0045, null],
        ['2080506', '机关事业单位职业年金缴费支出', 1.003, 1.003, null],
        ['合计', null, 3.0115, 3.0115, null],
      ]),
    ]);
    const r = ok(await importXlsx(bytes, { templateId: 'xj-dept-2024-11' }));
    expect(r.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.report.issues.some((i) => i.severity === 'warning' && i.message.includes('超过两位小数'))).toBe(true);
    expect(row(r, 't3', 'total')?.values).toEqual({ total: 301, basic: 301 });
    expect(row(r, 't3', '2080505')?.values).toEqual({ total: 101, basic: 101 });
    expect(r.report.rounding?.adjustments).toHaveLength(2);
  });

  it('reads a project table (表7) into p1, p2 … under their 项 codes', async () => {
    const t7: TestTable = {
      top: [['表7'], ['一般公共预算项目支出情况表'], ['编制部门：测试局', null, null, null, '单位：万元']],
      header: [['功能分类科目编码', '功能分类科目编码', '功能分类科目编码', '项目名称', '金额'], ['类', '款', '项', null, null]],
      merges: ['A4:C4', 'D4:D5', 'E4:E5'],
      body: [
        ['210', '12', '02', '城乡居民医保财政补助', 383.7],
        ['210', '13', '99', '人身意外伤害保险县级补助资金', 10],
        [null, null, null, '合计', 393.7],
      ],
    };
    const r = ok(await importXlsx(await workbookBytes([t7]), { templateId: 'xj-dept-2024-11' }));
    expect(rowsOf(r, 't7')).toEqual([
      { id: 'p1', code: '2101202', name: '城乡居民医保财政补助', values: { total: 38370 } },
      { id: 'p2', code: '2101399', name: '人身意外伤害保险县级补助资金', values: { total: 1000 } },
      { id: 'total', values: { total: 39370 } },
    ]);
  });

  it('tells the 2021 表七 variant with economic 类 columns from the plain one', async () => {
    const econ = ['工资福利支出', '商品和服务支出', '对个人和家庭的补助', '债务利息及费用支出', '资本性支出（基本建设）', '资本性支出', '对企业补助（基本建设）', '对企业补助', '对社会保障基金补助', '其他支出'];
    const t7: TestTable = {
      top: [['表七'], ['一般公共预算项目支出情况表'], ['编制部门：乌尔禾区医保局']],
      header: [
        ['项目', '项目', '项目', '项目', '合计', ...econ.map(() => '支出经济分类')],
        ['功能分类科目编码', '功能分类科目编码', '功能分类科目编码', '项目名称', null, ...econ],
        ['类', '款', '项', null, null, ...econ.map(() => null)],
      ],
      body: [['210', '15', '01', '医保信息化项目', 1.49, null, 1.49]],
    };
    const r = ok(await importXlsx(await workbookBytes([t7])));
    expect(r.report.templateId).toBe('xj-unit-2021-9-econ');
    expect(rowsOf(r, 't7')[1]).toEqual({ id: 'p1', code: '2101501', name: '医保信息化项目', values: { total: 149, e302: 149 } });
  });

  it('reports a title found without a header below it (a 目录 line) when the table is nowhere else', async () => {
    const bytes = await workbookBytes([
      { sheet: '目录', top: [['目录'], ['一、部门收支总体情况表'], ['三、部门支出总体情况表']], header: [], body: [] },
      expenditureTable2024([['208', null, null, '社会保障和就业支出', 1, 1, null]], { sheet: '表3' }),
    ]);
    const r = ok(await importXlsx(bytes));
    expect(r.report.tables.map((t) => [t.table, t.sheet])).toEqual([['t3', '表3']]);
    const warning = r.report.issues.find((i) => i.table === 't1' && i.severity === 'warning');
    expect(warning).toMatchObject({ sheet: '目录', cell: 'A2' });
    expect(warning?.message).toContain('没有可识别的表头');
  });

  it('fails with a clear message when no table title is found', async () => {
    const r = await importXlsx(await workbookBytes([{ top: [['随便什么表']], header: [['a', 'b']], body: [[1, 2]] }]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('没有在工作簿中找到任何预算公开表');
  });

  it('refuses amount formulas without cached values', async () => {
    const bytes = await workbookBytes([
      combinedTable('部门支出总体情况表', [['2101501', '行政运行', { formula: 'D5+E5' }, 10, null]]),
    ]);
    const r = await importXlsx(bytes, { templateId: 'xj-dept-2024-11' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('没有保存计算结果');
  });

  it('accepts formulas with cached values', async () => {
    const bytes = await workbookBytes([
      combinedTable('部门支出总体情况表', [['2101501', '行政运行', { formula: 'D5+E5', result: 10 }, 10, null]]),
    ]);
    const r = ok(await importXlsx(bytes, { templateId: 'xj-dept-2024-11' }));
    expect(row(r, 't3', '2101501')?.values).toEqual({ total: 1000, basic: 1000 });
  });
});
