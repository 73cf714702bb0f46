import { CodeBook, type Classification } from '../codes/code-book';
import { createDocument } from '../document/create';
import type { BudgetDocument, RowData } from '../document/document';
import { deriveTable } from '../template/derive';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { finalBudgetKey } from '../text/final/keys';
import { setFor } from './builders';
import { seededRandom } from './random';

/**
 * Random, consistent documents of the national 部门决算 9-table set for property tests. Every table adds up and
 * every 表间 rule holds by construction: 表3 per 项 = its 一般公共预算 part (表5) + 政府性基金 (表8) + 国有资本经营 (表9)
 * + non-fiscal money; 表4 per source: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余; 表1 likewise for all
 * money; 表2 column totals = 表1 income items; 表6 = 表5 基本支出; 三公 决算数 within 预算数 and over 表6 30217/30231.
 * One seed gives one document.
 */

export const FINAL_SET_ID = 'national-final-9';

/** 项 codes the generator draws from (names from the shipped code list; none tied to an economic code by a rule). */
const ITEMS = ['2080501', '2089999', '2101101', '2101102', '2101103', '2101202', '2101301', '2101399', '2101501', '2101502', '2101506', '2101550'];
const PERSONNEL = ['30101', '30102', '30103', '30112', '30199', '30302', '30305'];
const PUBLIC = ['30201', '30205', '30206', '30207', '30211', '30216', '30228', '30229', '30299', '31099'];
const NON_FISCAL = ['superiorSubsidy', 'businessIncome', 'operatingIncome', 'subordinateRemit', 'otherIncome'] as const;
const EXTRA_SPENDING = ['superiorRemit', 'operatingExpense', 'subordinateSubsidy'] as const;

export function finalSet(): TemplateSet {
  return setFor(FINAL_SET_ID);
}

interface Item {
  code: string;
  gpb: [number, number];
  fund: [number, number];
  soe: [number, number];
  /** Non-fiscal 基本/项目支出, then 上缴上级 / 经营 / 对附属单位补助. */
  other: [number, number];
  extra: number[];
}

