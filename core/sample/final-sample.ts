import { amount, type Amount } from '../amount/amount';
import type { BudgetDocument, JsonValue } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { FINAL_INPUT, finalBudgetKey, sangongCountKey } from '../text/final/keys';
import { INPUT, PRIOR, reasonKey, usageKey } from '../inputs/keys';
import { archiveCodeName, ARCHIVE_ITEM_REASONS, ARCHIVE_STAFF_USAGES } from './archive-unit';
import { sampleDocument, sampleSet, type SampleLine } from './sample-builder';

/**
 * The built-in 决算 sample: an invented small 行政 unit (示例县档案馆) closing its 2024 accounts in the national 部门决算
 * 9-table set. Only leaf figures are written here; every 类/款, 合计, column formula and fixed-row sum is derived, so
 * the tables hold by construction. Money: 一般公共预算财政拨款 356.00 received plus 5.00 carried in, 359.00 spent,
 * 2.00 carried out; 3.00 其他收入 spent on the 档案馆 project. No 政府性基金 or 国有资本经营 money (表8/表9 empty).
 */

export const FINAL_SAMPLE_SET_ID = 'national-final-9';
const YEAR = 2024;

/** 表2 项 rows: [code, 财政拨款收入, 其他收入]. */
const INCOME: [string, string, string][] = [
  ['2012601', '207.00', ''], ['2012604', '85.00', '3.00'], ['2080505', '24.00', ''], ['2080506', '9.60', ''],
  ['2101101', '12.40', ''], ['2210201', '18.00', ''],
];

/** 表3 项 rows: [code, 基本支出, 项目支出]; 表5 is the same less the 其他收入 spent on 档案馆. */
const SPENDING: [string, string, string][] = [
  ['2012601', '210.00', ''], ['2012604', '', '88.00'], ['2080505', '24.00', ''], ['2080506', '9.60', ''],
  ['2101101', '12.40', ''], ['2210201', '18.00', ''],
];
const GPB_SPENDING: [string, string, string][] = SPENDING.map(([c, b, p]) => [c, b, c === '2012604' ? '85.00' : p]);

/** 表6 款 rows: [code, 决算数]; 301/303 are 人员经费, the rest 公用经费. */
const BASIC: [string, string][] = [
  ['30101', '60.00'], ['30102', '45.00'], ['30103', '20.00'], ['30108', '24.00'], ['30109', '9.60'], ['30110', '12.40'],
  ['30113', '18.00'], ['30201', '18.00'], ['30205', '2.00'], ['30206', '6.00'], ['30211', '8.00'], ['30217', '1.20'],
  ['30228', '3.00'], ['30229', '2.00'], ['30231', '4.80'], ['30239', '15.00'], ['30299', '6.00'], ['30302', '6.00'],
  ['30305', '2.00'], ['31002', '11.00'],
];

/** 表7: 预算数 and 决算数 per “三公” item (预算数 typed by the officer from the year's 预算). */
const SANGONG: Record<string, string> = { bVehicleOperation: '5.00', bReception: '1.50', vehicleOperation: '4.80', reception: '1.20' };

/** 预算数 per 一般公共预算 项 (the year's approved budget, for 完成预算 %). */
const ITEM_BUDGET: Record<string, string> = {
  2012601: '205.00', 2012604: '90.00', 2080505: '24.00', 2080506: '9.60', 2101101: '12.00', 2210201: '18.00',
};

export function finalSampleSet(): TemplateSet {
  return sampleSet(FINAL_SAMPLE_SET_ID);
}

export function createFinalSampleDocument(): BudgetDocument {
  const { doc, coded, set1, totals, derive } = sampleDocument(FINAL_SAMPLE_SET_ID, {
    unitName: '示例县档案馆', compiler: '示例县档案馆', entityKind: '单位', year: YEAR, date: '2025-08-20',
    region: '示例省示例市', unitType: '行政',
  }, archiveCodeName);
  coded('t2', INCOME.map(([c, f, o]) => [c, { fiscal: f, otherIncome: o }]), [3, 5]);
  coded('t3', SPENDING.map(([c, b, p]) => [c, { basic: b, project: p }]), [3, 5]);
  coded('t5', GPB_SPENDING.map(([c, b, p]) => [c, { basic: b, project: p }]), [3, 5]);
  coded('t6', BASIC.map(([c, v]): SampleLine => [c, { [c.startsWith('301') || c.startsWith('303') ? 'personnel' : 'public']: v }]), [3]);

  const t2 = totals('t2');
  const t3 = doc.tables.t3.rows;
  const t5 = doc.tables.t5.rows;
  // 表1: income by source from 表2, spending per 类 from 表3, the 财政拨款 carried in and out.
  set1('t1', 'gpb', { inAmount: t2.fiscal ?? 0 });
  set1('t1', 'otherIncome', { inAmount: t2.otherIncome ?? 0 });
  set1('t1', 'carryBegin', { inAmount: amount('5.00') });
  set1('t1', 'carryEnd', { outAmount: amount('2.00') });
  for (const r of t3) if (r.code?.length === 3) set1('t1', `c${r.code}`, { outAmount: r.values.total ?? 0 });
  // 表4: only 一般公共预算财政拨款.
  set1('t4', 'gpb', { inAmount: t2.fiscal ?? 0 });
  set1('t4', 'cbGpb', { inAmount: amount('5.00') });
  set1('t4', 'carryEnd', { gpb: amount('2.00') });
  for (const r of t5) if (r.code?.length === 3) set1('t4', `c${r.code}`, { gpb: r.values.total ?? 0 });
  for (const [col, v] of Object.entries(SANGONG)) set1('t7', 'total', { [col]: amount(v) });
  derive(['t1', 't4', 't7']);
  Object.assign(doc.inputs, finalSampleInputs());
  Object.assign(doc.priorYear, finalSamplePriorYear());
  return doc;
}

