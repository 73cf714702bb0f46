import { formatAmount } from '../amount/amount';
import type { BudgetDocument, JsonValue } from '../document/document';
import { INPUT } from '../inputs/keys';
import { SANGONG_COUNT_NAMES, SANGONG_COUNTS, sangongCountKey } from '../text/final/keys';

/**
 * The officer's inputs that consolidation sums across units — 人员情况, 政府采购, 国有资产占用 (公务用车 by kind),
 * 机关运行经费 and a 决算's “三公” counts (团组, 人次, 车辆, 批次) — defined once, so that 汇总 and 重新汇总 sum the same fields and 重新汇总 can list each change by name.
 * Texts (统计时点, 本年未安排) are the 部门's own and never summed.
 */

type Kind = 'count' | 'amount';
type Field = readonly [field: string, label: string, kind: Kind];

const OBJECTS: readonly { key: string; label: string; fields: readonly Field[] }[] = [
  {
    key: INPUT.staff, label: '人员情况', fields: [
      ['authorized', '编制数', 'count'], ['actual', '实有人数', 'count'], ['active', '在职', 'count'], ['activeChange', '在职比上年增减', 'count'],
      ['retired', '退休', 'count'], ['retiredChange', '退休比上年增减', 'count'], ['veteran', '离休', 'count'], ['veteranChange', '离休比上年增减', 'count'],
    ],
  },
  {
    key: INPUT.procurement, label: '政府采购', fields: [
      ['goods', '货物', 'amount'], ['works', '工程', 'amount'], ['services', '服务', 'amount'], ['sme', '面向中小企业预留', 'amount'], ['smeMicro', '其中：小微企业预留', 'amount'],
    ],
  },
  {
    key: INPUT.assets, label: '国有资产占用', fields: [
      ['buildingArea', '房屋面积（平方米）', 'amount'], ['buildingValue', '房屋价值', 'amount'], ['furnitureValue', '办公家具价值', 'amount'],
      ['otherValue', '其他资产价值', 'amount'], ['plannedVehicleFunds', '本年预算安排购置车辆经费', 'amount'],
      ['equipment50', '单位价值50万元以上大型设备（台）', 'count'], ['equipment100', '单位价值100万元以上大型设备（台）', 'count'],
      ['plannedEquipment50', '本年安排购置50万元以上大型设备（台）', 'count'], ['plannedEquipment100', '本年安排购置100万元以上大型设备（台）', 'count'],
    ],
  },
];

/** Inputs that are one number each. */
const SCALARS: readonly { key: string; label: string; kind: Kind }[] = [
  { key: INPUT.operatingAmount, label: '机关运行经费', kind: 'amount' },
  ...SANGONG_COUNTS.map((c) => ({ key: sangongCountKey(c), label: `“三公” ${SANGONG_COUNT_NAMES[c]}`, kind: 'count' as const })),
];

/** One summed input that differs from the units' sum: where (as the forms name it), old → new (undefined: not filled). */
export interface InputChange {
  key: string;
  where: string;
  kind: Kind;
  before: number | undefined;
  after: number | undefined;
}

type Obj = Record<string, JsonValue>;
type Vehicle = { kind: string; count: number; value: number };

