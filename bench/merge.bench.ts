/**
 * Consolidation benchmark: 100 of a county's units (bench/support.ts countyUnits: complete documents of mixed size,
 * 10–300 rows per coded table) summed into one 部门 document (goal ≤ 2 s). Reports core's mergeUnits alone (median of 3), the whole `merge` command (read and
 * parse 100 files, sum, write) and 重新汇总 planning after one unit changed. Run: npx tsx bench/merge.bench.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBuiltinTemplateSet } from '../core/template/registry';
import { serializeDocument } from '../core/file/serialize';
import { mergeUnits, type MergeUnit } from '../core/merge/merge-units';
import { remergePlan } from '../core/merge/remerge';
import { run } from '../cli/main';
import { countyUnits } from './support';

const UNITS = Number(process.env.MERGE_UNITS ?? 100);
const template = getBuiltinTemplateSet('xj-dept-2024-11')!;

function units(): MergeUnit[] {
  return countyUnits(UNITS, 11).docs.map((doc, i) => ({ file: `u${i}.ysgk`, sha256: `h${i}`, doc }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

const dir = mkdtempSync(join(tmpdir(), 'bd-merge-bench-'));
try {
  const us = units();
  const coreMs = median([0, 1, 2].map(() => time(() => mergeUnits(us, template, '基准测试局'))));
  const merged = mergeUnits(us, template, '基准测试局');
  if (!merged.ok) throw new Error(merged.message);
  const changed = us.map((u, i) => (i === 0 ? { ...u, sha256: 'changed' } : u));
  const remergeMs = median([0, 1, 2].map(() => time(() => remergePlan(merged.doc, template, changed))));

  for (const u of us) writeFileSync(join(dir, u.file), serializeDocument(u.doc));
  const io = { cwd: dir, out: () => undefined, err: (t: string) => process.stderr.write(`${t}\n`) };
  const t0 = performance.now();
  const exit = await run(['merge', ...us.map((u) => u.file), '-o', '部门.ysgk', '--unit', '基准测试局'], io);
  const cliMs = Math.round(performance.now() - t0);

  console.log(JSON.stringify({
    units: UNITS,
    meanRowsPerCodedTable: Math.round(us.reduce((s, u) => s + u.doc.tables.t3!.rows.length, 0) / UNITS),
    mergeUnitsMs: Math.round(coreMs),
    mergeCommandMs: cliMs, mergeCommandExit: exit, mergeGoalMs: 2_000,
    remergePlanMs: Math.round(remergeMs),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
