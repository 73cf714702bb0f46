import type { BudgetDocument } from '../document/document';
import { docFor, withDerived, withProjects, withRows } from '../testing/builders';
import { withSampleInputs } from '../sample/sample-inputs';

/**
 * The 2024 sample (若羌县医疗保障局) built from leaf figures with the shared builders, for the text, check and docx
 * tests. Only leaves are given; every subtotal is derived, as in the app.
 */
export function sampleDoc(): BudgetDocument {
  const doc = docFor('xj-dept-2024-11', {
    unitName: '若羌县医疗保障局', compiler: '若羌县医疗保障局', year: 2024, date: '2024-02-18', unitType: '行政',
    region: '新疆维吾尔自治区巴音郭楞蒙古自治州',
  });
  const items: [string, string, string, string][] = [
    // code, gpb (本级), gpbTransfer, basic|project
    ['2080501', '0.86', '', 'basic'],
    ['2080505', '39.14', '', 'basic'],
    ['2080506', '19.57', '', 'basic'],
    ['2101101', '7.55', '', 'basic'],
    ['2101102', '10.10', '', 'basic'],
    ['2101103', '3.51', '', 'basic'],
    ['2101202', '383.70', '', 'project'],
    ['2101399', '10.00', '22.00', 'project'],
    ['2101501', '138.64', '', 'basic'],
    ['2101506', '', '3.00', 'project'],
    ['2101550', '156.19', '', 'basic'],
    ['2210201', '30.24', '', 'basic'],
  ];
  const sum = (x: string, y: string) => ((Number(x || 0) * 100 + Number(y || 0) * 100) / 100).toFixed(2);
  withRows(doc, 't2', items.map(([c, g, t]) => [c, { gpb: g || '0', gpbTransfer: t || '0' }]));
  for (const t of ['t3', 't5']) withRows(doc, t, items.map(([c, g, tr, k]) => [c, { [k]: sum(g, tr) }]));
  withRows(doc, 't6', [
    ['30101', { personnel: '79.34' }], ['30102', { personnel: '160.29' }], ['30103', { personnel: '19.04' }],
    ['30108', { personnel: '39.14' }], ['30109', { personnel: '19.57' }], ['30110', { personnel: '17.68' }],
    ['30111', { personnel: '3.51' }], ['30112', { personnel: '6.52' }], ['30113', { personnel: '30.24' }],
    ['30199', { personnel: '14.48' }],
    ['30201', { public: '3.19' }], ['30205', { public: '0.16' }], ['30206', { public: '0.15' }], ['30207', { public: '1.50' }],
    ['30208', { public: '1.26' }], ['30211', { public: '3.00' }], ['30216', { public: '1.17' }], ['30217', { public: '0.09' }],
    ['30228', { public: '1.56' }], ['30229', { public: '1.40' }], ['30231', { public: '0.84' }],
    ['30302', { personnel: '0.86' }], ['30305', { personnel: '0.81' }],
  ]);
  for (const [c] of [['301'], ['302'], ['303']]) withRows(doc, 't6', [[c, {}]]);
  for (const c of ['208', '20805', '210', '21011', '21012', '21013', '21015', '221', '22102']) {
    for (const t of ['t2', 't3', 't5']) withRows(doc, t, [[c, {}]]);
  }
  withProjects(doc, 't7', [
    ['2101202', '城乡居民基本医疗保险', { total: '383.70' }],
    ['2101399', '人身意外伤害保险县级补助资金', { total: '10.00' }],
    ['2101399', '2024年专项资金/巴财社[2023]79号-2024年自治区人身意外伤害保险补助资金', { total: '22.00' }],
    ['2101506', '2024年专项资金/巴财社[2023]80号-2024年自治区财政全民参保及医疗服务经费补助资金', { total: '3.00' }],
  ]);
  withRows(doc, 't1', [['gpbOwn', { inAmount: '799.50' }], ['gpbTransfer', { inAmount: '25.00' }],
    ['c208', { outAmount: '59.57' }], ['c210', { outAmount: '734.69' }], ['c221', { outAmount: '30.24' }]]);
  withRows(doc, 't4', [['gpb', { inAmount: '824.50' }],
    ['c208', { gpb: '59.57' }], ['c210', { gpb: '734.69' }], ['c221', { gpb: '30.24' }]]);
  withRows(doc, 't10', [['reception', { gpb: '0.09' }], ['vehicleOperation', { gpb: '0.84' }]]);
  withDerived(doc);
  return withSampleInputs(doc);
}
