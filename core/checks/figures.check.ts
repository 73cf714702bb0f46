import type { Finding } from '../rules/finding';
import type { RenderedNode } from '../text/generate';
import { allParagraphs } from '../text/generate';
import { INPUT } from '../inputs/keys';
import { overrideKey } from '../inputs/keys';
import { getOverallPerformance, getProcurement, getProjectInputs, getProjectPerformances, projectInputOf } from '../inputs/accessors';
import type { TextContext } from '../text/context';
import { grandTotal } from '../text/generators/budget';
import { projectAmount, projectRows } from '../text/generators/projects';
import { textFinding } from './finding-factory';
import { figuresWord } from './set-words';

/** A decimal string to hundredths, exactly ("19.4" → 1940). */
export function toHundredths(s: string): number {
  const [w, f = ''] = s.split('.');
  return Number(w) * 100 + Number((f + '00').slice(0, 2));
}

/** Figures with a unit in a text: amounts (万元 or 元) and percentages, as hundredths. */
export function figuresIn(text: string): { kind: '万元' | '元' | '%'; value: number; raw: string }[] {
  const out: { kind: '万元' | '元' | '%'; value: number; raw: string }[] = [];
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*(万元|元|%)/g)) {
    out.push({ kind: m[2] as '万元' | '元' | '%', value: toHundredths(m[1]), raw: m[0] });
  }
  return out;
}

/**
 * A paragraph the officer typed over (or imported) must state the same figures as the generated one: every amount
 * and percentage of the typed text has to appear among the generated text's figures.
 */
export function checkOverrides(nodes: readonly RenderedNode[]): Finding[] {
  const out: Finding[] = [];
  for (const { block } of allParagraphs(nodes)) {
    if (!block.overridden || block.generatedText === undefined) continue;
    const expected = figuresIn(block.generatedText);
    const have = new Set(expected.map((f) => `${f.kind}${f.value}`));
    const wrong = figuresIn(block.text).filter((f) => !have.has(`${f.kind}${f.value}`));
    if (wrong.length) {
      out.push(textFinding('text.figure-mismatch', '文字中的数字与表格一致', 'error', block.id,
        `改写的文字中“${wrong.map((w) => w.raw).join('、')}”与表格不符，按表格应为：${block.generatedText}`, { input: overrideKey(block.id) }));
    }
  }
  return out;
}

/** Parses "3.2万人" → 32000, "1200人" → 1200; "10元/人" → 1000 (hundredths of 元). */
function persons(s: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(万)?\s*人/.exec(s);
  return m ? Math.round(Number(m[1]) * (m[2] ? 10000 : 1)) : undefined;
}
function standardFen(s: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(万)?\s*元/.exec(s);
  return m ? Math.round(Number(m[1]) * 100 * (m[2] ? 10000 : 1)) : undefined;
}

