import type { BudgetDocument, JsonValue } from '../document/document';
import { generateFiscalOverview, generateOverview } from '../derive/generate';
import { INPUT, PRIOR, reasonKey, usageKey } from '../inputs/keys';
import type { AssetsInput, OverallPerformance, ProjectInput, ProjectPerformance } from '../inputs/schemas';
import { docFor, setFor, withDerived, withProjects, withRows, type AmountStrings, type RowSpec } from '../testing/builders';
import { incomeSources } from './generators/budget';
import { createContext } from './context';
import { seededRandom } from '../testing/random';
import { FINAL_SET_ID } from '../testing/final-random';
import { randomFinalDocumentWithTexts } from '../testing/final-random-texts';
import { SHANGHAI_SET_ID } from '../testing/shanghai-random';
import { randomShanghaiDocumentWithTexts } from '../testing/shanghai-random-texts';

/**
 * Random, consistent documents of a built-in set for the property tests of the generated text: every table adds up
 * (表2 = 表3 by function, 表5 = the 一般公共预算 part, 表6 = 表5 基本支出, 表7 = 表5 项目支出 per code, 表1/表4 generated
 * from them), last year's figures add up to last year's totals, and every input a check asks for is filled. One
 * seed gives one document. `blankProjectTotals` leaves the computed 合计 column of 表7 blank, as a budget system's
 * export of the economic-类 layout may.
 */

export const BUILTIN_SETS = ['xj-dept-2024-11', 'xj-unit-2021-9', 'xj-unit-2021-9-econ'] as const;
export type BuiltinSetId = (typeof BUILTIN_SETS)[number];

/**
 * Every built-in set with a generator of random documents whose inputs are all filled: the three Xinjiang sets
 * (below), the Shanghai-style set in 元 (core/testing/shanghai-random-texts.ts) and the 部门决算 set
 * (core/testing/final-random-texts.ts). The properties of the generated text hold for each of them.
 */
export const TEXT_PROPERTY_SETS = [...BUILTIN_SETS, SHANGHAI_SET_ID, FINAL_SET_ID] as const;
export type TextPropertySetId = (typeof TEXT_PROPERTY_SETS)[number];

/** A random consistent document of any of TEXT_PROPERTY_SETS with every input its text asks for. */
export function randomTextDocument(setId: TextPropertySetId, seed: number, options: RandomDocOptions = {}): BudgetDocument {
  if (setId === SHANGHAI_SET_ID) return randomShanghaiDocumentWithTexts(seed);
  if (setId === FINAL_SET_ID) return randomFinalDocumentWithTexts(seed);
  return randomDocument(setId, seed, options);
}

const ITEM_CODES = ['2080501', '2080505', '2080506', '2089999', '2101101', '2101102', '2101103', '2101202', '2101301', '2101399', '2101501', '2101502', '2101506', '2101550', '2210201'];
const PROJECT_NAMES = ['城乡居民医疗保险补助', '医疗救助资金', '信息化建设经费', '人身意外伤害保险补助', '医保经办服务经费', '基金监管专项经费'];


const str = (hundredths: number): string => (hundredths / 100).toFixed(2);

export interface RandomDocOptions {
  blankProjectTotals?: boolean;
  /**
   * How many 项 rows: by default 1–6 of the known codes; a count gives a unit of that size (a county's larger units
   * reach 300 rows a table), its 项 made up under real 类, ten to a 款, so they cannot meet a known code's name.
   */
  items?: number;
}

/** 类 with no rule of their own (not a fund, state capital or reserve 类) to put made-up 款/项 under. */
const PLAIN_CLASSES = ['201', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '221', '224'];

/** `count` made-up 项 codes with names, ten per 款 (款 51…55), five 款 per 类, 类 picked at random. */
function madeUpItems(count: number, r: () => number): { codes: string[]; names: Map<string, string> } {
  const classes = [...PLAIN_CLASSES].sort(() => r() - 0.5).slice(0, Math.ceil(count / 50)).sort();
  const codes: string[] = [];
  const names = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const kuan = `${classes[Math.floor(i / 50)]!}${51 + (Math.floor(i / 10) % 5)}`;
    const item = `${kuan}${String((i % 10) + 1).padStart(2, '0')}`;
    names.set(kuan, `款级科目${kuan}`);
    names.set(item, `项级科目${item}`);
    codes.push(item);
  }
  return { codes, names };
}

