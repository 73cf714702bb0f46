/**
 * Keys of the officer's inputs that only 决算 documents have (document.inputs). 预算数 per 项 is typed by the
 * officer (or carried from that year's 预算 document), so that 完成预算 % can be stated and checked.
 */
export const FINAL_INPUT = {
  /** string: 重点工作完成情况 (第一部分 三). */
  keyWork: 'final.keyWork',
  /** string: 决算公开联系方式及信息反馈渠道 (第四部分). */
  contact: 'final.contact',
  /** string: why the “三公” 决算数 differs from its 预算数 (第二部分 七（一）). */
  sangongReason: 'final.sangong.reason',
} as const;

/**
 * Counts the 三公 具体情况 states beside the money (whole numbers the tables do not hold): 因公出国（境）团组 and 人次,
 * 购置车辆 and the 公务用车保有量 at year end, 国内公务接待 批次 and 人次.
 */
export const SANGONG_COUNTS = ['abroadGroups', 'abroadPersons', 'vehiclesBought', 'vehiclesHeld', 'receptionBatches', 'receptionPersons'] as const;
export type SangongCount = (typeof SANGONG_COUNTS)[number];

/** How forms, checks and 重新汇总 name each count. */
export const SANGONG_COUNT_NAMES: Record<SangongCount, string> = {
  abroadGroups: '因公出国（境）团组数', abroadPersons: '因公出国（境）人次', vehiclesBought: '购置车辆数',
  vehiclesHeld: '公务用车保有量', receptionBatches: '国内公务接待批次', receptionPersons: '国内公务接待人次',
};

/** number: one 三公 count (absent until the officer types it). */
export const sangongCountKey = (field: SangongCount): string => `final.sangong.count.${field}`;

/** Amount: the year's 预算数 of a 一般公共预算财政拨款 项 (functional code). */
export const finalBudgetKey = (code: string): string => `final.budget.item.${code}`;
