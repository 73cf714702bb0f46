/**
 * `npm run bench`: runs every bench/*.bench.ts in its own Node process (through tsx, so a slow or crashing bench
 * cannot disturb the others' timings) and prints one JSON object: bench file name → the JSON line it printed, and
 * `loadAverage1m`: bench file name → the machine's 1-minute load average before and after it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const results: Record<string, unknown> = {};
const loads: Record<string, { before: number; after: number }> = {};
let failed = false;
// A measure taken on a busy machine is slower for reasons of its own: the output ends with each bench's 1-minute load
// average before and after it ran, so a report can say how quiet the machine was.
const load = (): number => Math.round(loadavg()[0] * 100) / 100;
for (const file of files) {
  const loadBefore = load();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { cwd: join(here, '..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.stderr) process.stderr.write(r.stderr);
  loads[file] = { before: loadBefore, after: load() };
  const lines = (r.stdout ?? '').trim().split('\n').filter((l) => l.trim().startsWith('{'));
  try {
    if (r.status !== 0 || lines.length === 0) throw new Error(`exit ${r.status ?? r.signal}`);
    const parsed = lines.map((l) => JSON.parse(l) as unknown);
    results[file] = parsed.length === 1 ? parsed[0] : parsed;
  } catch (error) {
    failed = true;
    results[file] = { error: error instanceof Error ? error.message : String(error), stdout: r.stdout?.slice(0, 2000) };
  }
}
console.log(JSON.stringify({ ...results, loadAverage1m: loads }, null, 2));
process.exitCode = failed ? 1 : 0;
