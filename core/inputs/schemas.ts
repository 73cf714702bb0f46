import { z } from '../zod';

/**
 * JSON shapes of the structured inputs. Amounts are integers in hundredths of the printed unit, like table cells,
 * so that generated sentences and checks never touch floating point. Counts of people and things are integers.
 * Every field is optional: an officer fills the forms in any order, and checks report what is still missing.
 */

const amount = z.number().int();
const count = z.number().int().min(0);
const text = z.string();

export const staffSchema = z.object({
  /** 编制数 */
  authorized: count.optional(),
  /** 实有人数 */
  actual: count.optional(),
  /** 在职 and its change since last year (signed). */
  active: count.optional(),
  activeChange: z.number().int().optional(),
  /** 退休 */
  retired: count.optional(),
  retiredChange: z.number().int().optional(),
  /** 离休 */
  veteran: count.optional(),
  veteranChange: z.number().int().optional(),
});

export const subsidySchema = z.object({
  /** 资金来源 */
  source: text.optional(),
  /** 补贴人数 as written: "3.2万人", "1200人". */
  persons: text.optional(),
  /** 补贴标准 as written: "10元/人", "0.12万元/人". */
  standard: text.optional(),
  /** 补贴范围 */
  scope: text.optional(),
  /** 补贴方式 */
  method: text.optional(),
  /** 发放程序 */
  procedure: text.optional(),
  /** 受益人群和社会效益 */
  beneficiaries: text.optional(),
});

export const projectSchema = z.object({
  /** 表7 row id (p1, p2 …): name and amount come from the table. */
  row: z.string(),
  /** Snapshot of the 表7 name when carried over from last year's file, to find the project again by name. */
  name: z.string().optional(),
  /** 设立的政策依据 */
  basis: text.optional(),
  /** 项目承担单位 */
  undertaker: text.optional(),
  /** 资金分配情况 */
  allocation: text.optional(),
  /** 资金执行时间 */
  period: text.optional(),
  /** 转移支付项目 (上级补助): counted apart in 预算绩效情况. */
  transfer: z.boolean().optional(),
  /** Only for subsidy projects (补贴类). */
  subsidy: subsidySchema.optional(),
});

export const indicatorSchema = z.object({
  level1: text,
  level2: text,
  level3: text,
  /** 指标值: "≥95%", "=100%". */
  value: text.optional(),
  /** 指标设定依据 */
  basis: text.optional(),
  /** 分值权重 (integer points). */
  weight: z.number().optional(),
  /** 上年完成值 (project tables). */
  lastYear: text.optional(),
  /** 指标赋分规则 */
  scoring: text.optional(),
  /** 佐证资料 */
  evidence: text.optional(),
});

export const overallPerformanceSchema = z.object({
  contact: text.optional(),
  phone: text.optional(),
  /** 年度绩效目标: one paragraph per line. */
  goal: text.optional(),
  /** 资金来源: 上级安排 / 本级安排 / 其他资金. */
  upper: amount.optional(),
  local: amount.optional(),
  other: amount.optional(),
  indicators: z.array(indicatorSchema),
});

export const projectPerformanceSchema = z.object({
  name: text,
  owner: text.optional(),
  /** 表7 rows this table covers: its 年度预算总额 must equal their sum. */
  rows: z.array(z.string()),
  total: amount.optional(),
  fiscal: amount.optional(),
  other: amount.optional(),
  /** 项目总体目标 */
  goal: text.optional(),
  indicators: z.array(indicatorSchema),
});

export const nonFiscalProjectsSchema = z.object({ count: count.optional(), amount: amount.optional() });

export const procurementSchema = z.object({
  /** 本年未安排政府采购: the officer's explicit "none", so that an empty part is not mistaken for a forgotten one. */
  none: z.boolean().optional(),
  goods: amount.optional(),
  works: amount.optional(),
  services: amount.optional(),
  /** 面向中小企业预留 */
  sme: amount.optional(),
  /** 其中：小微企业预留 (part of sme). */
  smeMicro: amount.optional(),
});

export const vehicleSchema = z.object({ kind: text, count: count, value: amount });

export const assetsSchema = z.object({
  /** "截至2023年底": default from the year before the budget year. */
  asOf: text.optional(),
  /** 房屋 m² (two decimals at most, as hundredths). */
  buildingArea: amount.optional(),
  buildingValue: amount.optional(),
  vehicles: z.array(vehicleSchema).optional(),
  furnitureValue: amount.optional(),
  otherValue: amount.optional(),
  /** 单位价值 50 万元以上 / 100 万元以上 大型设备 (台). */
  equipment50: count.optional(),
  equipment100: count.optional(),
  /** Planned purchases in the budget year. */
  plannedVehicleFunds: amount.optional(),
  plannedEquipment50: count.optional(),
  plannedEquipment100: count.optional(),
});

export const glossaryEntrySchema = z.object({ term: text, text: text });

export const stringListSchema = z.array(z.string());

export type StaffInput = z.infer<typeof staffSchema>;
export type SubsidyInput = z.infer<typeof subsidySchema>;
export type ProjectInput = z.infer<typeof projectSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type OverallPerformance = z.infer<typeof overallPerformanceSchema>;
export type ProjectPerformance = z.infer<typeof projectPerformanceSchema>;
export type NonFiscalProjects = z.infer<typeof nonFiscalProjectsSchema>;
export type ProcurementInput = z.infer<typeof procurementSchema>;
export type VehicleInput = z.infer<typeof vehicleSchema>;
export type AssetsInput = z.infer<typeof assetsSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