const objectOf = (v: JsonValue | undefined): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
const numberOf = (v: JsonValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

/** The sum of the numbers among the values; undefined when there is none (no unit gives the field). */
function sumNumbers(values: readonly (JsonValue | undefined)[]): number | undefined {
  let sum: number | undefined;
  for (const v of values) if (typeof v === 'number') sum = (sum ?? 0) + v;
  return sum;
}

const sumField = (objects: readonly (Obj | undefined)[], field: string) => sumNumbers(objects.map((o) => o?.[field]));

/** 公务用车 summed per kind, kinds in the order the units first list them; undefined when no unit lists any. */
function sumVehicles(objects: readonly (Obj | undefined)[]): Vehicle[] | undefined {
  const byKind = new Map<string, Vehicle>();
  let any = false;
  for (const o of objects) {
    const list = o?.vehicles;
    if (!Array.isArray(list)) continue;
    any = true;
    for (const item of list) {
      const v = objectOf(item);
      if (!v || typeof v.kind !== 'string') continue;
      const into = byKind.get(v.kind) ?? { kind: v.kind, count: 0, value: 0 };
      into.count += numberOf(v.count) ?? 0;
      into.value += numberOf(v.value) ?? 0;
      byKind.set(v.kind, into);
    }
  }
  return any ? [...byKind.values()] : undefined;
}

/** The summed inputs of a 部门 document made from these units (only keys some unit gives). */
export function summedInputs(units: readonly BudgetDocument[]): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const { key, fields } of OBJECTS) {
    const objects = units.map((u) => objectOf(u.inputs[key]));
    const sum: Obj = {};
    for (const [field] of fields) {
      const v = sumField(objects, field);
      if (v !== undefined) sum[field] = v;
    }
    if (key === INPUT.assets) {
      const vehicles = sumVehicles(objects);
      if (vehicles) sum.vehicles = vehicles;
    }
    if (Object.keys(sum).length > 0) out[key] = sum;
  }
  for (const { key } of SCALARS) {
    const sum = sumNumbers(units.map((u) => u.inputs[key]));
    if (sum !== undefined) out[key] = sum;
  }
  return out;
}

/**
 * What 重新汇总 changes in the summed inputs: each field some unit gives is set to the units' sum; a field no unit
 * gives (and the 部门's texts) stays as the officer has it. Returns the changes in form order and the new value of
 * each input that changes.
 */
export function inputChanges(current: BudgetDocument, units: readonly BudgetDocument[]): { changes: InputChange[]; inputs: Record<string, JsonValue> } {
  const fresh = summedInputs(units);
  const changes: InputChange[] = [];
  const inputs: Record<string, JsonValue> = {};
  for (const { key, label, fields } of OBJECTS) {
    const sum = objectOf(fresh[key]);
    if (!sum) continue;
    const now = objectOf(current.inputs[key]) ?? {};
    const next: Obj = { ...now };
    const before = changes.length;
    for (const [field, name, kind] of fields) {
      const after = numberOf(sum[field]);
      const was = numberOf(now[field]);
      if (after === undefined || after === was) continue;
      changes.push({ key, where: `${label} ${name}`, kind, before: was, after });
      next[field] = after;
    }
    const vehicles = sum.vehicles as Vehicle[] | undefined;
    if (vehicles) {
      const list = (Array.isArray(now.vehicles) ? now.vehicles : []).map((v) => ({ ...(objectOf(v) ?? {}) })) as Obj[];
      for (const v of vehicles) {
        let into = list.find((x) => x.kind === v.kind);
        if (!into) list.push((into = { kind: v.kind }));
        for (const [field, name, kind] of [['count', '数量（辆）', 'count'], ['value', '价值', 'amount']] as const) {
          const was = numberOf(into[field]);
          if (was === v[field]) continue;
          changes.push({ key, where: `${label} ${v.kind} ${name}`, kind, before: was, after: v[field] });
          into[field] = v[field];
        }
      }
      next.vehicles = list;
    }
    if (changes.length > before) inputs[key] = next;
  }
  for (const { key, label, kind } of SCALARS) {
    const after = numberOf(fresh[key]);
    const was = numberOf(current.inputs[key]);
    if (after === undefined || after === was) continue;
    changes.push({ key, where: label, kind, before: was, after });
    inputs[key] = after;
  }
  return { changes, inputs };
}

/** "人员情况 编制数：10 → 12", "政府采购 货物：4.69 → 5.00"; a field not filled before reads 未填. */
export function inputChangeLine(c: InputChange): string {
  const show = (v: number | undefined) => (v === undefined ? '未填' : c.kind === 'amount' ? formatAmount(v) : String(v));
  return `${c.where}：${show(c.before)} → ${show(c.after)}`;
}