export function randomFinalDocument(seed: number): BudgetDocument {
  const r = seededRandom(seed);
  const int = (max: number) => Math.floor(r() * (max + 1));
  const chance = (p: number) => r() < p;
  const money = (max = 300000) => (chance(0.15) ? int(99) + 1 : int(max) + 1);
  const maybe = (p: number, max?: number) => (chance(p) ? money(max) : 0);
  const set = finalSet();
  const book = CodeBook.builtin();
  const doc = createDocument(set, { unitName: '测试档案馆', compiler: '测试档案馆', year: 2024, date: '2025-08-20', unitType: chance(0.2) ? '事业' : '行政' });
  const def = (id: string): TableDef => set.tables.find((t) => t.id === id)!;

  const codes = [...ITEMS].sort(() => r() - 0.5).slice(0, 1 + int(5)).sort();
  const items: Item[] = codes.map((code) => ({
    code,
    gpb: [maybe(0.8), maybe(0.5)],
    fund: [0, maybe(0.15)],
    soe: [0, maybe(0.1)],
    other: [maybe(0.2), maybe(0.2)],
    extra: EXTRA_SPENDING.map(() => maybe(0.08, 5000)),
  }));
  if (items.every((x) => x.gpb[0] + x.gpb[1] === 0)) items[0].gpb[0] = money();

  const coded = (tableId: string, classification: Classification, leaves: RowData[], parents: number[]) => {
    const t = def(tableId);
    if (leaves.length === 0) return;
    const rows = withParents(book, classification, leaves, parents);
    const total: RowData = { id: 'total', values: {} };
    const top = t.rows.kind === 'coded' && t.rows.total.position === 'top';
    doc.tables[tableId] = { rows: deriveTable(t, top ? [total, ...rows] : [...rows, total]) };
  };
  const leaf = (code: string, values: Record<string, number>): RowData => ({ id: code, code, name: nameOf(book, 'functional', code), values: clean(values) });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  coded('t3', 'functional', items.map((x) => leaf(x.code, {
    basic: x.gpb[0] + x.fund[0] + x.soe[0] + x.other[0], project: x.gpb[1] + x.fund[1] + x.soe[1] + x.other[1],
    superiorRemit: x.extra[0], operatingExpense: x.extra[1], subordinateSubsidy: x.extra[2],
  })), [3, 5]);
  coded('t5', 'functional', items.filter((x) => x.gpb[0] + x.gpb[1] > 0).map((x) => leaf(x.code, { basic: x.gpb[0], project: x.gpb[1] })), [3, 5]);

  // 表8/表9 per row: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
  const fundRows = (source: 'fund' | 'soe') => items.filter((x) => x[source][1] > 0).map((x) => {
    const spent = x[source][1];
    const end = maybe(0.3, 20000);
    const begin = chance(0.4) ? int(spent + end) : 0;
    return leaf(x.code, { project: spent, carryBegin: begin, carryEnd: end, income: spent + end - begin });
  });
  coded('t8', 'functional', fundRows('fund'), [3, 5]);
  coded('t9', 'functional', fundRows('soe'), [3, 5]);

  // Per 财政拨款 source: spent, carried in and out, received.
  const totalsOf = (tableId: string) => doc.tables[tableId].rows.find((x) => x.id === 'total')?.values ?? {};
  const gpbSpent = totalsOf('t5').total ?? 0;
  const gpbEnd = maybe(0.4, 20000);
  const gpbBegin = chance(0.5) ? int(gpbSpent + gpbEnd) : 0;
  const fiscal = {
    gpb: { spent: gpbSpent, begin: gpbBegin, end: gpbEnd, income: gpbSpent + gpbEnd - gpbBegin },
    fund: { spent: totalsOf('t8').total ?? 0, begin: totalsOf('t8').carryBegin ?? 0, end: totalsOf('t8').carryEnd ?? 0, income: totalsOf('t8').income ?? 0 },
    soe: { spent: totalsOf('t9').total ?? 0, begin: totalsOf('t9').carryBegin ?? 0, end: totalsOf('t9').carryEnd ?? 0, income: totalsOf('t9').income ?? 0 },
  };
  // Non-fiscal money: spent, carried, 结余分配 and 使用非财政拨款结余; received is what balances.
  const otherSpent = sum(items.map((x) => x.other[0] + x.other[1] + sum(x.extra)));
  const distribution = maybe(0.1, 5000);
  const otherEnd = maybe(0.3, 20000);
  const reserve = chance(0.2) ? int(Math.floor((otherSpent + distribution + otherEnd) / 2)) : 0;
  const otherBegin = chance(0.4) ? int(otherSpent + distribution + otherEnd - reserve) : 0;
  const otherIncome = otherSpent + distribution + otherEnd - reserve - otherBegin;

  // 表2: each source's income spread over the 项 rows.
  const fiscalIncome = fiscal.gpb.income + fiscal.fund.income + fiscal.soe.income;
  const sourceSplit = splitInto(otherIncome, NON_FISCAL.length, int);
  const perRow = (total: number) => splitInto(total, items.length, int);
  const columns: Record<string, number[]> = { fiscal: perRow(fiscalIncome) };
  NON_FISCAL.forEach((c, i) => (columns[c] = perRow(sourceSplit[i])));
  coded('t2', 'functional', items.map((x, i) => leaf(x.code, Object.fromEntries(Object.entries(columns).map(([c, v]) => [c, v[i]])))), [3, 5]);

  const put = (tableId: string, rowId: string, values: Record<string, number>) => {
    const row = doc.tables[tableId].rows.find((x) => x.id === rowId)!;
    Object.assign(row.values, clean(values));
  };
  const t2 = totalsOf('t2');
  put('t1', 'gpb', { inAmount: fiscal.gpb.income });
  put('t1', 'fund', { inAmount: fiscal.fund.income });
  put('t1', 'soe', { inAmount: fiscal.soe.income });
  for (const c of NON_FISCAL) put('t1', c, { inAmount: t2[c] ?? 0 });
  put('t1', 'nonFiscalBalance', { inAmount: reserve });
  put('t1', 'carryBegin', { inAmount: fiscal.gpb.begin + fiscal.fund.begin + fiscal.soe.begin + otherBegin });
  put('t1', 'balanceDistribution', { outAmount: distribution });
  put('t1', 'carryEnd', { outAmount: fiscal.gpb.end + fiscal.fund.end + fiscal.soe.end + otherEnd });
  for (const row of doc.tables.t3.rows) if (row.code?.length === 3) put('t1', `c${row.code}`, { outAmount: row.values.total ?? 0 });

  put('t4', 'gpb', { inAmount: fiscal.gpb.income });
  put('t4', 'fund', { inAmount: fiscal.fund.income });
  put('t4', 'soe', { inAmount: fiscal.soe.income });
  put('t4', 'cbGpb', { inAmount: fiscal.gpb.begin });
  put('t4', 'cbFund', { inAmount: fiscal.fund.begin });
  put('t4', 'cbSoe', { inAmount: fiscal.soe.begin });
  put('t4', 'carryEnd', { gpb: fiscal.gpb.end, fund: fiscal.fund.end, soe: fiscal.soe.end });
  for (const [tableId, col] of [['t5', 'gpb'], ['t8', 'fund'], ['t9', 'soe']] as const) {
    for (const row of doc.tables[tableId].rows) if (row.code?.length === 3) put('t4', `c${row.code}`, { [col]: row.values.total ?? 0 });
  }

  // 表6: 基本支出 of 表5 split into 人员经费 and 公用经费 款; 30217/30231 carry part of 公用经费 for the 三公 checks.
  const basic = totalsOf('t5').basic ?? 0;
  const personnel = int(basic);
  const pick = (pool: string[]) => [...pool].sort(() => r() - 0.5).slice(0, 1 + int(3)).sort();
  const pCodes = pick(PERSONNEL);
  const uCodes = [...new Set([...pick(PUBLIC), ...(chance(0.5) ? ['30217'] : []), ...(chance(0.5) ? ['30231'] : [])])].sort();
  const pSplit = splitInto(personnel, pCodes.length, int);
  const uSplit = splitInto(basic - personnel, uCodes.length, int);
  const econ = (code: string, col: string, v: number): RowData => ({ id: code, code, name: nameOf(book, 'economic', code), values: clean({ [col]: v }) });
  coded('t6', 'economic', [...pCodes.map((c, i) => econ(c, 'personnel', pSplit[i])), ...uCodes.map((c, i) => econ(c, 'public', uSplit[i]))].filter((x) => Object.keys(x.values).length > 0), [3]);

  // 表7: 决算数 within 预算数; 接待 and 用车运行 at least 表6's 30217 and 30231.
  const t6 = new Map(doc.tables.t6.rows.map((x) => [x.id, x.values.public ?? 0]));
  const sangong = {
    abroad: maybe(0.2, 5000), vehiclePurchase: maybe(0.1, 30000),
    vehicleOperation: (t6.get('30231') ?? 0) + maybe(0.3, 3000), reception: (t6.get('30217') ?? 0) + maybe(0.3, 3000),
  };
  const values: Record<string, number> = { ...sangong };
  for (const [k, v] of Object.entries(sangong)) values[`b${k[0].toUpperCase()}${k.slice(1)}`] = v + (chance(0.6) ? int(2000) : 0);
  put('t7', 'total', values);

  for (const id of ['t1', 't4', 't7']) doc.tables[id] = { rows: deriveTable(def(id), doc.tables[id].rows) };
  // 预算数 per 一般公共预算 项, near the 决算数 (完成预算 %).
  for (const row of doc.tables.t5.rows) {
    if (row.code?.length !== 7) continue;
    const spent = row.values.total ?? 0;
    if (chance(0.8)) doc.inputs[finalBudgetKey(row.code)] = Math.max(1, spent + int(Math.floor(spent / 5)) - Math.floor(spent / 10));
  }
  return doc;
}

/** `total` in `n` non-negative integer parts. */
function splitInto(total: number, n: number, int: (max: number) => number): number[] {
  const parts: number[] = [];
  let left = total;
  for (let i = 0; i < n - 1; i++) {
    const v = int(left);
    parts.push(v);
    left -= v;
  }
  parts.push(left);
  return parts;
}

function clean(values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) if (v !== 0) out[k] = v;
  return out;
}

function nameOf(book: CodeBook, classification: Classification, code: string): string {
  return book.name(classification, code, 2024) ?? code;
}

function withParents(book: CodeBook, classification: Classification, leaves: RowData[], lengths: number[]): RowData[] {
  const byCode = new Map<string, RowData>();
  for (const leaf of leaves) {
    for (const n of lengths) {
      const code = leaf.id.slice(0, n);
      if (!byCode.has(code)) byCode.set(code, { id: code, code, name: nameOf(book, classification, code), values: {} });
    }
    byCode.set(leaf.id, leaf);
  }
  return [...byCode.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
