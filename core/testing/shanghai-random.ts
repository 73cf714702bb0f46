import type { BudgetDocument } from '../document/document';
import { generateFiscalOverview, generateOverview } from '../derive/generate';
import type { TemplateSet } from '../template/template.schema';
import { docFor, setFor, withDerived, withRows, type AmountStrings } from './builders';
import { seededRandom } from './random';

export const SHANGHAI_SET_ID = 'sh-dept-2025-9';

export function shanghaiSet(): TemplateSet {
  return setFor(SHANGHAI_SET_ID);
}

// No 养老/医疗/住房公积金 项 (2080505, 21011x, 2210201): their 基本支出 is checked against economic 30108/30110/30113, which
// these 表8 rows do not split out.
const ITEMS = ['2013101', '2013102', '2013150', '2013199', '2070101', '2070199', '2240101'];

/**
 * A random consistent document of the Shanghai-style set (amounts in 元): 项 rows with 基本/项目支出 in 表3 and 表5,
 * their 财政拨款 in 表2, 基本支出 split by economic 款 in 表8, 三公 with 机关运行经费 in 表9, 表1/表4 generated. Figures are
 * whole hundreds of 元 or any 分, so the 三公 table's 万元 print is exercised with and without rounding.
 */
export function randomShanghaiDocument(seed: number): BudgetDocument {
  const r = seededRandom(seed);
  const int = (max: number) => Math.floor(r() * (max + 1));
  const chance = (p: number) => r() < p;
  const amount = () => (chance(0.5) ? (int(5000) + 1) * 10_000 : int(50_000_000) + 1); // hundredths of 元
  const str = (hundredths: number) => (hundredths / 100).toFixed(2);
  const doc = docFor(SHANGHAI_SET_ID, { unitName: '测试区档案局', compiler: '测试区档案局', year: 2025, date: '2025-02-10' });
  const items = [...ITEMS].sort(() => r() - 0.5).slice(0, 1 + int(5)).sort();
  const rows = items.map((code) => {
    const kind = int(2);
    return { code, basic: kind !== 1 ? amount() : 0, project: kind !== 0 ? amount() : 0 };
  });
  const spec = (x: { basic: number; project: number }): AmountStrings => ({ basic: str(x.basic), project: str(x.project) });
  withRows(doc, 't3', rows.map((x): [string, AmountStrings] => [x.code, spec(x)]));
  withRows(doc, 't5', rows.map((x): [string, AmountStrings] => [x.code, spec(x)]));
  withRows(doc, 't2', rows.map((x): [string, AmountStrings] => [x.code, { fiscal: str(x.basic + x.project) }]));
  const parents = new Set(items.flatMap((c) => [c.slice(0, 3), c.slice(0, 5)]));
  for (const t of ['t2', 't3', 't5']) withRows(doc, t, [...parents].map((c): [string, AmountStrings] => [c, {}]));

  const basic = rows.reduce((a, x) => a + x.basic, 0);
  const personnel = int(basic);
  const [p1, u1] = [int(personnel), int(basic - personnel)];
  withRows(doc, 't8', ([
    ['30101', { personnel: str(p1) }], ['30102', { personnel: str(personnel - p1) }],
    ['30201', { public: str(u1) }], ['30211', { public: str(basic - personnel - u1) }],
  ] as [string, AmountStrings][]).filter(([, v]) => Object.values(v).some((s) => s !== '0.00')));
  withRows(doc, 't8', ['301', '302'].map((c): [string, AmountStrings] => [c, {}]));

  const small = () => (chance(0.5) ? (int(50) + 1) * 10_000 : int(5_000_000));
  withRows(doc, 't9', [['total', {
    abroad: str(chance(0.3) ? small() : 0), reception: str(chance(0.6) ? small() : 0),
    vehiclePurchase: str(chance(0.2) ? small() : 0), vehicleOperation: str(chance(0.6) ? small() : 0),
    // 机关运行经费 is the 公用经费 of 表8.
    operating: str(basic - personnel),
  }]]);
  const gpb = str(rows.reduce((a, x) => a + x.basic + x.project, 0));
  withRows(doc, 't1', [['gpb', { inAmount: gpb }]]);
  withRows(doc, 't4', [['gpb', { inAmount: gpb }]]);
  withDerived(doc);
  const template = shanghaiSet();
  for (const generate of [generateOverview, generateFiscalOverview]) {
    const g = generate(doc, template);
    if (!g.ok) throw new Error(g.message);
    g.command.apply(doc, { template });
  }
  return withDerived(doc);
}