/** The officer's inputs of the sample: 预算数 per 项, duties, organisation, procurement, contacts. */
export function finalSampleInputs(): Record<string, JsonValue> {
  const inputs: Record<string, JsonValue> = {};
  for (const [code, v] of Object.entries(ITEM_BUDGET)) inputs[finalBudgetKey(code)] = amount(v);
  inputs['overview.duties'] = ['负责收集、接收、保管本县党政机关、团体和企事业单位的档案资料。', '负责馆藏档案的开发利用和档案信息化建设。'];
  inputs['overview.departments'] = ['办公室', '业务科', '信息技术科'];
  inputs['overview.subUnits'] = [];
  inputs[FINAL_INPUT.keyWork] = '完成馆藏档案数字化扫描12万页，接收进馆档案3,200卷。';
  inputs[FINAL_INPUT.contact] = '联系单位：示例县档案馆办公室；联系电话：0000-1234567。';
  inputs[INPUT.staff] = { authorized: 12, actual: 11, active: 11, activeChange: 0, retired: 4, retiredChange: 1, veteran: 0, veteranChange: 0 };
  const reasons: [string, string][] = [
    [reasonKey.income('fiscal'), '档案数字化项目经费增加'], [reasonKey.income('otherIncome'), '档案查阅复制服务收入增加'],
    [reasonKey.expenditure('basic'), '人员工资正常晋升'], [reasonKey.expenditure('project'), '档案数字化项目扩大扫描范围'],
    [reasonKey.gpb('basic'), '人员工资正常晋升'], [reasonKey.gpb('project'), '档案数字化项目扩大扫描范围'],
    ...ARCHIVE_ITEM_REASONS,
    [reasonKey.sangong('total'), '厉行节约，压减公务用车运行和接待支出'], [reasonKey.sangong('vehicleOperation'), '压减公务用车使用'],
    [reasonKey.sangong('reception'), '严格控制接待标准'], [reasonKey.operating(), '办公设备更新'],
  ];
  for (const [key, text] of reasons) inputs[key] = text;
  inputs[usageKey('201')] = '档案馆日常运转和档案数字化';
  for (const [key, text] of ARCHIVE_STAFF_USAGES) inputs[key] = text;
  inputs['other.procurement'] = { goods: amount('11.00'), services: amount('6.00'), sme: amount('17.00'), smeMicro: amount('15.00') };
  // 三公: the car the unit kept, the visits it received, and why the money stayed under its 预算数.
  inputs[sangongCountKey('vehiclesHeld')] = 1;
  inputs[sangongCountKey('receptionBatches')] = 12;
  inputs[sangongCountKey('receptionPersons')] = 64;
  inputs[FINAL_INPUT.sangongReason] = '严格执行公务用车和公务接待管理规定，厉行节约';
  inputs['other.assets'] = { asOf: '截至2024年12月31日', vehicles: [{ kind: '一般公务用车', count: 1, value: amount('18.50') }], equipment50: 0, equipment100: 0 };
  return inputs;
}

/** Last year's 决算 figures, so that every change is stated against them (2023: a smaller 档案馆 project). */
export function finalSamplePriorYear(): Record<string, Amount> {
  const a = (v: string) => amount(v);
  return {
    [PRIOR.income('total')]: a('340.00'), [PRIOR.income('fiscal')]: a('338.00'), [PRIOR.income('otherIncome')]: a('2.00'),
    [PRIOR.expenditure('total')]: a('345.00'), [PRIOR.expenditure('basic')]: a('268.00'), [PRIOR.expenditure('project')]: a('77.00'),
    [PRIOR.gpb('total')]: a('343.00'), [PRIOR.gpb('basic')]: a('268.00'), [PRIOR.gpb('project')]: a('75.00'),
    [PRIOR.item('2012601')]: a('205.00'), [PRIOR.item('2012604')]: a('75.00'), [PRIOR.item('2080505')]: a('23.00'),
    [PRIOR.item('2080506')]: a('9.20'), [PRIOR.item('2101101')]: a('12.40'), [PRIOR.item('2210201')]: a('18.40'),
    [PRIOR.sangong('total')]: a('6.50'), [PRIOR.sangong('vehicleOperation')]: a('5.10'), [PRIOR.sangong('reception')]: a('1.40'),
    [PRIOR.operating]: a('75.00'),
  };
}

