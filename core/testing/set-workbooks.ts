import { workbookBytes, type TestCell, type TestTable } from '../xlsx/testing/workbook-builders';

/**
 * Workbooks a bureau would hand over to propose a template set from: coded 支出 tables laid out as budget systems
 * print them (title, 编制单位 line with the unit, a group header over 合计/基本支出/项目支出).
 */

/** A coded 支出 table on a sheet of its own; `body` is the rows below the header, 合计 row included. */
export function spendingTable(sheet: string, title: string, body: TestCell[][], options: { unit?: string; group?: string } = {}): TestTable {
  const group = options.group ?? '支出预算';
  return {
    sheet,
    top: [[title], ['编制单位：某某局', '', '', '', `单位：${options.unit ?? '元'}`]],
    header: [['科目编码', '科目名称', group, '', ''], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']],
    merges: ['A3:A4', 'B3:B4', 'C3:E3'],
    body,
  };
}

/** Two tables that print the same columns over the same codes, one 项 of 10 元 each: the case cross-table proposals are for. */
export function twinSpendingWorkbook(): Promise<Uint8Array> {
  const body: TestCell[][] = [['2010101', '行政运行', 10, 10, ''], ['', '合计', 10, 10, '']];
  return workbookBytes([spendingTable('A', '部门支出预算表', body), spendingTable('B', '部门支出预算明细表', body)]);
}