/** 表7: projects sum to the 合计; 绩效 funds match 表7; subsidies add up; typed allocations match the project. */
export function checkProjects(ctx: TextContext): Finding[] {
  const out: Finding[] = [];
  const t = ctx.table('gpbProjects');
  if (!t) return out;
  const rows = projectRows(ctx);
  const sum = rows.reduce((s, r) => s + projectAmount(ctx, r), 0);
  const totalRow = ctx.row('gpbProjects', 'total');
  const total = totalRow ? projectAmount(ctx, totalRow) : 0;
  if (sum !== total) {
    out.push(textFinding('text.projects-sum', '项目金额之和等于表7合计', 'error', 'total',
      `${t.no}各项目金额之和 ${ctx.money(sum)} ≠ 合计 ${ctx.money(total)}，相差 ${ctx.money(Math.abs(sum - total))}`,
      { cells: [{ table: t.id, row: 'total', col: 'total' }] }));
  }
  const wanPerUnit = ctx.doc.meta.amountUnit === '元' ? 1 : 10000;
  const inputs = getProjectInputs(ctx.doc);
  for (const row of rows) {
    const p = projectInputOf(inputs, row.id, row.name);
    const amount = projectAmount(ctx, row);
    const cell = [{ table: t.id, row: row.id, col: 'total' }];
    const sub = p.subsidy;
    if (sub?.persons && sub.standard) {
      const n = persons(sub.persons);
      const fen = standardFen(sub.standard);
      if (n !== undefined && fen !== undefined) {
        const product = Math.round((n * fen) / wanPerUnit); // hundredths of the printed unit
        if (product !== amount) {
          out.push(textFinding('text.subsidy-product', '补贴人数×补贴标准等于项目金额', 'warning', row.id,
            `项目“${row.name ?? row.id}”补贴人数 ${sub.persons} × 补贴标准 ${sub.standard} = ${ctx.money(product)}，与项目金额 ${ctx.money(amount)} 不符`,
            { input: INPUT.projects, cells: cell }));
        }
      }
    }
    const unit = ctx.doc.meta.amountUnit;
    const stated = figuresIn(p.allocation ?? '').filter((f) => f.kind === unit);
    if (stated.length) {
      const s = stated.reduce((a, f) => a + f.value, 0);
      if (s !== amount) {
        out.push(textFinding('text.allocation-sum', '资金分配情况与项目金额一致', 'warning', row.id,
          `项目“${row.name ?? row.id}”资金分配情况写明 ${ctx.money(s)}，与${t.no}金额 ${ctx.money(amount)} 不符`, { input: INPUT.projects, cells: cell }));
      }
    }
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  getProjectPerformances(ctx.doc).forEach((perf, i) => {
    const covered = perf.rows.map((id) => byId.get(id));
    const unknown = perf.rows.filter((id, k) => !covered[k]);
    if (unknown.length) {
      out.push(textFinding('text.performance-funds', '绩效目标表资金与表7一致', 'error', `perf${i + 1}.rows`,
        `项目支出绩效目标表“${perf.name}”对应的项目在${t.no}中不存在`, { input: INPUT.performanceProjects }));
    }
    const fromTable = covered.reduce((s, r) => s + (r ? projectAmount(ctx, r) : 0), 0);
    if (perf.total !== undefined && perf.total !== fromTable) {
      out.push(textFinding('text.performance-funds', '绩效目标表资金与表7一致', 'error', `perf${i + 1}`,
        `项目支出绩效目标表“${perf.name}”年度预算总额 ${ctx.money(perf.total)}，与${t.no}对应项目合计 ${ctx.money(fromTable)} 不符`,
        { input: INPUT.performanceProjects, cells: covered.filter((r) => r).map((r) => ({ table: t.id, row: r!.id, col: 'total' })) }));
    }
    if (perf.total !== undefined && (perf.fiscal ?? 0) + (perf.other ?? 0) !== perf.total) {
      out.push(textFinding('text.performance-funds', '绩效目标表资金与表7一致', 'warning', `perf${i + 1}.parts`,
        `项目支出绩效目标表“${perf.name}”财政拨款 ${ctx.money(perf.fiscal ?? 0)} + 其他资金 ${ctx.money(perf.other ?? 0)} ≠ 年度预算总额 ${ctx.money(perf.total)}`,
        { input: INPUT.performanceProjects }));
    }
  });
  return out;
}

/**
 * The 整体绩效目标表's funds add up to the 收支总计: in every set, with or without a project table (a 决算 or a
 * Shanghai-style set has none, and its officer still fills in the 整体绩效目标表).
 */
export function checkOverallPerformance(ctx: TextContext): Finding[] {
  const overall = getOverallPerformance(ctx.doc);
  if (!overall || (overall.upper === undefined && overall.local === undefined && overall.other === undefined)) return [];
  const funds = (overall.upper ?? 0) + (overall.local ?? 0) + (overall.other ?? 0);
  const whole = grandTotal(ctx);
  if (funds === whole) return [];
  return [textFinding('text.performance-funds', '绩效目标表资金与表7一致', 'warning', 'overall',
    `${ctx.common.主体}整体绩效目标表资金合计 ${ctx.money(funds)}，与收支总${figuresWord(ctx.template)} ${ctx.money(whole)} 不符`, { input: INPUT.performanceOverall })];
}

/** 小微企业 is part of 中小企业, which is part of the procurement budget. */
export function checkProcurement(ctx: TextContext): Finding[] {
  const p = getProcurement(ctx.doc);
  if (!p) return [];
  const out: Finding[] = [];
  const total = (p.goods ?? 0) + (p.works ?? 0) + (p.services ?? 0);
  if ((p.smeMicro ?? 0) > (p.sme ?? 0)) {
    out.push(textFinding('text.procurement-sme', '小微企业预留不超过中小企业预留', 'error', 'micro',
      `小微企业预留 ${ctx.money(p.smeMicro ?? 0)} 大于面向中小企业预留 ${ctx.money(p.sme ?? 0)}（小微企业是中小企业的一部分）`, { input: INPUT.procurement }));
  }
  if ((p.sme ?? 0) > total) {
    out.push(textFinding('text.procurement-sme', '小微企业预留不超过中小企业预留', 'error', 'sme',
      `面向中小企业预留 ${ctx.money(p.sme ?? 0)} 大于政府采购预算 ${ctx.money(total)}`, { input: INPUT.procurement }));
  }
  if (p.none && total > 0) {
    out.push(textFinding('text.procurement-sme', '小微企业预留不超过中小企业预留', 'warning', 'none',
      `勾选了“本年未安排政府采购”，但填写了采购预算 ${ctx.money(total)}`, { input: INPUT.procurement }));
  }
  return out;
}

/** "125.58元" where the tables are in 万元: a two-decimal figure with 元 (not 万元, not 元/人) in typed text. */
export function checkUnits(ctx: TextContext, typed: readonly { key: string; text: string }[]): Finding[] {
  if (ctx.doc.meta.amountUnit !== '万元') return [];
  const out: Finding[] = [];
  for (const { key, text } of typed) {
    const bad = [...text.matchAll(/(?<![\d.])(\d+\.\d{2})元(?![/／每])/g)].map((m) => m[0]);
    if (bad.length) {
      out.push(textFinding('text.unit-mismatch', '金额单位与表格一致（万元）', 'warning', key,
        `文字中“${bad.join('、')}”的单位是元，表格单位是万元，请核对`, { input: key.split('#')[0] }));
    }
  }
  return out;
}

/** "编制数编制数": a phrase of three or more characters typed twice in a row (a known inspection fault). */
export function checkRepeatedWords(typed: readonly { key: string; text: string }[]): Finding[] {
  const out: Finding[] = [];
  for (const { key, text } of typed) {
    const m = /([\u4e00-\u9fff]{3,8})\1/u.exec(text);
    if (m) {
      out.push(textFinding('text.repeated-words', '文字重复', 'warning', key, `文字中“${m[0]}”重复了“${m[1]}”`, { input: key.split('#')[0] }));
    }
  }
  return out;
}
