import type { BudgetDocument, RowData } from '../document/document';
import { generateFiscalOverview, generateOverview } from '../derive/generate';
import { CodeBook } from '../codes/code-book';
import { docFor, setFor, withDerived, withProjects, withRows, type AmountStrings } from './builders';

/**
 * Complete, consistent 2021 单位预算 documents (sets xj-unit-2021-9 and xj-unit-2021-9-econ) built from the figures
 * of the 2021 reference release (乌尔禾区医疗保障局): 表三/表五 项 rows, 表六 economic 款 rows and 表八 as printed;
 * 表二 is all 一般公共预算 (the release does not print it); 表七 lists three projects that add up to the 项目支出
 * of 表五, with a "注：" note of its own; 表一/表四 are generated from the detail tables as the officer's "generate"
 * would. 表九 is empty: its 空表 sentence is the template's, so the document stores no note for it (the release
 * printed exactly that sentence). The econ variant gives each project its economic-类 amounts, keeps the 类/款/项
 * subtotal rows above the projects, and has an empty 三公 table with a 备注 in the release's own words.
 */

export const UNIT_2021 = '乌尔禾区医疗保障局';

/** 项 rows of 表三/表五: [code, 基本支出, 项目支出]. */
const ITEMS: [string, string, string][] = [
  ['2080505', '2.70', ''],
  ['2089999', '', '71.15'],
  ['2101301', '', '0.50'],
  ['2101501', '46.45', ''],
  ['2101502', '', '1.49'],
];

/** 表六 款 rows: [code, 人员经费, 公用经费]. */
const BASIC: [string, string, string][] = [
  ['30101', '7.54', ''],
  ['30102', '13.03', ''],
  ['30103', '7.11', ''],
  ['30108', '2.70', ''],
  ['30110', '1.40', ''],
  ['30111', '0.34', ''],
  ['30112', '0.12', ''],
  ['30113', '4.97', ''],
  ['30201', '', '0.63'],
  ['30207', '', '1.12'],
  ['30211', '', '1.05'],
  ['30217', '', '1.00'],
  ['30228', '', '0.41'],
  ['30229', '', '0.57'],
  ['30231', '', '3.45'],
  ['30299', '', '0.19'],
  ['30305', '3.52', ''],
];

/** 表七 projects: [functional 项 code, 项目名称, amounts of the plain set, economic-类 amounts of the econ set]. */
const PROJECTS: [string, string, AmountStrings, AmountStrings][] = [
  ['2089999', '城乡居民基本医疗保险政府补助资金', { total: '71.15' }, { e303: '71.15' }],
  ['2101301', '城乡医疗救助资金', { total: '0.50' }, { e303: '0.50' }],
  ['2101502', '医保信息化建设项目', { total: '1.49' }, { e302: '1.20', e310: '0.29' }],
];

const PROJECTS_NOTE = '注：本表项目支出均为一般公共预算财政拨款安排，按支出功能分类科目列示到项级。';
const SANGONG_NOTE = `备注：${UNIT_2021}2021年没有使用一般公共预算拨款安排的“三公”经费支出，因此表八为空表。`;

export function unitDocument2021(setId: 'xj-unit-2021-9' | 'xj-unit-2021-9-econ'): BudgetDocument {
  const econ = setId === 'xj-unit-2021-9-econ';
  const doc = docFor(setId, { unitName: UNIT_2021, compiler: UNIT_2021, entityKind: '单位', year: 2021, date: '2021-03-01', unitType: '行政' });
  const items = ITEMS.map(([code, basic, project]): [string, AmountStrings] => [code, { basic, project }]);
  withRows(doc, 't3', items);
  withRows(doc, 't5', items);
  withRows(doc, 't2', ITEMS.map(([code, basic, project]) => [code, { gpb: sum(basic, project) }]));
  // Without a 三公 table, the 公务接待费/公务用车运行维护费 of 表六 are booked as 其他商品和服务支出.
  const basic = econ ? BASIC.filter(([c]) => c !== '30217' && c !== '30231').map((r): [string, string, string] => (r[0] === '30299' ? ['30299', '', '4.64'] : r)) : BASIC;
  withRows(doc, 't6', basic.map(([code, personnel, pub]) => [code, { personnel, public: pub }]));
  withParents(doc, ['t2', 't3', 't5', 't6']);
  if (econ) {
    withProjects(doc, 't7', PROJECTS.map(([code, name, , byClass]) => [code, name, byClass]));
    withProjectGroups(doc);
    doc.tables.t8.note = SANGONG_NOTE;
  } else {
    withProjects(doc, 't7', PROJECTS.map(([code, name, plain]) => [code, name, plain]));
    withRows(doc, 't8', [['total', { vehicleOperation: '3.45', reception: '1.00' }]]);
    doc.tables.t7.note = PROJECTS_NOTE;
  }
  withDerived(doc);
  const template = setFor(setId);
  for (const generate of [generateOverview, generateFiscalOverview]) {
    const r = generate(doc, template);
    if (!r.ok) throw new Error(r.message);
    r.command.apply(doc, { template });
  }
  return withDerived(doc);
}

function sum(a: string, b: string): string {
  return ((Math.round(Number(a || 0) * 100) + Math.round(Number(b || 0) * 100)) / 100).toFixed(2);
}

/** Adds the 类/款 rows of every 项/款 row (names from the known codes), as a printed table has them. */
function withParents(doc: BudgetDocument, tables: string[]): void {
  for (const tableId of tables) {
    const rows = doc.tables[tableId].rows;
    const levels = tableId === 't6' ? [3] : [3, 5];
    const parents = new Set<string>();
    for (const r of rows) if (r.code) for (const n of levels) if (r.code.length > n) parents.add(r.code.slice(0, n));
    withRows(doc, tableId, [...parents].filter((c) => !rows.some((r) => r.id === c)).map((c): [string, AmountStrings] => [c, {}]));
  }
}

/**
 * The 类/款/项 subtotal rows of 表七, each above its projects (values summed by withDerived): the rules hang
 * projects under the 项 row of their code, so a table with subtotal rows has all three levels.
 */
function withProjectGroups(doc: BudgetDocument): void {
  const book = CodeBook.builtin();
  const table = doc.tables.t7;
  const out: RowData[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    if (row.code && /^p\d+$/.test(row.id)) {
      for (const n of [3, 5, 7]) {
        const code = row.code.slice(0, n);
        if (seen.has(code)) continue;
        seen.add(code);
        const name = book.name('functional', code, 2021);
        out.push({ id: code, code, ...(name ? { name } : {}), values: {} });
      }
    }
    out.push(row);
  }
  table.rows = out;
}
