import { reasonKey, usageKey } from '../inputs/keys';

/**
 * What the two invented archive samples (the Shanghai-style 示例区档案局 and the 决算 示例县档案馆) have in common: the
 * codes they book on and what their officers write for the staff costs and the 项 both spend on.
 */

/** The names of the codes the archive samples use (the same in the 2024 and 2025 政府收支分类科目). */
const NAMES: Record<string, string> = {
  201: '一般公共服务支出', 20126: '档案事务', 2012601: '行政运行', 2012604: '档案馆',
  208: '社会保障和就业支出', 20805: '行政事业单位养老支出', 2080505: '机关事业单位基本养老保险缴费支出', 2080506: '机关事业单位职业年金缴费支出',
  210: '卫生健康支出', 21011: '行政事业单位医疗', 2101101: '行政单位医疗',
  221: '住房保障支出', 22102: '住房改革支出', 2210201: '住房公积金',
  301: '工资福利支出', 30101: '基本工资', 30102: '津贴补贴', 30103: '奖金', 30108: '机关事业单位基本养老保险缴费',
  30109: '职业年金缴费', 30110: '职工基本医疗保险缴费', 30113: '住房公积金',
  302: '商品和服务支出', 30201: '办公费', 30205: '水费', 30206: '电费', 30211: '差旅费', 30217: '公务接待费', 30228: '工会经费',
  30229: '福利费', 30231: '公务用车运行维护费', 30239: '其他交通费用', 30299: '其他商品和服务支出',
  303: '对个人和家庭的补助', 30302: '退休费', 30305: '生活补助', 310: '资本性支出', 31002: '办公设备购置',
};

export function archiveCodeName(code: string): string {
  return NAMES[code] ?? code;
}

/** Why each 项 changed from last year, in printed order (the 项 without a change have none). */
export const ARCHIVE_ITEM_REASONS: [string, string][] = [
  [reasonKey.item('2012601'), '人员工资正常晋升'], [reasonKey.item('2012604'), '档案数字化项目扩大扫描范围'],
  [reasonKey.item('2080505'), '缴费基数调整'], [reasonKey.item('2080506'), '缴费基数调整'], [reasonKey.item('2210201'), '缴存基数调整'],
];

/** 主要用于 of the 类 that hold only staff costs (201 is each unit's own). */
export const ARCHIVE_STAFF_USAGES: [string, string][] = [
  [usageKey('208'), '在职人员养老保险和职业年金缴费'], [usageKey('210'), '在职人员医疗保险缴费'], [usageKey('221'), '在职人员住房公积金'],
];