export function randomDocument(setId: BuiltinSetId, seed: number, options: RandomDocOptions = {}): BudgetDocument {
  const r = seededRandom(seed);
  const int = (max: number) => Math.floor(r() * (max + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length - 1)];
  const chance = (p: number) => r() < p;
  const amount = () => (chance(0.15) ? int(99) + 1 : int(300000) + 1);
  const split = (total: number) => { const a = int(total); return [a, total - a] as const; };

  const year = setId === 'xj-dept-2024-11' ? 2024 : 2021;
  const dept = setId === 'xj-dept-2024-11';
  const unitType = chance(0.2) ? '事业' : '行政';
  const doc = docFor(setId, { unitName: '测试医疗保障局', compiler: '测试医保局', year, date: `${year}-03-01`, unitType });
  if (chance(0.5)) doc.meta.textAmountStyle = 'minimal';

  const pool = [...ITEM_CODES].sort(() => r() - 0.5);
  const madeUp = options.items === undefined ? undefined : madeUpItems(options.items, r);
  const items = madeUp ? madeUp.codes : pool.slice(0, 1 + int(5)).sort();
  const gone = chance(0.5) ? pool.slice(6, 6 + 1 + int(1)) : [];
  const rows = items.map((code) => {
    const kind = int(2); // 0 basic, 1 project, 2 both
    const basic = kind !== 1 ? amount() : 0;
    const project = kind !== 0 ? amount() : 0;
    const other = chance(0.2) ? amount() : 0; // 基本支出 paid from the unit's own funds (表3 only)
    return { code, basic, project, other };
  });

  // 表2/表3/表5: the 一般公共预算 part in 表5, the unit's own funds only in 表2/表3.
  const otherColumn = dept ? 'unitFunds' : 'businessIncome';
  const name = (code: string) => madeUp?.names.get(code);
  withRows(doc, 't3', rows.map((x): RowSpec => [x.code, { basic: str(x.basic + x.other), project: str(x.project) }, name(x.code)]));
  withRows(doc, 't5', rows.filter((x) => x.basic + x.project > 0).map((x): RowSpec => [x.code, { basic: str(x.basic), project: str(x.project) }, name(x.code)]));
  withRows(doc, 't2', rows.map((x): RowSpec => {
    const [own, transfer] = dept && chance(0.3) ? split(x.basic + x.project) : [x.basic + x.project, 0];
    return [x.code, dept ? { gpb: str(own), gpbTransfer: str(transfer), [otherColumn]: str(x.other) } : { gpb: str(own), [otherColumn]: str(x.other) }, name(x.code)];
  }));
  withParents(doc, ['t2', 't3', 't5'], [3, 5], name);

  // 表6: 基本支出 by economic 款, personnel and public.
  const basicTotal = rows.reduce((s, x) => s + x.basic, 0);
  const [personnel, pub] = split(basicTotal);
  const [p1, p2] = split(personnel);
  const [u1, u2] = split(pub);
  withRows(doc, 't6', [['30101', { personnel: str(p1) }], ['30102', { personnel: str(p2) }], ['30201', { public: str(u1) }], ['30211', { public: str(u2) }]]
    .filter(([, v]) => Object.values(v).some((s) => s !== '0.00')) as [string, AmountStrings][]);
  withParents(doc, ['t6'], [3], () => undefined);

  // 表7: one or two projects per 项 with 项目支出.
  const econ = setId === 'xj-unit-2021-9-econ';
  const projects: [string, string, AmountStrings][] = [];
  for (const x of rows.filter((y) => y.project > 0)) {
    const parts = chance(0.4) && x.project > 1 ? split(x.project).filter((v) => v > 0) : [x.project];
    for (const v of parts) {
      const name = `${pick(PROJECT_NAMES)}${projects.length + 1}号`;
      if (!econ) projects.push([x.code, name, { total: str(v) }]);
      else {
        const [e302, rest] = split(v);
        const [e303, e310] = split(rest);
        projects.push([x.code, name, { e302: str(e302), e303: str(e303), e310: str(e310) }]);
      }
    }
  }
  withProjects(doc, 't7', projects);

  // 三公, paid from 一般公共预算.
  const sangong = { abroad: chance(0.3) ? amount() : 0, vehiclePurchase: chance(0.3) ? amount() : 0, vehicleOperation: chance(0.6) ? amount() : 0, reception: chance(0.6) ? amount() : 0 };
  if (dept) withRows(doc, 't10', Object.entries(sangong).map(([id, v]): [string, AmountStrings] => [id, { gpb: str(v) }]));
  else withRows(doc, 't8', [['total', Object.fromEntries(Object.entries(sangong).map(([k, v]) => [k, str(v)]))]]);

  withDerived(doc);
  const template = setFor(setId);
  for (const generate of [generateOverview, generateFiscalOverview]) {
    const g = generate(doc, template);
    if (!g.ok) throw new Error(g.message);
    g.command.apply(doc, { template });
  }
  // 表1 prints 单位资金 as the sum of its kinds, which the overview cannot tell apart: the officer states the kind.
  const own = rows.reduce((s, x) => s + x.other, 0);
  if (dept && own) withRows(doc, 't1', [['otherIncome', { inAmount: str(own) }]]);
  withDerived(doc);
  if (options.blankProjectTotals) for (const row of doc.tables.t7.rows) delete row.values.total;
  for (const t of template.tables) {
    const data = doc.tables[t.id];
    const empty = data.rows.every((x) => Object.values(x.values).every((v) => v === 0));
    if (empty && !t.emptyNote) data.note = `备注：${doc.meta.unitName}${year}年${t.title.replace('{主体}', '单位')}为空表。`;
  }

  // Last year's figures: 项 items (some equal, some absent, some gone this year), totals that add up.
  const prior: Record<string, number> = {};
  const put = (key: string, v: number) => { if (v !== 0) prior[key] = v; };
  let gpbPrior = 0;
  for (const x of rows) {
    const now = x.basic + x.project;
    const v = chance(0.2) ? 0 : chance(0.2) ? now : amount();
    put(PRIOR.item(x.code), v);
    gpbPrior += v;
  }
  for (const code of gone) {
    const v = amount();
    put(PRIOR.item(code), v);
    gpbPrior += v;
  }
  const [gpbBasicPrior, gpbProjectPrior] = split(gpbPrior);
  const otherPrior = chance(0.5) ? int(5000) : 0;
  put(PRIOR.gpb('basic'), gpbBasicPrior);
  put(PRIOR.gpb('project'), gpbProjectPrior);
  put(PRIOR.gpb('total'), gpbPrior);
  put(PRIOR.expenditure('basic'), gpbBasicPrior + otherPrior);
  put(PRIOR.expenditure('project'), gpbProjectPrior);
  put(PRIOR.expenditure('total'), gpbPrior + otherPrior);
  put(PRIOR.income('gpb'), gpbPrior);
  put(PRIOR.income(otherColumn), otherPrior);
  put(PRIOR.income('total'), gpbPrior + otherPrior);
  const sgPrior = Object.fromEntries(Object.keys(sangong).map((k) => [k, chance(0.5) ? int(2000) : 0]));
  for (const [k, v] of Object.entries(sgPrior)) put(PRIOR.sangong(k), v);
  put(PRIOR.sangong('vehicle'), sgPrior.vehiclePurchase + sgPrior.vehicleOperation);
  put(PRIOR.sangong('total'), Object.values(sgPrior).reduce((a, b) => a + b, 0));
  put(PRIOR.operating, int(3000));
  doc.priorYear = prior;

  doc.inputs = inputsFor(doc, setId, r, gone);
  return doc;
}

