import type { Amount } from '../amount/amount';
import { amount } from '../amount/amount';
import { FORMAT_NAME, FORMAT_VERSION, type BudgetDocument, type JsonValue } from '../document/document';
import { createSampleMeta, createSampleTables } from './sample-tables';
import { INPUT, PRIOR, reasonKey, usageKey } from '../inputs/keys';
import type { AssetsInput, Indicator, OverallPerformance, ProcurementInput, ProjectInput, ProjectPerformance, StaffInput } from '../inputs/schemas';

/**
 * The officer's inputs of the built-in sample (若羌县医疗保障局 2024年部门预算), taken from the reference release's
 * narrative, and last year's figures derived from its stated changes.
 *
 * Where the release is wrong the sample is the consistent version:
 * - 2080501 and 2101399 had no budget last year: the release says "增长100%", the product says 新增;
 * - 2101506 is 持平 (the release says "减少0万元，下降0%");
 * - the 22万元 subsidy project: the release prints 补贴人数 3.2万人 × 10元/人 (= 32万元, the county's 10万元 included);
 *   the sample states 2.2万人 for this project so that 补贴人数 × 补贴标准 equals its amount.
 * - the release's 项 changes add up to 10万元 less than its stated 基本/项目 changes; both are kept as stated
 *   (per-项 figures under item.*, totals under expenditure.* / gpb.*), so every sentence reproduces the release.
 */

const a = amount;

const duties = [
  '贯彻落实国家、自治区医疗保险、生育保险、医疗救助等医疗保障制度，拟定医疗保障制度的政策、规划和标准并组织实施；组织实施大额医疗补助、公务员医疗补助、企事业单位补充医疗保险、离休人员和优抚对象医疗保障等政策、管理办法；并组织实施若羌县本级医疗保险、生育保险等政策。',
  '监督实施医疗保障金监督管理办法，落实医疗保障基金安全防控机制，承担推进医疗保障基金支付方式改革工作，编制若羌县医疗保障基金预决算。',
  '监督药品、医用耗材、医疗服务项目、医疗服务设施等医保目录和支付标准实施情况。',
  '制定定点医药机构协议和支付管理办法并组织实施，贯彻落实医疗保障信用评价体系和信息披露制度，监督管理纳入医保范围内的医疗服务行为和医疗费用，依法查处医疗保障、生育保险领域违法违规行为。',
  '负责医疗保障经办管理、公共服务体系和信息化建设。贯彻落实异地就医管理和费用结算政策。完善医疗保障体系转移接续手续制度。指导医疗保障经办机构开展业务工作。',
];

const staff: StaffInput = { authorized: 14, actual: 20, active: 19, activeChange: -1, retired: 1, retiredChange: 1, veteran: 0, veteranChange: 0 };

const period = '2024年1月1日-2024年12月31日';
const projects: ProjectInput[] = [
  {
    row: 'p1',
    basis: '《关于做好2023年自治州城乡居民基本医疗保险工作的通知》（巴医保发〔2023〕35号）',
    undertaker: '若羌县医疗保障局',
    allocation: '财政对城乡居民基本医疗保险基金的补助383.7万元。',
    period,
  },
  {
    row: 'p2',
    basis: '《关于完善自治区人身意外伤害保险政策的通知》（新人社发〔2018〕33号）',
    undertaker: '若羌县医疗保障局',
    allocation: '人身意外伤害保险县级补助资金10万元。',
    period,
  },
  {
    row: 'p3',
    basis: '《关于提前下达2024年自治区人身意外伤害保险补助资金的通知》（巴财社〔2023〕79号）',
    undertaker: '若羌县医疗保障局',
    allocation: '财政对城镇职工和城乡居民人身意外伤害保险基金的补助22万元。',
    period,
    transfer: true,
    subsidy: {
      source: '2024年专项资金及相继补助',
      persons: '2.2万人',
      standard: '10元/人',
      scope: '具有新疆户籍的居民、参加自治区城镇职工和城乡居民基本医疗保险的非新疆户籍居民和援疆工作人员。',
      method: '财政全额补贴',
      procedure: '保险公司审核赔付',
      beneficiaries: '新疆户籍的居民、参加自治区城镇职工和城乡居民基本医疗保险的非新疆户籍居民和援疆工作人员。',
    },
  },
  {
    row: 'p4',
    basis: '《关于提前下达2024年自治区财政全民参保及医疗服务经费补助资金的通知》（巴财社〔2023〕80号）',
    undertaker: '若羌县医疗保障局',
    allocation: '全民参保及医疗服务经费补助资金3万元。',
    period,
    transfer: true,
  },
];

const ind = (level1: string, level2: string, level3: string, value: string, rest: Partial<Indicator> = {}): Indicator =>
  ({ level1, level2, level3, value, ...rest });

