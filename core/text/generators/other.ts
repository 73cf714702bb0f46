import type { Amount } from '../../amount/amount';
import { formatAmountShort } from '../../amount/amount';
import { INPUT, PRIOR, reasonKey } from '../../inputs/keys';
import { getAmountInput, getAssets, getList, getNonFiscalProjects, getOverallPerformance, getProcurement, getProjectInputs } from '../../inputs/accessors';
import { para, type Block } from '../blocks';
import { changePhrase, reasonPhrase, type TextContext } from '../context';
import { grandTotal } from './budget';
import { projectRows } from './projects';
import { overallPerformanceGrid, projectPerformanceGrids } from './performance';

/** 机关运行经费: 表6 公用经费 for 行政/参公 units (required equal); the officer's figure for other units. */
export function operatingAmount(ctx: TextContext): Amount {
  const type = ctx.doc.meta.unitType;
  if (type === '事业' || type === '其他') return getAmountInput(ctx.doc, INPUT.operatingAmount) ?? 0;
  return ctx.value('gpbBasic', 'total', 'public');
}

export function operatingText(ctx: TextContext, id: string): Block[] {
  const amount = operatingAmount(ctx);
  const prior = ctx.prior(PRIOR.operating) ?? 0;
  return [para(`${id}.amount`, ctx.s('other.operating', {
    金额: ctx.money(amount),
    变化: changePhrase(ctx, amount, prior),
    原因: reasonPhrase(ctx, 'other.operating.reason', reasonKey.operating()),
  }))];
}

export function procurementTotal(ctx: TextContext): Amount {
  const p = getProcurement(ctx.doc);
  return (p?.goods ?? 0) + (p?.works ?? 0) + (p?.services ?? 0);
}

export function procurementText(ctx: TextContext, id: string): Block[] {
  const p = getProcurement(ctx.doc);
  const total = procurementTotal(ctx);
  if (!p || total === 0) return [para(`${id}.none`, ctx.s('other.procurement.none'))];
  return [
    para(`${id}.total`, ctx.s('other.procurement', {
      合计: ctx.money(total), 货物: ctx.money(p.goods ?? 0), 工程: ctx.money(p.works ?? 0), 服务: ctx.money(p.services ?? 0),
    })),
    para(`${id}.sme`, ctx.s('other.procurement.sme', { 中小企业: ctx.money(p.sme ?? 0), 小微企业: ctx.money(p.smeMicro ?? 0) })),
  ];
}

const area = (hundredths: number) => formatAmountShort(hundredths);

export function assetsText(ctx: TextContext, id: string): Block[] {
  const a = getAssets(ctx.doc);
  if (!a) return [para(`${id}.none`, ctx.s('other.assets.none'))];
  const vehicles = a.vehicles ?? [];
  const vCount = vehicles.reduce((s, v) => s + v.count, 0);
  const vValue = vehicles.reduce((s, v) => s + v.value, 0);
  const vList = vehicles.map((v) => ctx.s('other.assets.vehicle', { 类型: v.kind, 数量: v.count, 价值: ctx.money(v.value) }));
  return [
    para(`${id}.intro`, ctx.s('other.assets.intro', { 截至: a.asOf || ctx.s('other.assets.asOf') })),
    para(`${id}.building`, ctx.s('other.assets.building', { 面积: area(a.buildingArea ?? 0), 价值: ctx.money(a.buildingValue ?? 0) })),
    para(`${id}.vehicles`, vList.length
      ? ctx.s('other.assets.vehicles', { 数量: vCount, 价值: ctx.money(vValue), 列表: vList.join('；') })
      : ctx.s('other.assets.vehicles.none', { 数量: 0, 价值: ctx.money(0) })),
    para(`${id}.furniture`, ctx.s('other.assets.furniture', { 价值: ctx.money(a.furnitureValue ?? 0) })),
    para(`${id}.other`, ctx.s('other.assets.other', { 价值: ctx.money(a.otherValue ?? 0) })),
    para(`${id}.equipment`, ctx.s('other.assets.equipment', { 台50: a.equipment50 ?? 0, 台100: a.equipment100 ?? 0 })),
    para(`${id}.planned`, ctx.s('other.assets.planned', {
      车辆经费: ctx.money(a.plannedVehicleFunds ?? 0), 计划50: a.plannedEquipment50 ?? 0, 计划100: a.plannedEquipment100 ?? 0,
    })),
  ];
}

/** Counts and amounts of the 绩效 sentence: 整体目标, 财政拨款项目 (表7), 其中转移支付 (flagged projects), 非财政拨款. */
export function performanceFigures(ctx: TextContext) {
  const overall = getOverallPerformance(ctx.doc);
  const rows = projectRows(ctx);
  const flagged = new Set(getProjectInputs(ctx.doc).filter((p) => p.transfer).map((p) => p.row));
  const transfers = rows.filter((r) => flagged.has(r.id));
  const nonFiscal = getNonFiscalProjects(ctx.doc);
  const overallAmount = overall ? (overall.upper ?? 0) + (overall.local ?? 0) + (overall.other ?? 0) || grandTotal(ctx) : 0;
  return {
    overallCount: overall ? 1 : 0,
    overallAmount,
    projectCount: rows.length,
    projectAmount: rows.reduce((s, r) => s + (r.values.total ?? 0), 0),
    transferCount: transfers.length,
    transferAmount: transfers.reduce((s, r) => s + (r.values.total ?? 0), 0),
    nonFiscalCount: nonFiscal.count ?? 0,
    nonFiscalAmount: nonFiscal.amount ?? 0,
  };
}

export function performanceText(ctx: TextContext, id: string): Block[] {
  const f = performanceFigures(ctx);
  const blocks: Block[] = [para(`${id}.summary`, ctx.s('other.performance', {
    整体数: f.overallCount, 整体金额: ctx.money(f.overallAmount),
    项目数: f.projectCount, 项目金额: ctx.money(f.projectAmount),
    转移数: f.transferCount, 转移金额: ctx.money(f.transferAmount),
    非财政数: f.nonFiscalCount, 非财政金额: ctx.money(f.nonFiscalAmount),
  }))];
  const overall = overallPerformanceGrid(ctx, `${id}.overall`);
  if (overall) blocks.push(overall);
  blocks.push(...projectPerformanceGrids(ctx, `${id}.project`));
  return blocks;
}

export function otherNotesText(ctx: TextContext, id: string): Block[] {
  const notes = getList(ctx.doc, INPUT.otherNotes);
  if (notes.length === 0) return [para(`${id}.none`, ctx.s('other.notes.none'))];
  return notes.map((n, i) => para(`${id}.${i + 1}`, n, false));
}
