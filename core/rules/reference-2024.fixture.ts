import type { BudgetDocument } from '../document/document';
import { docFor, withDerived, withProjects, withRows, type RowSpec } from '../testing/builders';

/**
 * The figures of the 2024 reference release (若羌县医疗保障局 部门预算) as leaf rows; totals, 类/款 rows and the
 * fixed-row sums are derived. 表7 is rebuilt from the release's project list (383.70 + 10.00 + 22.00 + 3.00).
 * The rule tests load it to show the engine is silent on consistent data and finds the release's own 提示.
 */

/** 项 rows of 表3/表5: [code, 基本支出, 项目支出]. */
const FUNCTIONAL: [string, string, string][] = [
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

/** Money from the 上级转移支付 (表2): 2101399 22.00 and 2101506 3.00. */
const TRANSFER: Record<string, string> = { '2101399': '22.00', '2101506': '3.00' };

/** 表6 款 rows: [code, 人员经费, 公用经费]. */
const ECONOMIC: [string, string, string][] = [
  ['30101', '79.34', ''], ['30102', '160.29', ''], ['30103', '19.04', ''], ['30108', '39.14', ''], ['30109', '19.57', ''],
  ['30110', '17.68', ''], ['30111', '3.51', ''], ['30112', '6.52', ''], ['30113', '30.24', ''], ['30199', '14.48', ''],
  ['30201', '', '3.19'], ['30205', '', '0.16'], ['30206', '', '0.15'], ['30207', '', '1.50'], ['30208', '', '1.26'],
  ['30211', '', '3.00'], ['30216', '', '1.17'], ['30217', '', '0.09'], ['30228', '', '1.56'], ['30229', '', '1.40'],
  ['30231', '', '0.84'], ['30302', '0.86', ''], ['30305', '0.81', ''],
];

const PROJECTS: [string, string, string][] = [
  ['2101202', '城乡居民基本医疗保险财政补助', '383.70'],
  ['2101399', '医疗救助资金（本级）', '10.00'],
  ['2101399', '医疗救助资金（上级转移支付）', '22.00'],
  ['2101506', '医疗保障经办事务经费', '3.00'],
];

function parents(codes: string[], levels: number[]): string[] {
  const out = new Set<string>();
  for (const code of codes) for (const len of levels) out.add(code.slice(0, len));
  return [...out].sort();
}

export function reference2024(): BudgetDocument {
  const doc = docFor('xj-dept-2024-11');
  const functionalCodes = parents(FUNCTIONAL.map(([c]) => c), [3, 5, 7]);
  const leaf = new Map(FUNCTIONAL.map(([c, b, p]) => [c, { b, p }]));
  const spending = (code: string): RowSpec => [code, { basic: leaf.get(code)?.b || '0', project: leaf.get(code)?.p || '0' }];
  withRows(doc, 't3', functionalCodes.map(spending));
  withRows(doc, 't5', functionalCodes.map(spending));
  withRows(
    doc,
    't2',
    functionalCodes.map((code): RowSpec => {
      const l = leaf.get(code);
      if (!l) return [code, {}];
      const total = Number(l.b || 0) + Number(l.p || 0);
      const transfer = Number(TRANSFER[code] ?? 0);
      return [code, { gpb: (total - transfer).toFixed(2), gpbTransfer: transfer.toFixed(2) }];
    }),
  );
  const economicCodes = parents(ECONOMIC.map(([c]) => c), [3, 5]);
  const eco = new Map(ECONOMIC.map(([c, p, u]) => [c, { p, u }]));
  withRows(doc, 't6', economicCodes.map((code): RowSpec => [code, { personnel: eco.get(code)?.p || '0', public: eco.get(code)?.u || '0' }]));
  withProjects(doc, 't7', PROJECTS.map(([code, name, v]) => [code, name, { total: v }]));
  withRows(doc, 't10', [['reception', { gpb: '0.09' }], ['vehicleOperation', { gpb: '0.84' }]]);
  withRows(doc, 't1', [
    ['gpbOwn', { inAmount: '799.50' }], ['gpbTransfer', { inAmount: '25.00' }],
    ['c208', { outAmount: '59.57' }], ['c210', { outAmount: '734.69' }], ['c221', { outAmount: '30.24' }],
  ]);
  withRows(doc, 't4', [['gpb', { inAmount: '824.50' }], ['c208', { gpb: '59.57' }], ['c210', { gpb: '734.69' }], ['c221', { gpb: '30.24' }]]);
  return withDerived(doc);
}
