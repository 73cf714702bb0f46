import { amount, type Amount } from '../amount/amount';
import type { BudgetDocument, JsonValue } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { INPUT, PRIOR, reasonKey, usageKey } from '../inputs/keys';
import { archiveCodeName, ARCHIVE_ITEM_REASONS, ARCHIVE_STAFF_USAGES } from './archive-unit';
import { sampleDocument, sampleSet, type SampleLine } from './sample-builder';

/**
 * The built-in sample of the Shanghai-style set: an invented small 行政 部门 (示例区档案局) with its 2025 budget in 元.
 * Only leaf figures are written here; every 类/款, 合计, column formula and fixed-row sum is derived, so the tables
 * hold by construction. Money: 6,157,440.00 一般公共预算 and 70,000.00 其他收入 (spent on the 档案馆 project); no
 * 政府性基金 or 国有资本经营 money (表6/表7 empty). 表8 splits 基本支出 by economic 款 so that 30108/30109/30110/30113
 * equal their functional 项, 30217/30231 are the 三公 接待 and 用车运行 money, and 公用经费 is the 机关运行经费.
 */

export const SHANGHAI_SAMPLE_SET_ID = 'sh-dept-2025-9';
const YEAR = 2025;

/** 项 rows: [code, 基本支出, 项目支出 from 一般公共预算, 项目支出 from 其他收入], in 元. */
const ITEMS: [string, string, string, string][] = [
  ['2012601', '3862400.00', '', ''], ['2012604', '', '1180000.00', '70000.00'], ['2080505', '412800.00', '', ''],
  ['2080506', '206400.00', '', ''], ['2101101', '186240.00', '', ''], ['2210201', '309600.00', '', ''],
];

/** 表8 款 rows: [code, amount]; 301 are 人员经费, 302 公用经费. */
const BASIC: [string, string][] = [
  ['30101', '1380000.00'], ['30102', '1560000.00'], ['30103', '120000.00'], ['30108', '412800.00'], ['30109', '206400.00'],
  ['30110', '186240.00'], ['30113', '309600.00'], ['30201', '180000.00'], ['30205', '24000.00'], ['30206', '96000.00'],
  ['30211', '60000.00'], ['30217', '18000.00'], ['30228', '52400.00'], ['30229', '40000.00'], ['30231', '72000.00'],
  ['30299', '260000.00'],
];

/** 表9: the 三公 items and 机关运行经费 (= 表8 公用经费), in 元 (printed in 万元). */
const SANGONG: Record<string, string> = { reception: '18000.00', vehicleOperation: '72000.00', operating: '802400.00' };

export function shanghaiSampleSet(): TemplateSet {
  return sampleSet(SHANGHAI_SAMPLE_SET_ID);
}

export function createShanghaiSampleDocument(): BudgetDocument {
  const { doc, coded, set1, totals, derive } = sampleDocument(SHANGHAI_SAMPLE_SET_ID, {
    unitName: '示例区档案局', compiler: '示例区档案局', entityKind: '部门', year: YEAR, date: '2025-02-10',
    region: '上海市示例区', unitType: '行政',
  }, archiveCodeName);
  const plus = (a: string, b: string) => (a || b ? ((amount(a || '0') + amount(b || '0')) / 100).toFixed(2) : '');
  coded('t2', ITEMS.map(([c, b, p, o]) => [c, { fiscal: plus(b, p), otherIncome: o }]), [3, 5]);
  coded('t3', ITEMS.map(([c, b, p, o]) => [c, { basic: b, project: plus(p, o) }]), [3, 5]);
  coded('t5', ITEMS.map(([c, b, p]) => [c, { basic: b, project: p }]), [3, 5]);
  coded('t8', BASIC.map(([c, v]): SampleLine => [c, { [c.startsWith('301') ? 'personnel' : 'public']: v }]), [3]);

  const t2 = totals('t2');
  // 表1: income by source from 表2 (all 财政拨款 is 一般公共预算), spending per 类 from 表3; 表4 per 类 from 表5.
  set1('t1', 'gpb', { inAmount: t2.fiscal ?? 0 });
  set1('t1', 'otherIncome', { inAmount: t2.otherIncome ?? 0 });
  for (const r of doc.tables.t3.rows) if (r.code?.length === 3) set1('t1', `c${r.code}`, { outAmount: r.values.total ?? 0 });
  set1('t4', 'gpb', { inAmount: t2.fiscal ?? 0 });
  for (const r of doc.tables.t5.rows) if (r.code?.length === 3) set1('t4', `c${r.code}`, { gpb: r.values.total ?? 0 });
  for (const [col, v] of Object.entries(SANGONG)) set1('t9', 'total', { [col]: amount(v) });
  derive(['t1', 't4', 't9']);
  Object.assign(doc.inputs, shanghaiSampleInputs());
  Object.assign(doc.priorYear, shanghaiSamplePriorYear());
  return doc;
}

