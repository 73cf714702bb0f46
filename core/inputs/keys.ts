/**
 * Keys of the officer's inputs (document.inputs) and of last year's figures (document.priorYear).
 * Every part of the program that reads or writes an input goes through these names, so a renamed key is one edit.
 * See INPUTS.md for the meaning and JSON shape of each key.
 */

export const INPUT = {
  /** string[]: 主要职能, one numbered item each. */
  duties: 'overview.duties',
  /** string[]: 下属预算单位 names; empty = 无下属预算单位. */
  subUnits: 'overview.subUnits',
  /** string[]: 内设机构 (科室) names. */
  departments: 'overview.departments',
  /** StaffInput: 编制数, 实有人数, 在职/退休/离休 and their changes. */
  staff: 'overview.staff',
  /** ProjectInput[]: descriptions of the 表7 projects, by row id. */
  projects: 'projects',
  /** OverallPerformance: 部门整体绩效目标表. */
  performanceOverall: 'performance.overall',
  /** ProjectPerformance[]: 项目支出绩效目标表 (one per published table). */
  performanceProjects: 'performance.projects',
  /** {count, amount}: 当年非财政拨款项目. */
  performanceNonFiscal: 'performance.nonFiscal',
  /** Procurement: 政府采购 货物/工程/服务, 中小企业, 其中小微企业. */
  procurement: 'other.procurement',
  /** Assets: 国有资产占用. */
  assets: 'other.assets',
  /** Amount: 机关运行经费 for units where it is not 公用经费 (事业单位 …). */
  operatingAmount: 'other.operating.amount',
  /** string[]: 其他需说明的事项, one paragraph each. */
  otherNotes: 'other.notes',
  /** GlossaryEntry[]: 名词解释 as edited; absent = the set's standard text. */
  glossary: 'glossary',
} as const;

/** 主要原因 of a stated change. */
export const reasonKey = {
  income: (column: string) => `reason.income.${column}`,
  expenditure: (kind: 'basic' | 'project') => `reason.expenditure.${kind}`,
  gpb: (kind: 'basic' | 'project') => `reason.gpb.${kind}`,
  item: (code: string) => `reason.item.${code}`,
  sangong: (rowId: string) => `reason.sangong.${rowId}`,
  operating: () => 'reason.operating',
} as const;

/** 主要用于 per functional 类 (section 四). */
export const usageKey = (classCode: string): string => `usage.class.${classCode}`;

/** A generated paragraph replaced by the officer's own text (or imported text): checked against the tables. */
export const overrideKey = (paragraphId: string): string => `override.${paragraphId}`;

/** Keys of document.priorYear (上年预算数, amounts in hundredths of the printed unit). */
export const PRIOR = {
  /** 表2 source column totals: income.gpb, income.gpbTransfer, … and income.total. */
  income: (column: string) => `income.${column}`,
  /** 表3 合计 row: expenditure.total / basic / project. */
  expenditure: (kind: 'total' | 'basic' | 'project') => `expenditure.${kind}`,
  /** 表5 合计 row: 一般公共预算当年拨款 gpb.total / basic / project. */
  gpb: (kind: 'total' | 'basic' | 'project') => `gpb.${kind}`,
  /** 表5 row by functional code (项, also 类/款 when wanted). */
  item: (code: string) => `item.${code}`,
  /** 表10 row: sangong.total, sangong.abroad, sangong.reception, sangong.vehicle, …Purchase, …Operation. */
  sangong: (rowId: string) => `sangong.${rowId}`,
  /** 机关运行经费. */
  operating: 'operating',
} as const;
