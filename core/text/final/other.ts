import { formatAmountShort } from '../../amount/amount';
import { INPUT } from '../../inputs/keys';
import { getAssets, getProcurement } from '../../inputs/accessors';
import { para, type Block } from '../blocks';
import { claim, sumFigs, type TextContext } from '../context';
import { emptyTableClaims } from '../generators/funds';
import { inputFig } from '../generators/other';
import { joinTraced, withClaim } from '../trace';
import { ratioTraced } from './ratio';

/**
 * 第二部分 十一 of a 决算: what was bought (政府采购, with what small firms were granted and their share) and what the
 * unit holds at year end (车辆 by kind, 单价50万元以上设备). The figures are the officer's inputs, traced to them.
 */

const part = (ctx: TextContext, field: string) => inputFig(ctx.doc, `${INPUT.procurement}#${field}`);

/**
 * （二）政府采购支出: the total by 货物/工程/服务, then 授予中小企业合同金额 with its share of the total and 其中小微企业
 * with its share of that — or that none was granted, or that nothing was bought.
 */
export function finalProcurementText(ctx: TextContext, id: string): Block[] {
  const total = sumFigs(['goods', 'works', 'services'].map((f) => part(ctx, f)));
  if (!getProcurement(ctx.doc) || total.value === 0) {
    return [para(`${id}.none`, emptyTableClaims(ctx.t('other.procurement.none'), total))];
  }
  const sme = part(ctx, 'sme');
  const micro = part(ctx, 'smeMicro');
  return [
    para(`${id}.total`, ctx.t('other.procurement', {
      合计: ctx.amount(total), 货物: ctx.amount(part(ctx, 'goods')), 工程: ctx.amount(part(ctx, 'works')), 服务: ctx.amount(part(ctx, 'services')),
    })),
    para(`${id}.sme`, sme.value === 0
      ? withClaim(ctx.t('final.procurement.sme.none'), claim('无', sme))
      : ctx.t('final.procurement.sme', {
        中小企业: ctx.amount(sme), 中小企业占比: ratioTraced(ctx, sme, total),
        小微企业: ctx.amount(micro), 小微企业占比: ratioTraced(ctx, micro, sme),
      })),
  ];
}

/**
 * （三）国有资产占有使用情况 at year end: 房屋 where the officer gave it, 车辆 by kind, and the count of 单价50万元以上
 * (其中100万元以上) equipment. No 预算 line (购置计划) belongs in a 决算.
 */
export function finalAssetsText(ctx: TextContext, id: string): Block[] {
  const a = getAssets(ctx.doc);
  if (!a) return [para(`${id}.none`, ctx.s('other.assets.none'))];
  const at = (path: string) => inputFig(ctx.doc, `${INPUT.assets}#${path}`);
  const vehicles = a.vehicles ?? [];
  const vCount = vehicles.reduce((s, v) => s + v.count, 0);
  const vValue = sumFigs(vehicles.map((_v, i) => at(`vehicles#${i}#value`)));
  const vList = vehicles.filter((v) => v.count > 0).map((v) => ctx.t('other.assets.vehicle', {
    类型: v.kind, 数量: v.count, 价值: ctx.amount(at(`vehicles#${vehicles.indexOf(v)}#value`)),
  }));
  const blocks: Block[] = [para(`${id}.intro`, ctx.s('other.assets.intro', { 截至: a.asOf || ctx.s('other.assets.asOf') }))];
  if ((a.buildingArea ?? 0) > 0 || (a.buildingValue ?? 0) > 0) {
    blocks.push(para(`${id}.building`, ctx.t('other.assets.building', { 面积: formatAmountShort(a.buildingArea ?? 0), 价值: ctx.amount(at('buildingValue')) })));
  }
  blocks.push(
    para(`${id}.vehicles`, vList.length
      ? ctx.t('other.assets.vehicles', { 数量: vCount, 价值: ctx.amount(vValue), 列表: joinTraced(vList, '；') })
      : ctx.t('other.assets.vehicles.none', { 数量: vCount, 价值: ctx.amount(vValue) })),
    para(`${id}.equipment`, ctx.t('other.assets.equipment', { 台50: a.equipment50 ?? 0, 台100: a.equipment100 ?? 0 })),
  );
  return blocks;
}
