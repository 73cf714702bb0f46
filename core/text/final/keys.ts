/**
 * Keys of the officer's inputs that only 决算 documents have (document.inputs). 预算数 per 项 is typed by the
 * officer (or carried from that year's 预算 document), so that 完成预算 % can be stated and checked.
 */
export const FINAL_INPUT = {
  /** string: 重点工作完成情况 (第一部分 三). */
  keyWork: 'final.keyWork',
  /** string: 决算公开联系方式及信息反馈渠道 (第四部分). */
  contact: 'final.contact',
} as const;

/** Amount: the year's 预算数 of a 一般公共预算财政拨款 项 (functional code). */
export const finalBudgetKey = (code: string): string => `final.budget.item.${code}`;