/** The officer's inputs of the sample: duties, organisation, staff, reasons, 主要用于, procurement, assets, 绩效. */
export function shanghaiSampleInputs(): Record<string, JsonValue> {
  const inputs: Record<string, JsonValue> = {};
  inputs[INPUT.duties] = ['负责本区档案事业的统筹规划、组织协调和监督指导。', '负责收集、接收、保管本区党政机关和企事业单位的档案资料，开展档案开发利用和数字化建设。'];
  inputs[INPUT.departments] = ['办公室', '业务指导科', '档案保管利用科'];
  inputs[INPUT.subUnits] = [];
  inputs[INPUT.staff] = { authorized: 28, actual: 26, active: 26, activeChange: 1, retired: 9, retiredChange: 0, veteran: 0, veteranChange: 0 };
  const reasons: [string, string][] = [
    [reasonKey.income('fiscal'), '档案数字化项目经费增加及人员经费调整'], [reasonKey.income('otherIncome'), '档案查阅复制服务收入增加'],
    [reasonKey.expenditure('basic'), '人员工资正常晋升及社会保险缴费基数调整'], [reasonKey.expenditure('project'), '档案数字化项目扩大扫描范围'],
    [reasonKey.gpb('basic'), '人员工资正常晋升及社会保险缴费基数调整'], [reasonKey.gpb('project'), '档案数字化项目扩大扫描范围'],
    ...ARCHIVE_ITEM_REASONS,
    [reasonKey.sangong('total'), '厉行节约，压减公务接待和公务用车运行支出'], [reasonKey.sangong('reception'), '严格控制接待标准'],
    [reasonKey.sangong('vehicleOperation'), '压减公务用车使用'], [reasonKey.operating(), '压减一般性支出'],
  ];
  for (const [key, text] of reasons) inputs[key] = text;
  inputs[usageKey('201')] = '档案局日常运转和档案数字化';
  for (const [key, text] of ARCHIVE_STAFF_USAGES) inputs[key] = text;
  inputs[INPUT.procurement] = { goods: amount('320000.00'), services: amount('980000.00'), sme: amount('1150000.00'), smeMicro: amount('860000.00') };
  inputs[INPUT.assets] = {
    asOf: '截至2024年12月31日', buildingArea: amount('3260.00'), buildingValue: amount('18600000.00'),
    vehicles: [{ kind: '一般公务用车', count: 2, value: amount('356000.00') }], furnitureValue: amount('420000.00'), otherValue: amount('1350000.00'),
  };
  inputs[INPUT.performanceOverall] = {
    goal: '保障档案局正常运转，完成年度馆藏档案数字化和进馆档案接收任务。', local: amount('6157440.00'), other: amount('70000.00'),
    indicators: [
      { level1: '产出指标', level2: '数量指标', level3: '馆藏档案数字化扫描', value: '≥150000页' },
      { level1: '效益指标', level2: '社会效益指标', level3: '档案查阅利用服务满意度', value: '≥90%' },
    ],
  };
  return inputs;
}

/** Last year's budget (2024), so every change is stated against it: a smaller 档案馆 project, smaller 基本支出. */
export function shanghaiSamplePriorYear(): Record<string, Amount> {
  const a = (v: string) => amount(v);
  return {
    [PRIOR.income('total')]: a('5814640.00'), [PRIOR.income('fiscal')]: a('5764640.00'), [PRIOR.income('otherIncome')]: a('50000.00'),
    [PRIOR.expenditure('total')]: a('5814640.00'), [PRIOR.expenditure('basic')]: a('4784640.00'), [PRIOR.expenditure('project')]: a('1030000.00'),
    [PRIOR.gpb('total')]: a('5764640.00'), [PRIOR.gpb('basic')]: a('4784640.00'), [PRIOR.gpb('project')]: a('980000.00'),
    [PRIOR.item('2012601')]: a('3702000.00'), [PRIOR.item('2012604')]: a('980000.00'), [PRIOR.item('2080505')]: a('398400.00'),
    [PRIOR.item('2080506')]: a('199200.00'), [PRIOR.item('2101101')]: a('186240.00'), [PRIOR.item('2210201')]: a('298800.00'),
    [PRIOR.sangong('total')]: a('95000.00'), [PRIOR.sangong('reception')]: a('20000.00'), [PRIOR.sangong('vehicle')]: a('75000.00'),
    [PRIOR.sangong('vehicleOperation')]: a('75000.00'),
    [PRIOR.operating]: a('820000.00'),
  };
}

