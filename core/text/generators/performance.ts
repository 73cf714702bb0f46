import { formatTextAmount, textAmountStyleOf, type TextContext } from '../context';
import type { Indicator } from '../../inputs/schemas';
import { getOverallPerformance, getProjectPerformances } from '../../inputs/accessors';
import type { Block, GridCell } from '../blocks';

/**
 * The 绩效目标表 printed inside 第三部分 (四) 预算绩效情况, laid out as in the 2024 release: a head of fixed fields and
 * the indicator tree with 一级/二级 merged down their runs.
 */

const c = (text: string, colSpan?: number, rowSpan?: number, bold?: boolean): GridCell => ({ text, colSpan, rowSpan, bold, align: 'center' });
const l = (text: string, colSpan?: number): GridCell => ({ text, colSpan, align: 'left' });

/** Indicator rows: level1 and level2 cells merged over consecutive equal values (the tree as printed). */
function indicatorRows(indicators: readonly Indicator[], tail: (i: Indicator) => GridCell[]): GridCell[][] {
  const rows: GridCell[][] = [];
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i];
    const row: GridCell[] = [];
    const prev = indicators[i - 1];
    if (!prev || prev.level1 !== ind.level1) {
      let n = 1;
      while (i + n < indicators.length && indicators[i + n].level1 === ind.level1) n++;
      row.push(c(ind.level1, undefined, n > 1 ? n : undefined));
    }
    if (!prev || prev.level1 !== ind.level1 || prev.level2 !== ind.level2) {
      let n = 1;
      while (i + n < indicators.length && indicators[i + n].level1 === ind.level1 && indicators[i + n].level2 === ind.level2) n++;
      row.push(c(ind.level2, undefined, n > 1 ? n : undefined));
    }
    row.push(l(ind.level3), ...tail(ind));
    rows.push(row);
  }
  return rows;
}

const num = (v: number | undefined) => (v === undefined ? '' : String(v));

export function overallPerformanceGrid(ctx: TextContext, id: string): Block | undefined {
  const p = getOverallPerformance(ctx.doc);
  if (!p) return undefined;
  const m = (v: number | undefined) => formatTextAmount(v ?? 0, textAmountStyleOf(ctx.doc.meta));
  const rows: GridCell[][] = [
    [c(ctx.s('performance.overall.unitLabel')), l(ctx.doc.meta.unitName, 5)],
    [c('部门联系人'), l(p.contact ?? ''), c('联系电话：'), l(p.phone ?? '', 3)],
    [c('年度绩效目标'), l(p.goal ?? '', 5)],
    [c('年度预算（万元）', undefined, 4), c('资金来源', 3), c('资金总额（万元）', 2)],
    [c('财政资金（万元）', undefined, 2), c('上级安排', 2), c(m(p.upper), 2)],
    [c('本级安排', 2), c(m(p.local), 2)],
    [c('其他资金（万元）'), c('其他', 2), c(m(p.other), 2)],
    [c('一级指标', undefined, undefined, true), c('二级指标', undefined, undefined, true), c('三级指标', undefined, undefined, true),
      c('指标值', undefined, undefined, true), c('指标设定依据', undefined, undefined, true), c('分值权重', undefined, undefined, true)],
    ...indicatorRows(p.indicators, (i) => [c(i.value ?? ''), c(i.basis ?? ''), c(num(i.weight))]),
  ];
  return { kind: 'grid', id, title: ctx.s('performance.overall.title'), subtitle: ctx.s('performance.yearLine'), columns: [5, 5, 10, 6, 6, 4], rows };
}

export function projectPerformanceGrids(ctx: TextContext, id: string): Block[] {
  return getProjectPerformances(ctx.doc).map((p, n) => {
    const m = (v: number | undefined) => formatTextAmount(v ?? 0, textAmountStyleOf(ctx.doc.meta));
    const rows: GridCell[][] = [
      [c('预算单位', 2), l(ctx.doc.meta.unitName, 7)],
      [c('项目名称', 2), l(p.name, 3), c('项目负责人', 2), l(p.owner ?? '', 2)],
      [c('项目资金（万元）', 2), c('年度预算总额：'), c(m(p.total)), c('其中：财政拨款'), c(m(p.fiscal)), c('其他资金：'), c(m(p.other), 2)],
      [c('项目总体目标', 2), l(p.goal ?? '', 7)],
      ['一级指标', '二级指标', '三级指标', '指标值', '指标值设置依据', '上年完成值', '指标分值权重', '指标赋分规则', '佐证资料']
        .map((h) => c(h, undefined, undefined, true)),
      ...indicatorRows(p.indicators, (i) => [c(i.value ?? ''), c(i.basis ?? ''), c(i.lastYear ?? ''), c(num(i.weight)), c(i.scoring ?? ''), c(i.evidence ?? '')]),
    ];
    return { kind: 'grid' as const, id: `${id}.${n + 1}`, title: ctx.s('performance.project.title'), subtitle: ctx.s('performance.yearLine'), columns: [3, 3, 10, 4, 3, 4, 3, 5, 3], rows };
  });
}
