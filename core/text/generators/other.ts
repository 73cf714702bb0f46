import type { Amount } from '../../amount/amount';
import { formatAmountShort } from '../../amount/amount';
import type { BudgetDocument } from '../../document/document';
import { INPUT, PRIOR, reasonKey } from '../../inputs/keys';
import { getAmountInput, getAssets, getList, getNonFiscalProjects, getOverallPerformance, getProcurement, getProjectInputs } from '../../inputs/accessors';
import { endWithoutLead, para, type Block, type ParaBlock } from '../blocks';
import { changeTraced, claim, firstNonZero, reasonPhrase, sumFigs, type TextContext } from '../context';
import { joinTraced, withClaim, type Fig } from '../trace';
import { grandTotalFig } from './budget';
import { projectAmountFig, projectRows } from './projects';
import { overallPerformanceGrid, projectPerformanceGrids } from './performance';

/** An amount the officer entered, at an input path ("other.procurement#goods"), with that path as its source. */
export function inputFig(doc: BudgetDocument, path: string): Fig {
  return { value: inputAmountAt(doc, path), cells: [], inputs: [path] };
}

/** Reads an input path: "key#field#0#field"; a number is itself, a list counts its items, anything else is 0. */
export function inputAmountAt(doc: BudgetDocument, path: string): number {
  const [key, ...fields] = path.split('#');
  let v: unknown = doc.inputs[key];
  for (const f of fields) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[f] : undefined;
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return v.length;
  return 0;
}

/** 机关运行经费: 表6 公用经费 for 行政/参公 units (required equal); the officer's figure for other units. */
export function operatingAmount(ctx: TextContext): Amount {
  return operatingFig(ctx).value;
}

export function operatingFig(ctx: TextContext): Fig {
  const type = ctx.doc.meta.unitType;
  if (type === '事业' || type === '其他') return { value: getAmountInput(ctx.doc, INPUT.operatingAmount) ?? 0, cells: [], inputs: [INPUT.operatingAmount] };
  return ctx.fig('gpbBasic', 'total', 'public');
}

export function operatingText(ctx: TextContext, id: string): Block[] {
  const amount = operatingFig(ctx);
  return [para(`${id}.amount`, ctx.t('other.operating', {
    金额: ctx.amount(amount),
    变化: changeTraced(ctx, amount, [PRIOR.operating]),
    原因: reasonPhrase(ctx, 'other.operating.reason', reasonKey.operating()),
  }))];
}

const PROCUREMENT_PARTS = ['goods', 'works', 'services'] as const;

export function procurementTotal(ctx: TextContext): Amount {
  const p = getProcurement(ctx.doc);
  return (p?.goods ?? 0) + (p?.works ?? 0) + (p?.services ?? 0);
}

export function procurementText(ctx: TextContext, id: string): Block[] {
  const p = getProcurement(ctx.doc);
  const part = (f: string) => inputFig(ctx.doc, `${INPUT.procurement}#${f}`);
  const total = sumFigs(PROCUREMENT_PARTS.map(part));
  if (!p || total.value === 0) return [para(`${id}.none`, withClaim(ctx.t('other.procurement.none'), claim('未安排', total)))];
  return [
    para(`${id}.total`, ctx.t('other.procurement', {
      合计: ctx.amount(total), 货物: ctx.amount(part('goods')), 工程: ctx.amount(part('works')), 服务: ctx.amount(part('services')),
    })),
    para(`${id}.sme`, ctx.t('other.procurement.sme', { 中小企业: ctx.amount(part('sme')), 小微企业: ctx.amount(part('smeMicro')) })),
  ];
}

const area = (hundredths: number) => formatAmountShort(hundredths);

