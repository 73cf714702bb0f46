/**
 * Cause grouping as the editor runs it after an edit (renderer/app/use-finding-groups.ts, on the page's thread),
 * best of 3: a 10,000-row 表3 mirrored into 表5 and 表2 (about 5,000 findings remain: 表2's rows are not a true
 * income split) with one typo in 表5; and the first 1,000 / 2,000 / 10,000 table findings of a 表3 no other table
 * agrees with. The editor groups up to GROUPING_LIMIT table findings and lists more ungrouped.
 * Run: npx tsx bench/causes.bench.ts — prints one JSON line.
 */
import { loadavg } from 'node:os';
import { setCell } from '../core/commands';
import { groupByCauseIndexed } from '../core/rules/causes';
import { createRuleEngine } from '../core/rules/engine';
import { getBuiltinTemplateSet } from '../core/template/registry';
import type { Command } from '../core/commands/command';
import { generateFiscalOverview, generateOverview } from '../core/derive/generate';
import { recomputeAll } from '../core/derive/recompute.command';
import { bigDocument, timeBest } from './support';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;

async function main(): Promise<void> {
  const out: Record<string, unknown> = { load1: Math.round(loadavg()[0]! * 10) / 10 };
  // One typo in a consistent 10,000-row document.
  const doc = bigDocument(template, { lei: 10, kuan: 20, xiang: 50, seed: 3, tables: ['t3', 't5'] });
  for (const r of doc.tables.t3!.rows) if (r.code) doc.tables.t2!.rows.push({ ...r, values: r.values.total ? { total: r.values.total, gpb: r.values.total } : {} });
  const ctx = { template };
  recomputeAll().apply(doc, ctx);
  for (const d of [generateOverview, generateFiscalOverview]) {
    const r = d(doc, template);
    if (r.ok) (r.command as Command).apply(doc, ctx);
  }
  const engine = createRuleEngine(template, doc);
  const base = new Set(engine.findings().map((f) => f.id));
  const leaf = doc.tables.t5!.rows.find((r) => r.code?.length === 7)!;
  const cell = { table: 't5', row: leaf.id, col: 'basic' };
  setCell(cell, leaf.values.basic! + 777).apply(doc, { template });
  const typo = createRuleEngine(template, doc).findings();
  const one = await timeBest(() => groupByCauseIndexed(typo, doc, template, { lastEdited: cell }));
  out.typo = { rows: doc.tables.t3!.rows.length, findings: typo.length, newFindings: typo.filter((f) => !base.has(f.id)).length, groups: one.value.length, ms: one.ms };
  // Many findings: 表3 alone, each 项 disagreeing with the empty 表2 and 表5.
  const wrong = bigDocument(template, { lei: 10, kuan: 20, xiang: 50, seed: 3, tables: ['t3'] });
  const all = createRuleEngine(template, wrong).findings().filter((f) => f.scope !== '文字' && f.cells.length > 0);
  for (const n of [1000, 2000, 10_000]) {
    const some = all.slice(0, n);
    const r = await timeBest(() => groupByCauseIndexed(some, wrong, template));
    out[`findings${n}`] = { findings: some.length, groups: r.value.length, ms: r.ms };
  }
  console.log(JSON.stringify(out));
}

void main();