const overall: OverallPerformance = {
  contact: '鲁海宁',
  phone: '13369851672',
  goal: [
    '按照县委、县政府工作安排，围绕公平精准、便民利民，抓改革、惠民生、强基础，着力提升医疗保障水平：',
    '1. 持续推进全民参保计划。确保全县城乡居民和职工医疗保险参保率保持在98%以上，做到应保尽保，同时做好各项医疗保障待遇的支付。',
    '2. 对全县低收入困难群体和因病有致贫风险的患者，全面开展好医疗救助工作。',
    '3. 持续打击欺诈骗保行为，维护医保基金安全，更好地守护好人民群众“救命钱”。',
    '4. 进一步健全和完善医疗保障信息化平台建设，更好的保障人民群众获得优质实惠的医药服务。',
    '5. 扎实推进医疗保险支付方式改革等重点任务落地见效。',
    '6. 做好药品及医用耗材集中带量采购管理。',
  ].join('\n'),
  upper: a('25'),
  local: a('799.5'),
  indicators: [
    ind('履职效能', '数量指标', '城乡基本医疗保险参保人数', '>=3.15万人', { basis: '2024年工作计划', weight: 15 }),
    ind('履职效能', '数量指标', '医保服务事项线上可办率', '>=80%', { basis: '2024年工作计划', weight: 13 }),
    ind('履职效能', '数量指标', '低收入人群个人参保资助缴费', '>=0.2万人', { basis: '2024年工作计划', weight: 13 }),
    ind('履职效能', '数量指标', '开展医保政策宣传次数', '>=12次', { basis: '2024年工作计划', weight: 13 }),
    ind('履职效能', '数量指标', '参加集采的公立医疗机构覆盖率', '=100%', { basis: '2024年工作计划', weight: 12 }),
    ind('履职效能', '数量指标', '定点医药机构检查覆盖率', '=100%', { basis: '2024年工作计划', weight: 12 }),
    ind('履职效能', '质量指标', '城乡居民和职工医疗保险参保率', '>=95%', { basis: '2024年工作计划', weight: 12 }),
  ],
};

const p = (lastYear: string, weight: number, scoring = '按照完成比例赋分', evidence = '工作资料') => ({ basis: '计划标准', lastYear, weight, scoring, evidence });
const projectPerformance: ProjectPerformance[] = [
  {
    name: '城乡居民基本医疗及人身意外伤害保险',
    owner: '鲁海宁',
    rows: ['p1', 'p2'],
    total: a('393.7'),
    fiscal: a('393.7'),
    goal: '为2万名缴纳城乡居民基本医疗保险的居民给予财政补助，补助覆盖率100%，补助3.2万人参加人身意外伤害保险，保障居民享受基本医疗和意外伤害待遇，减轻居民就医经济负担。',
    indicators: [
      ind('产出指标', '数量指标', '城乡居民基本医疗保险参保补助人数', '≥2万人', p('2万人', 10)),
      ind('产出指标', '数量指标', '人身意外伤害保险参保补助人数', '≥3.2万人', p('2.96万人', 10)),
      ind('产出指标', '质量指标', '参保补助覆盖率', '=100%', p('=100%', 10)),
      ind('产出指标', '时效指标', '参保补助资金到位及时率', '=100%', p('=100%', 10)),
      ind('成本指标', '经济成本指标', '城乡居民基本医疗保险补助成本', '≤383.7万元', p('/', 10, '按照完成比例赋分', '原始凭证')),
      ind('成本指标', '经济成本指标', '人身意外伤害保险补助成本', '≤10万元', p('/', 10, '按照完成比例赋分', '原始凭证')),
      ind('效益指标', '社会效益指标', '减轻城乡居民医疗和意外伤害负担', '有效减轻', p('达成目标', 20, '按评判等级赋分')),
      ind('满意度指标', '满意度指标', '参保补助对象满意度', '≥95%', p('95%', 10)),
    ],
  },
];

const procurement: ProcurementInput = { goods: a('4.69'), services: a('3.00'), sme: a('7.69'), smeMicro: a('7.69') };

const assets: AssetsInput = {
  asOf: '截至2023年底',
  vehicles: [
    { kind: '一般公务用车', count: 0, value: 0 },
    { kind: '执法执勤用车', count: 0, value: 0 },
    { kind: '其他车辆', count: 0, value: 0 },
  ],
  furnitureValue: a('2.6'),
  otherValue: a('94'),
};