export function assetsText(ctx: TextContext, id: string): Block[] {
  const a = getAssets(ctx.doc);
  if (!a) return [para(`${id}.none`, ctx.s('other.assets.none'))];
  const at = (path: string) => ctx.amount(inputFig(ctx.doc, `${INPUT.assets}#${path}`));
  const vehicles = a.vehicles ?? [];
  const vCount = vehicles.reduce((s, v) => s + v.count, 0);
  const vValue = sumFigs(vehicles.map((_v, i) => inputFig(ctx.doc, `${INPUT.assets}#vehicles#${i}#value`)));
  const vList = vehicles.map((v, i) => ctx.t('other.assets.vehicle', { 类型: v.kind, 数量: v.count, 价值: at(`vehicles#${i}#value`) }));
  return [
    para(`${id}.intro`, ctx.s('other.assets.intro', { 截至: a.asOf || ctx.s('other.assets.asOf') })),
    para(`${id}.building`, ctx.t('other.assets.building', { 面积: area(a.buildingArea ?? 0), 价值: at('buildingValue') })),
    para(`${id}.vehicles`, vList.length
      ? ctx.t('other.assets.vehicles', { 数量: vCount, 价值: ctx.amount(vValue), 列表: joinTraced(vList, '；') })
      : ctx.t('other.assets.vehicles.none', { 数量: 0, 价值: ctx.amount(vValue) })),
    para(`${id}.furniture`, ctx.t('other.assets.furniture', { 价值: at('furnitureValue') })),
    para(`${id}.other`, ctx.t('other.assets.other', { 价值: at('otherValue') })),
    para(`${id}.equipment`, ctx.t('other.assets.equipment', { 台50: a.equipment50 ?? 0, 台100: a.equipment100 ?? 0 })),
    para(`${id}.planned`, ctx.t('other.assets.planned', {
      车辆经费: at('plannedVehicleFunds'), 计划50: a.plannedEquipment50 ?? 0, 计划100: a.plannedEquipment100 ?? 0,
    })),
  ];
}

/** Counts and amounts of the 绩效 sentence: 整体目标, 财政拨款项目 (表7), 其中转移支付 (flagged projects), 非财政拨款. */
export function performanceFigures(ctx: TextContext) {
  const t = performanceTraces(ctx);
  return {
    overallCount: t.overallCount,
    overallAmount: t.overallAmount.value,
    projectCount: t.projectCount,
    projectAmount: t.projectAmount.value,
    transferCount: t.transferCount,
    transferAmount: t.transferAmount.value,
    nonFiscalCount: t.nonFiscalCount,
    nonFiscalAmount: t.nonFiscalAmount.value,
  };
}

/** The 绩效 figures with their sources. */
export function performanceTraces(ctx: TextContext) {
  const overall = getOverallPerformance(ctx.doc);
  const rows = projectRows(ctx);
  const flagged = new Set(getProjectInputs(ctx.doc).filter((p) => p.transfer).map((p) => p.row));
  const transfers = rows.filter((r) => flagged.has(r.id));
  const nonFiscal = getNonFiscalProjects(ctx.doc);
  const funds = sumFigs(['upper', 'local', 'other'].map((f) => inputFig(ctx.doc, `${INPUT.performanceOverall}#${f}`)));
  const overallAmount: Fig = overall ? firstNonZero(funds, grandTotalFig(ctx)) : { value: 0, cells: [] };
  return {
    overallCount: overall ? 1 : 0,
    overallAmount,
    projectCount: rows.length,
    projectAmount: sumFigs(rows.map((r) => projectAmountFig(ctx, r))),
    transferCount: transfers.length,
    transferAmount: sumFigs(transfers.map((r) => projectAmountFig(ctx, r))),
    nonFiscalCount: nonFiscal.count ?? 0,
    nonFiscalAmount: inputFig(ctx.doc, `${INPUT.performanceNonFiscal}#amount`),
  };
}

export function performanceText(ctx: TextContext, id: string): Block[] {
  const f = performanceTraces(ctx);
  const blocks: Block[] = [para(`${id}.summary`, ctx.t('other.performance', {
    整体数: f.overallCount, 整体金额: ctx.amount(f.overallAmount),
    项目数: f.projectCount, 项目金额: ctx.amount(f.projectAmount),
    转移数: f.transferCount, 转移金额: ctx.amount(f.transferAmount),
    非财政数: f.nonFiscalCount, 非财政金额: ctx.amount(f.nonFiscalAmount),
  }))];
  const overall = overallPerformanceGrid(ctx, `${id}.overall`);
  if (overall) blocks.push(overall);
  blocks.push(...projectPerformanceGrids(ctx, `${id}.project`));
  // Without a 绩效 table the summary must not end on "具体情况见下表：".
  if (blocks.length === 1) endWithoutLead(blocks[0] as ParaBlock);
  return blocks;
}

export function otherNotesText(ctx: TextContext, id: string): Block[] {
  const notes = getList(ctx.doc, INPUT.otherNotes);
  if (notes.length === 0) return [para(`${id}.none`, withClaim(ctx.t('other.notes.none'), claim('无', inputFig(ctx.doc, INPUT.otherNotes))))];
  return notes.map((n, i) => para(`${id}.${i + 1}`, n, false));
}
