import { formatPercent, percentOf } from '../amount/percent';
import { getAmount, type BudgetDocument } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { createContext, formatTextAmount, textAmountStyleOf } from './context';
import { allParagraphs, type RenderedNode } from './generate';
import { inputAmountAt } from './generators/other';
import type { Claim, ClaimWord, FigureSpan } from './trace';

/**
 * Recomputes every traced figure of a rendered document from the document itself: the printed text of each span,
 * its value from its cells / last-year keys / inputs, every amount or percentage of the text covered by a span, each
 * 未安排 / 无 / 持平 / 新增 backed by a claim that holds, and each group of shares adding up to exactly 100.00%.
 * Returns one line per fault (for tests and diagnostics; empty when every sentence is true to its trace).
 */
export function traceFaults(doc: BudgetDocument, template: TemplateSet, nodes: readonly RenderedNode[]): string[] {
  const ctx = createContext(doc, template);
  const style = textAmountStyleOf(doc.meta);
  const unit = ctx.common.单位 as string;
  const faults: string[] = [];
  const groups = new Map<string, number>();
  const current = (s: { cells: FigureSpan['cells']; inputs?: string[] }) =>
    s.cells.reduce((a, c) => a + getAmount(doc, c), 0) + (s.inputs ?? []).reduce((a, k) => a + inputAmountAt(doc, k), 0);
  const prior = (keys: readonly string[]) => keys.reduce((a, k) => a + (doc.priorYear[k] ?? 0), 0);

  for (const { block } of allParagraphs(nodes)) {
    if (!block.generated || block.overridden) continue;
    const at = (msg: string) => faults.push(`${block.id}: ${msg} — ${block.text}`);
    const spans = block.spans ?? [];
    for (const s of spans) {
      if (block.text.slice(s.start, s.start + s.text.length) !== s.text) at(`span "${s.text}" not at ${s.start}`);
      const printed = s.kind === 'amount' ? `${formatTextAmount(s.value, style)}${unit}` : `${formatPercent(s.value)}%`;
      if (printed !== s.text) at(`span prints "${s.text}", value says "${printed}"`);
      const cur = current(s);
      const old = prior(s.priorKeys);
      if (s.op === 'sum' && s.value !== cur) at(`"${s.text}" ≠ its cells ${cur}`);
      if (s.op === 'change' && s.value !== Math.abs(cur - old)) at(`change "${s.text}" ≠ |${cur} − ${old}|`);
      if (s.op === 'rate' && s.value !== percentOf(Math.abs(cur - old), old)) at(`rate "${s.text}" ≠ |${cur} − ${old}| / ${old}`);
      if (s.op === 'ratio') {
        const divisor = s.of ? current(s.of) : 0;
        if (divisor === 0 || s.value !== percentOf(cur, divisor)) at(`ratio "${s.text}" is not ${cur} / ${divisor}`);
      }
      if (s.op === 'share' && s.share) {
        const whole = s.share.whole.reduce((a, c) => a + getAmount(doc, c), 0);
        const low = whole === 0 ? 0 : Math.floor((cur * 10000) / whole);
        if (whole === 0 || s.value < low || s.value > low + 1) at(`share "${s.text}" is not ${cur} / ${whole}`);
        groups.set(s.share.group, (groups.get(s.share.group) ?? 0) + s.value);
      }
    }
    const quoted = (i: number) => (block.verbatim ?? []).some((v) => i >= v.start && i < v.start + v.length);
    for (const m of block.text.matchAll(/(\d+(?:\.\d+)?)\s*(万元|元|%)/g)) {
      const i = m.index ?? 0;
      if (quoted(i)) continue;
      if (!spans.some((s) => s.start === i && s.text === m[0])) at(`"${m[0]}" has no trace`);
    }
    // Claim words outside quoted text must each be backed by a claim that holds.
    const generatedOnly = [...block.text].map((ch, i) => (quoted(i) ? ' ' : ch)).join('');
    for (const word of ['未安排', '无', '持平', '新增'] as const) {
      const said = generatedOnly.split(word).length - 1;
      const claims = (block.claims ?? []).filter((c) => c.word === word);
      if (said > claims.length) at(`says ${word} ${said}× with ${claims.length} claim(s)`);
    }
    for (const c of block.claims ?? []) {
      if (!holds(c, current(c), prior(c.priorKeys))) at(`claim ${c.word} is false (now ${current(c)}, last year ${prior(c.priorKeys)})`);
    }
  }
  for (const [group, sum] of groups) if (sum !== 10000) faults.push(`${group}: shares add up to ${formatPercent(sum)}%`);
  return faults;
}

function holds(c: Claim, cur: number, old: number): boolean {
  const rules: Record<ClaimWord, boolean> = {
    未安排: cur === 0,
    无: cur === 0,
    持平: cur === old,
    新增: old === 0 && cur > 0,
  };
  return rules[c.word];
}
