import { leafLabel } from '../../template/header-layout';
import type { FixedRowDef } from '../../template/template.schema';
import { PRIOR, reasonKey, usageKey } from '../../inputs/keys';
import { endWithoutLead, para, type Block, type ParaBlock } from '../blocks';
import { changeTraced, claim, codeLevel, enumerate, firstNonZero, reasonPhrase, sharesTraced, sumFigs, type TextContext } from '../context';
import { joinTraced, plain, withClaim, type Fig, type Traced } from '../trace';

/**
 * 第三部分 一 至 四: the overall budget, income by source, expenditure by kind, and the 财政拨款 overview.
 * Figures come from the tables; only reasons and 主要用于 are the officer's.
 */

/** The document's total (收支总预算): 表1 收入总计, or 表3 合计 when 表1 is not filled. */
export function grandTotal(ctx: TextContext): number {
  return grandTotalFig(ctx).value;
}

export function grandTotalFig(ctx: TextContext): Fig {
  return firstNonZero(ctx.fig('overview', 'inTotal', 'inAmount'), ctx.fig('expenditure', 'total', 'total'), ctx.fig('income', 'total', 'total'));
}

/**
 * 表1's kinds of income that have money, as names without numbering: the rows that are neither a 其中 detail nor a
 * sum of other kinds — "1. 一般公共预算拨款" (a sum of its own 其中 rows only) in the 2024 set, "一般公共预算" under
 * "财政拨款（补助）" in the 2021 set, as the releases list them.
 */
function incomeKinds(ctx: TextContext): string[] {
  const t = ctx.table('overview');
  if (!t || t.rows.kind !== 'sideBySide') return [];
  return kindRows(t.rows.sides[0])
    .filter((def) => ctx.value('overview', def.id, 'inAmount') !== 0)
    .map((def) => def.label.replace(/^(?:\d+\s*[.．、]|[一二三四五六七八九十]+、)\s*/, ''));
}

/**
 * The rows of a side-by-side table's list that are kinds of money in their own right: neither a 其中 detail nor a
 * sum of other kinds. A row summing only its own 其中 rows is a kind (表1 "1. 一般公共预算拨款"; a 决算 表4's
 * 年初财政拨款结转和结余 over its three sources), so its parts are never stated as more money of their own.
 */
function kindRows(side: readonly FixedRowDef[]): FixedRowDef[] {
  const partOf = new Map(side.map((d) => [d.id, d.partOf]));
  return side.filter((def) => {
    if (def.partOf || def.code) return false;
    const terms = def.formula ? def.formula.split(/[+-]/).map((x) => x.trim()).filter(Boolean) : [];
    return terms.every((term) => partOf.get(term) === def.id);
  });
}

function expenditureClasses(ctx: TextContext): string[] {
  return ctx.rows('expenditure').filter((r) => codeLevel(r) === 0 && (r.values.total ?? 0) !== 0).map((r) => r.name ?? r.code ?? '');
}

export function summaryText(ctx: TextContext, id: string): Block[] {
  const total = grandTotalFig(ctx);
  const income = incomeKinds(ctx);
  const classes = expenditureClasses(ctx);
  const blocks = [para(`${id}.total`, ctx.t('summary.total', { 合计: ctx.amount(total) }))];
  // "未安排收入预算" states that the document has no income at all: its claim is the income total.
  const incomeTotal = firstNonZero(ctx.fig('overview', 'inTotal', 'inAmount'), ctx.fig('income', 'total', 'total'));
  blocks.push(para(`${id}.income`, income.length
    ? ctx.t('summary.income', { 列表: enumerate(income) })
    : withClaim(ctx.t('summary.income.none'), claim('未安排', incomeTotal))));
  blocks.push(para(`${id}.expenditure`, classes.length
    ? ctx.t('summary.expenditure', { 列表: enumerate(classes) })
    : withClaim(ctx.t('summary.expenditure.none'), claim('未安排', ctx.fig('expenditure', 'total', 'total')))));
  return blocks;
}

/** Income source columns of 表2 (everything but 总计 and computed subtotals), in printed order. */
export function incomeSources(ctx: TextContext) {
  const t = ctx.table('income');
  if (!t) return [];
  return t.columns
    .filter((c) => c.kind === 'amount' && c.id !== 'total' && !c.formula && c.id !== 'fiscalSubtotal')
    // Grouped (财政拨款) sources and the three 财政拨款 kinds are always stated, "未安排" when zero.
    .map((c) => ({ id: c.id, label: leafLabel(c), grouped: c.header.length > 1 || ['gpb', 'fund', 'soe'].includes(c.id), amount: ctx.value('income', 'total', c.id) }));
}

export function incomeText(ctx: TextContext, id: string): Block[] {
  const sources = incomeSources(ctx);
  const figs = sources.map((s) => ctx.fig('income', 'total', s.id));
  const total = firstNonZero(ctx.fig('income', 'total', 'total'), sumFigs(figs));
  const share = sharesTraced(ctx, figs, `${id}.share`);
  const blocks: Block[] = [para(`${id}.total`, ctx.t('income.total', { 合计: ctx.amount(total) }))];
  sources.forEach((src, i) => {
    // A source that fell to zero since last year is stated with its decrease, as releases do; one never used is
    // left out, or written 未安排 for the 财政拨款 kinds.
    const hadLastYear = (ctx.prior(PRIOR.income(src.id)) ?? 0) !== 0;
    if (src.amount === 0 && !src.grouped && !hadLastYear) return;
    const text = src.amount === 0 && !hadLastYear
      ? withClaim(ctx.t('income.none', { 来源: src.label, 金额: ctx.amount(figs[i]) }), claim('未安排', figs[i]))
      : ctx.t('income.item', {
        来源: src.label,
        金额: ctx.amount(figs[i]),
        占比: share[i] ?? plain(ctx.pct(0)),
        变化: changeTraced(ctx, figs[i], [PRIOR.income(src.id)]),
        原因: reasonPhrase(ctx, 'reason', reasonKey.income(src.id)),
      });
    blocks.push(para(`${id}.${src.id}`, text));
  });
  // No source to list (a 决算 set states only the sources it has): the total's "其中：" must not dangle.
  if (blocks.length === 1) endWithoutLead(blocks[0] as ParaBlock);
  return closeList(blocks);
}