function inputsFor(doc: BudgetDocument, setId: BuiltinSetId, r: () => number, gone: readonly string[]): Record<string, JsonValue> {
  const template = setFor(setId);
  const ctx = createContext(doc, template);
  const chance = (p: number) => r() < p;
  const projectRows = doc.tables.t7.rows.filter((x) => /^p\d+$/.test(x.id));
  const projectAmount = (id: string) => {
    const row = doc.tables.t7.rows.find((x) => x.id === id);
    return row ? Object.entries(row.values).filter(([k]) => k !== 'total').reduce((a, [, v]) => a + v, 0) || (row.values.total ?? 0) : 0;
  };
  const grand = ctx.value('overview', 'inTotal', 'inAmount');
  const indicator = { level1: '产出指标', level2: '数量指标', level3: '参保人数', value: '≥95%' };
  const inputs: Record<string, JsonValue> = {
    [INPUT.duties]: ['负责医疗保障政策的落实'],
    [INPUT.departments]: ['办公室', '财务科'],
    [INPUT.staff]: { authorized: 10, actual: 9, active: 8, activeChange: chance(0.5) ? 0 : 1, retired: 1, retiredChange: 0, veteran: 0, veteranChange: chance(0.5) ? 0 : -1 },
    [INPUT.procurement]: chance(0.3) ? { none: true } : { goods: 469, services: 300, sme: 500, smeMicro: 200 },
    [INPUT.assets]: { asOf: '截至上年底', buildingArea: 12000, buildingValue: 3000, vehicles: [{ kind: '一般公务用车', count: 1, value: 1500 }], furnitureValue: 120, otherValue: 80 } satisfies AssetsInput as unknown as JsonValue,
    [INPUT.performanceOverall]: { goal: '提升医疗保障水平', local: grand, indicators: [indicator] } satisfies OverallPerformance as unknown as JsonValue,
    [INPUT.projects]: projectRows.map((p, i): ProjectInput => ({ row: p.id, basis: '医疗保障政策文件', allocation: '按参保人数分配', ...(i === 0 && chance(0.5) ? { transfer: true } : {}) })) as unknown as JsonValue,
    [INPUT.performanceProjects]: projectRows.map((p): ProjectPerformance => ({
      name: p.name ?? p.id, rows: [p.id], total: projectAmount(p.id), fiscal: projectAmount(p.id), goal: '按期完成', indicators: [indicator],
    })) as unknown as JsonValue,
  };
  if (chance(0.5)) inputs[INPUT.otherNotes] = ['本单位其他事项说明。'];
  if (chance(0.3)) inputs[INPUT.subUnits] = ['下属测试中心'];
  if (doc.meta.unitType === '事业') inputs[INPUT.operatingAmount] = 1234;
  const reason = '工作任务调整';
  for (const s of incomeSources(ctx)) inputs[reasonKey.income(s.id)] = reason;
  for (const k of ['basic', 'project'] as const) {
    inputs[reasonKey.expenditure(k)] = reason;
    inputs[reasonKey.gpb(k)] = reason;
  }
  for (const x of doc.tables.t5.rows) if (x.code?.length === 7) inputs[reasonKey.item(x.code)] = reason;
  for (const code of gone) inputs[reasonKey.item(code)] = reason;
  for (const k of ['total', 'abroad', 'vehiclePurchase', 'vehicleOperation', 'reception']) inputs[reasonKey.sangong(k)] = reason;
  inputs[reasonKey.operating()] = reason;
  for (const x of doc.tables.t5.rows) if (x.code?.length === 3) inputs[usageKey(x.code)] = '保障单位正常运转';
  return inputs;
}

/** Adds the 类/款 rows above 项 rows (their figures come from withDerived); a made-up code gets its made-up name. */
function withParents(doc: BudgetDocument, tables: string[], levels: number[], name: (code: string) => string | undefined): void {
  for (const tableId of tables) {
    const rows = doc.tables[tableId].rows;
    const parents = new Set<string>();
    for (const x of rows) if (x.code) for (const n of levels) if (x.code.length > n) parents.add(x.code.slice(0, n));
    const have = new Set(rows.map((x) => x.id));
    withRows(doc, tableId, [...parents].filter((c) => !have.has(c)).map((c): RowSpec => [c, {}, name(c)]));
  }
}
