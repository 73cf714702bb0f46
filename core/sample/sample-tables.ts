import { amount } from '../amount/amount';
import { CodeBook, type Classification } from '../codes/code-book';
import { nonZero } from './sample-rows';
import { sampleSet, sampleTables, type SampleLine } from './sample-builder';
import { createDocument } from '../document/create';
import type { DocumentMeta, RowData, TableData } from '../document/document';
import { deriveTable } from '../template/derive';

/**
 * The tables of the built-in sample: 若羌县医疗保障局 2024 部门预算 (the 2024 reference release), as a complete
 * and consistent document of set xj-dept-2024-11. Only the printed leaf figures are written here; every 类/款,
 * 合计, column formula and the 表1/表4 支出 side are derived, so the sample holds by construction. 表7 is rebuilt
 * from the release's project list (the release did not print it); 表8/9/11 are empty as in the release.
 */

export const SAMPLE_SET_ID = 'xj-dept-2024-11';
const YEAR = 2024;

export function createSampleMeta(): DocumentMeta {
  return {
    unitName: '若羌县医疗保障局',
    compiler: '若羌县医疗保障局',
    entityKind: '部门',
    year: YEAR,
    templateId: SAMPLE_SET_ID,
    amountUnit: '万元',
    date: '2024-02-18',
    region: '新疆维吾尔自治区巴音郭楞蒙古自治州',
    unitType: '行政',
    // The release writes sentence figures in their shortest form (824.5万元); the sample keeps matching it.
    textAmountStyle: 'minimal',
  };
}

/** 项-level functional rows of 表2: [code, 一般公共预算, 上级一般公共预算安排的转移支付]. */
const INCOME: [string, string, string][] = [
  ['2080501', '0.86', ''],
  ['2080505', '39.14', ''],
  ['2080506', '19.57', ''],
  ['2101101', '7.55', ''],
  ['2101102', '10.10', ''],
  ['2101103', '3.51', ''],
  ['2101202', '383.70', ''],
  ['2101399', '10.00', '22.00'],
  ['2101501', '138.64', ''],
  ['2101506', '', '3.00'],
  ['2101550', '156.19', ''],
  ['2210201', '30.24', ''],
];

/** 项-level rows of 表3 and 表5 (all money is 一般公共预算): [code, 基本支出, 项目支出]. */
const SPENDING: [string, string, string][] = [
  ['2080501', '0.86', ''],
  ['2080505', '39.14', ''],
  ['2080506', '19.57', ''],
  ['2101101', '7.55', ''],
  ['2101102', '10.10', ''],
  ['2101103', '3.51', ''],
  ['2101202', '', '383.70'],
  ['2101399', '', '32.00'],
  ['2101501', '138.64', ''],
  ['2101506', '', '3.00'],
  ['2101550', '156.19', ''],
  ['2210201', '30.24', ''],
];

/** 款-level economic rows of 表6: [code, 人员经费, 公用经费]. */
const BASIC: [string, string, string][] = [
  ['30101', '79.34', ''],
  ['30102', '160.29', ''],
  ['30103', '19.04', ''],
  ['30108', '39.14', ''],
  ['30109', '19.57', ''],
  ['30110', '17.68', ''],
  ['30111', '3.51', ''],
  ['30112', '6.52', ''],
  ['30113', '30.24', ''],
  ['30199', '14.48', ''],
  ['30201', '', '3.19'],
  ['30205', '', '0.16'],
  ['30206', '', '0.15'],
  ['30207', '', '1.50'],
  ['30208', '', '1.26'],
  ['30211', '', '3.00'],
  ['30216', '', '1.17'],
  ['30217', '', '0.09'],
  ['30228', '', '1.56'],
  ['30229', '', '1.40'],
  ['30231', '', '0.84'],
  ['30302', '0.86', ''],
  ['30305', '0.81', ''],
];

/** The release's project list (第三部分 七): [functional 项 code, 项目名称, 金额]. */
export const SAMPLE_PROJECTS: [string, string, string][] = [
  ['2101202', '城乡居民基本医疗保险', '383.70'],
  ['2101399', '人身意外伤害保险县级补助资金', '10.00'],
  ['2101399', '2024年专项资金/巴财社[2023]79号-2024年自治区人身意外伤害保险补助资金', '22.00'],
  ['2101506', '2024年专项资金/巴财社[2023]80号-2024年自治区财政全民参保及医疗服务经费补助资金', '3.00'],
];

export function createSampleTables(): Record<string, TableData> {
  const set = sampleSet(SAMPLE_SET_ID);
  const book = CodeBook.builtin();
  const tables = createDocument(set).tables;
  const { def, coded, set1, totals, derive } = sampleTables(set, tables, (code) => codeName(book, 'functional', code));
  const lines = (rows: [string, string, string][], cols: [string, string]) => rows.map(([code, a, b]): SampleLine => [code, { [cols[0]]: a, [cols[1]]: b }]);
  coded('t2', lines(INCOME, ['gpb', 'gpbTransfer']), [3, 5]);
  coded('t3', lines(SPENDING, ['basic', 'project']), [3, 5]);
  coded('t5', lines(SPENDING, ['basic', 'project']), [3, 5]);
  coded('t6', lines(BASIC, ['personnel', 'public']), [3], (code) => codeName(book, 'economic', code));

  const t7Rows: RowData[] = SAMPLE_PROJECTS.map(([code, name, total], i) => ({ id: `p${i + 1}`, code, name, values: nonZero({ total }) }));
  tables.t7 = { rows: deriveTable(def('t7'), [...t7Rows, { id: 'total', values: {} }]) };

  // 表1 and 表4 are generated from the detail tables, as the officer's "generate from source" would.
  const t2Total = totals('t2');
  set1('t1', 'gpbOwn', { inAmount: t2Total.gpb ?? 0 });
  set1('t1', 'gpbTransfer', { inAmount: t2Total.gpbTransfer ?? 0 });
  set1('t4', 'gpb', { inAmount: (t2Total.gpb ?? 0) + (t2Total.gpbTransfer ?? 0) });
  for (const row of tables.t3.rows) {
    if (row.code?.length !== 3) continue;
    set1('t1', `c${row.code}`, { outAmount: row.values.total ?? 0 });
  }
  for (const row of tables.t5.rows) {
    if (row.code?.length !== 3) continue;
    set1('t4', `c${row.code}`, { gpb: row.values.total ?? 0 });
  }

  set1('t10', 'reception', { gpb: amount('0.09') });
  set1('t10', 'vehicleOperation', { gpb: amount('0.84') });

  derive(['t1', 't4', 't10']);
  return tables;
}

function codeName(book: CodeBook, classification: Classification, code: string): string {
  const name = book.name(classification, code, YEAR);
  if (name === undefined) throw new Error(`示例数据用到未知科目 ${code}`);
  return name;
}