/** A list of "…；" paragraphs ends with "。". */
export function closeList(blocks: Block[]): Block[] {
  const last = blocks[blocks.length - 1];
  if (last && last.kind === 'para') last.text = last.text.replace(/[；;]$/, '。');
  return blocks;
}

export function expenditureText(ctx: TextContext, id: string): Block[] {
  const basic = ctx.fig('expenditure', 'total', 'basic');
  const project = ctx.fig('expenditure', 'total', 'project');
  const total = firstNonZero(ctx.fig('expenditure', 'total', 'total'), sumFigs([basic, project]));
  const [sb, sp] = sharesTraced(ctx, [basic, project], `${id}.share`);
  const blocks: Block[] = [para(`${id}.total`, ctx.t('expenditure.total', { 合计: ctx.amount(total) }))];
  const kinds = [
    { kind: 'basic' as const, amount: basic, share: sb },
    { kind: 'project' as const, amount: project, share: sp },
  ];
  for (const k of kinds) {
    const label = ctx.s(`label.${k.kind}`);
    const priorKey = PRIOR.expenditure(k.kind);
    blocks.push(para(`${id}.${k.kind}`, k.amount.value === 0 && (ctx.prior(priorKey) ?? 0) === 0
      ? withClaim(ctx.t('expenditure.none', { 类型: label, 金额: ctx.amount(k.amount) }), claim('未安排', k.amount, [priorKey]))
      : ctx.t('expenditure.item', {
        类型: label,
        金额: ctx.amount(k.amount),
        占比: k.share ?? plain(ctx.pct(0)),
        变化: changeTraced(ctx, k.amount, [priorKey]),
        原因: reasonPhrase(ctx, 'reason', reasonKey.expenditure(k.kind)),
      })));
  }
  return blocks;
}

/** 财政拨款收支总预算: 表4's 收入总计, else its 财政拨款 row (sets whose 表4 has no total line). */
export function fiscalTotalFig(ctx: TextContext): Fig {
  return firstNonZero(ctx.fig('fiscalOverview', 'inTotal', 'inAmount'), ctx.fig('fiscalOverview', 'fiscal', 'inAmount'));
}

/** 四、财政拨款收支预算总体情况 from 表4: sources, and per 类 amount with 主要用于. */
export function fiscalText(ctx: TextContext, id: string): Block[] {
  const t = ctx.table('fiscalOverview');
  const total = fiscalTotalFig(ctx);
  const blocks: Block[] = [para(`${id}.total`, ctx.t('fiscal.total', { 合计: ctx.amount(total) }))];
  if (!t || t.rows.kind !== 'sideBySide') return blocks;
  const sourceRows = kindRows(t.rows.sides[0]);
  const named = sourceRows.map((r) => ({
    def: r,
    name: ctx.s('fiscal.sourceName', { 名称: r.label.replace(/^[一二三四五六七八九十]+、/, '') }),
    amount: ctx.fig('fiscalOverview', r.id, 'inAmount'),
  }));
  const present = named.filter((n) => n.amount.value !== 0);
  const absent = named.filter((n) => n.amount.value === 0);
  if (present.length === 1) {
    blocks.push(para(`${id}.sources`, absent.length
      ? withClaim(ctx.t('fiscal.sources.only', { 来源: present[0].name, 其他: andList(absent.map((a) => a.name)) }), claim('无', sumFigs(absent.map((a) => a.amount))))
      : ctx.t('fiscal.sources.onlyAll', { 来源: present[0].name })));
  }
  if (present.length > 0) {
    const list = present.map((p) => ctx.t('fiscal.incomeItem', { 名称: p.name, 金额: ctx.amount(p.amount) }));
    blocks.push(para(`${id}.income`, ctx.t('fiscal.income', { 列表: joinTraced(list, '，') })));
  }
  const outColumns = t.columns.filter((c) => c.side === 1 && c.kind === 'amount' && c.id !== 'total');
  for (const col of outColumns) {
    const items: Traced[] = [];
    for (const def of t.rows.sides[1]) {
      const amount = ctx.fig('fiscalOverview', def.id, col.id);
      if (amount.value === 0 || !def.code) continue;
      const name = def.label.replace(/^\d+\s*/, '');
      const usage = ctx.text(usageKey(def.code));
      items.push(usage
        ? ctx.t('fiscal.class', { 名称: name, 编码: def.code, 金额: ctx.amount(amount), 用途: ctx.quote(usageKey(def.code)) })
        : ctx.t('fiscal.class.noUsage', { 名称: name, 编码: def.code, 金额: ctx.amount(amount) }));
    }
    if (items.length) blocks.push(para(`${id}.out.${col.id}`, ctx.t('fiscal.expenditure', { 来源: leafLabel(col), 列表: joinTraced(items, '；') })));
  }
  return blocks;
}

/** "A和B", "A、B和C": the last two joined by 和, as a list of names reads. */
function andList(names: readonly string[]): string {
  return names.length <= 2 ? names.join('和') : `${names.slice(0, -1).join('、')}和${names[names.length - 1]!}`;
}
