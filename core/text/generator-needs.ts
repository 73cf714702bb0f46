import type { TableDef } from '../template/template.schema';

/**
 * What each text generator an outline node may name (`generator`) needs from the template set: the sentence keys it
 * reads and the tables (by role) it writes about. A set is checked against this table when it loads, so a missing
 * sentence or table is a load error naming the set, never an empty paragraph or another set's words. generate.ts
 * maps exactly these ids to the generator functions (the type makes both lists the same), and a test reads every
 * sentence the generators fill over sample and random documents to keep the key lists complete.
 */

type Role = TableDef['role'];

export interface GeneratorNeeds {
  /** Sentence keys the generator may fill. */
  sentences: readonly string[];
  /** Table roles without which the section has nothing to say. */
  roles: readonly Role[];
}

/** "比上年预算增加…" and its three siblings: every sentence stating a change from last year. */
const CHANGE = ['change.increase', 'change.decrease', 'change.flat', 'change.new'] as const;
const KINDS = ['label.basic', 'label.project'] as const;
const SANGONG_LABELS = ['label.sangong.abroad', 'label.sangong.vehiclePurchase', 'label.sangong.vehicleOperation', 'label.sangong.reception'] as const;
const PROJECT_FIELDS = [
  'project.basis', 'project.undertaker', 'project.allocation', 'project.period', 'project.subsidy.source', 'project.subsidy.persons',
  'project.subsidy.standard', 'project.subsidy.scope', 'project.subsidy.method', 'project.subsidy.procedure', 'project.subsidy.beneficiaries',
] as const;
const ASSETS = [
  'other.assets.none', 'other.assets.intro', 'other.assets.asOf', 'other.assets.building', 'other.assets.vehicles',
  'other.assets.vehicles.none', 'other.assets.vehicle', 'other.assets.furniture', 'other.assets.other', 'other.assets.equipment',
  'other.assets.planned',
] as const;

const needs = (sentences: readonly string[], roles: readonly Role[] = []): GeneratorNeeds => ({ sentences, roles });
const fundTable = (role: Role) => needs([`${role}.total`, 'funds.class', 'table.empty'], [role]);