const reasons: Record<string, string> = {
  [reasonKey.income('gpb')]: '新增人身意外伤害县级配套资金及城乡居民基本医疗保险项目资金较上年增加',
  [reasonKey.income('gpbTransfer')]: '新增人身意外伤害自治区补助资金',
  [reasonKey.expenditure('basic')]: '人员增资及社保等增加',
  [reasonKey.expenditure('project')]: '新增人身意外伤害县级配套资金及城乡居民基本医疗保险项目资金较上年增加',
  [reasonKey.item('2080501')]: '退休人员发放绩效奖金',
  [reasonKey.item('2080505')]: '社会保险缴纳金额增长',
  [reasonKey.item('2080506')]: '社会保险缴纳金额增长',
  [reasonKey.item('2101101')]: '增加退休人员，不需要缴纳医疗保险',
  [reasonKey.item('2101102')]: '社会保险缴纳金额增长',
  [reasonKey.item('2101103')]: '社会保险缴纳金额增长',
  [reasonKey.item('2101202')]: '参保人数统计方法较上年更加规范、准确，预计参保人数较上年有所减少',
  [reasonKey.item('2101399')]: '新增城乡居民基本医疗及人身意外伤害保险项目',
  [reasonKey.item('2101501')]: '人员增资',
  [reasonKey.item('2101506')]: '上级拨款与去年持平',
  [reasonKey.item('2101550')]: '人员增资',
  [reasonKey.item('2210201')]: '住房公积金金额增长',
  [reasonKey.sangong('total')]: '本年度合理安排预算',
  [reasonKey.sangong('abroad')]: '未安排预算',
  [reasonKey.sangong('vehiclePurchase')]: '未安排预算',
  [reasonKey.sangong('vehicleOperation')]: '本年度合理安排预算',
  [reasonKey.sangong('reception')]: '本年度合理安排预算',
  [reasonKey.operating()]: '本单位厉行节约',
  [usageKey('208')]: '机关事业单位基本养老保险及职业年金缴费',
  [usageKey('210')]: '保障单位业务正常运行，县级财政对城乡居民基本医疗保险基金的补助',
  [usageKey('221')]: '住房公积金支出',
};

export function sampleInputs(): Record<string, JsonValue> {
  const clone = <T>(v: T): JsonValue => JSON.parse(JSON.stringify(v)) as JsonValue;
  return {
    [INPUT.duties]: duties,
    [INPUT.departments]: ['办公室', '财务科', '医疗保险服务中心'],
    [INPUT.staff]: clone(staff),
    [INPUT.projects]: clone(projects),
    [INPUT.performanceOverall]: clone(overall),
    [INPUT.performanceProjects]: clone(projectPerformance),
    [INPUT.procurement]: clone(procurement),
    [INPUT.assets]: clone(assets),
    [INPUT.otherNotes]: [
      '本部门2024年城乡居民基本医疗保险、人身意外伤害保险县级补助资金2个项目合并为城乡居民基本医疗及人身意外伤害保险一个项目公开项目支出绩效目标表。',
      '本部门2024年转移支付项目2个，涉及预算资金25万元，不公开项目支出绩效目标表。',
    ],
    ...reasons,
  };
}

/** Last year's budget: this year's figure minus the release's stated change (zero bases are absent). */
export function samplePriorYear(): Record<string, Amount> {
  const prior: Record<string, string> = {
    [PRIOR.income('gpb')]: '740.45', // 799.50 − 59.05
    [PRIOR.income('gpbTransfer')]: '13', // 25 − 12
    [PRIOR.income('total')]: '753.45',
    [PRIOR.expenditure('basic')]: '351.18', // 405.80 − 54.62
    [PRIOR.expenditure('project')]: '402.27', // 418.70 − 16.43
    [PRIOR.expenditure('total')]: '753.45',
    [PRIOR.gpb('basic')]: '351.18',
    [PRIOR.gpb('project')]: '402.27',
    [PRIOR.gpb('total')]: '753.45',
    [PRIOR.item('2080505')]: '32.80',
    [PRIOR.item('2080506')]: '16.39',
    [PRIOR.item('2101101')]: '14.35',
    [PRIOR.item('2101102')]: '0.44',
    [PRIOR.item('2101103')]: '2.71',
    [PRIOR.item('2101202')]: '389.27',
    [PRIOR.item('2101501')]: '131.25',
    [PRIOR.item('2101506')]: '3',
    [PRIOR.item('2101550')]: '127.80',
    [PRIOR.item('2210201')]: '25.44',
    [PRIOR.sangong('total')]: '0.93',
    [PRIOR.sangong('reception')]: '0.09',
    [PRIOR.sangong('vehicle')]: '0.84',
    [PRIOR.sangong('vehicleOperation')]: '0.84',
    [PRIOR.operating]: '16.44', // 14.32 + 2.12
  };
  return Object.fromEntries(Object.entries(prior).map(([k, v]) => [k, a(v)]));
}

/** Puts the sample's inputs and last year's figures into a document of the sample tables (mutates, returns it). */
export function withSampleInputs(doc: BudgetDocument): BudgetDocument {
  doc.inputs = { ...doc.inputs, ...sampleInputs() };
  doc.priorYear = { ...doc.priorYear, ...samplePriorYear() };
  if (!doc.meta.unitType) doc.meta.unitType = '行政';
  return doc;
}

/** The complete built-in sample: the reference release's tables with its inputs and last year's figures. */
export function createSampleDocument(): BudgetDocument {
  return withSampleInputs({
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    meta: createSampleMeta(),
    tables: createSampleTables(),
    inputs: {},
    priorYear: {},
  });
}