export const GENERATOR_NEEDS = {
  'overview.duties': needs(['overview.duty', 'overview.duties.none']),
  'overview.organization': needs([
    'overview.units', 'overview.subUnits', 'overview.subUnits.none', 'overview.departments', 'overview.departments.none',
    'overview.staff', 'people.increase', 'people.decrease', 'people.flat',
  ]),
  summary: needs(['summary.total', 'summary.income', 'summary.income.none', 'summary.expenditure', 'summary.expenditure.none']),
  income: needs(['income.total', 'income.item', 'income.none', 'reason', ...CHANGE], ['income']),
  expenditure: needs(['expenditure.total', 'expenditure.item', 'expenditure.none', 'reason', ...KINDS, ...CHANGE], ['expenditure']),
  fiscal: needs([
    'fiscal.total', 'fiscal.sourceName', 'fiscal.sources.only', 'fiscal.sources.onlyAll', 'fiscal.incomeItem', 'fiscal.income',
    'fiscal.expenditure', 'fiscal.class', 'fiscal.class.noUsage',
  ], ['fiscalOverview']),
  'gpb.scale': needs(['gpb.scale.total', 'gpb.scale.item', 'gpb.scale.reason', ...KINDS, ...CHANGE], ['gpbExpenditure']),
  'gpb.structure': needs(['gpb.structure.item', 'gpb.none'], ['gpbExpenditure']),
  'gpb.items': needs(['gpb.item', 'gpb.none', 'item.reason', ...CHANGE], ['gpbExpenditure']),
  basic: needs(['basic.total', 'basic.personnel', 'basic.personnel.none', 'basic.public', 'basic.public.none'], ['gpbBasic']),
  projects: needs(['projects.none', 'project.name', 'project.amount', 'project.period.default', ...PROJECT_FIELDS], ['gpbProjects']),
  govFund: fundTable('govFund'),
  stateCapital: fundTable('stateCapital'),
  carryover: fundTable('carryover'),
  sangong: needs(['sangong.total', 'sangong.itemChange', 'sangong.change', 'reason', ...SANGONG_LABELS, ...CHANGE], ['sangong']),
  'other.operating': needs(['other.operating', 'other.operating.reason', ...CHANGE]),
  'other.procurement': needs(['other.procurement', 'other.procurement.sme', 'other.procurement.none']),
  'other.assets': needs(ASSETS),
  'other.performance': needs([
    'other.performance', 'performance.overall.title', 'performance.overall.unitLabel', 'performance.project.title', 'performance.yearLine',
  ]),
  'other.notes': needs(['other.notes.none']),
  // 决算: "支出决算为X万元，完成预算Y%" per 一般公共预算 项 (core/text/final/completion.ts).
  'final.completion': needs(['final.item', 'final.item.noBudget', 'gpb.none'], ['gpbExpenditure']),
  // 决算 (core/text/final/): 支出决算 by every kind the 支出决算表 has, with shares of the whole.
  'final.expenditure': needs(['expenditure.total', 'expenditure.item', 'final.expenditure.other', 'final.expenditure.without', 'reason', ...KINDS, ...CHANGE], ['expenditure']),
  // “三公” against its 预算数 (总体), and what it bought with 团组/人次, 车辆 and 接待 批次/人次 (具体).
  'final.sangong.total': needs([
    'final.sangong.none', 'final.sangong.total', 'final.sangong.total.noBudget', 'final.sangong.item', 'final.sangong.item.noBudget',
    'final.sangong.item.none', 'final.sangong.under', 'final.sangong.over', ...SANGONG_LABELS,
  ], ['sangong']),
  'final.sangong.items': needs([
    'final.sangong.items.none', 'final.sangong.shares', 'final.sangong.share', 'final.sangong.abroad', 'final.sangong.abroad.noCount',
    'final.sangong.abroad.none', 'final.sangong.vehicle', 'final.sangong.purchase', 'final.sangong.purchase.noCount', 'final.sangong.purchase.none',
    'final.sangong.operation', 'final.sangong.fleet', 'final.sangong.fleet.noCount', 'final.sangong.reception', 'final.sangong.reception.noCount',
    'final.sangong.reception.none', ...SANGONG_LABELS,
  ], ['sangong']),
  // 政府采购 with 授予中小企业/小微企业 and their shares; 国有资产 at year end (车辆 by kind, 单价50万元以上设备).
  'final.procurement': needs(['other.procurement', 'other.procurement.none', 'final.procurement.sme', 'final.procurement.sme.none']),
  'final.assets': needs([
    'other.assets.none', 'other.assets.intro', 'other.assets.asOf', 'other.assets.building', 'other.assets.vehicles', 'other.assets.vehicles.none',
    'other.assets.vehicle', 'other.assets.equipment',
  ]),
} as const satisfies Record<string, GeneratorNeeds>;

export type GeneratorId = keyof typeof GENERATOR_NEEDS;

export function isGeneratorId(id: string): id is GeneratorId {
  return Object.prototype.hasOwnProperty.call(GENERATOR_NEEDS, id);
}

/** What a table of each role is called, for messages about a set that lacks one. */
export const ROLE_TITLES: Record<Role, string> = {
  overview: '收支总体情况表', income: '收入总体情况表', expenditure: '支出总体情况表', fiscalOverview: '财政拨款收支总体情况表',
  gpbExpenditure: '一般公共预算支出情况表', gpbBasic: '一般公共预算基本支出情况表', gpbProjects: '一般公共预算项目支出情况表',
  govFund: '政府性基金预算支出情况表', stateCapital: '国有资本经营预算支出情况表', sangong: '财政拨款“三公”经费支出情况表',
  carryover: '上年结转结余情况明细表', other: '其他表',
};

/** Sentences an outline node of a kind other than `generated` fills: the 名词解释 entries. */
export const NODE_KIND_SENTENCES: Partial<Record<string, readonly string[]>> = {
  glossary: ['glossary.entry'],
};

/** Sentences a document needs whatever its outline: the cover title when the outline has no cover node. */
export const COVER_TITLE_SENTENCE = 'cover.title';

/** The visible note in place of a section the set cannot fill (never an empty paragraph, never another set's words). */
export function notGeneratedNote(reason: string): string {
  return `【本节未生成：${reason}】`;
}
