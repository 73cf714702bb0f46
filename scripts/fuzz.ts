/**
 * `npm run fuzz [-- --count N --seed S --timeout MS --workers W]`: N mutated/garbage inputs per entry point (打开文档,
 * 导入 Excel, 导入科目表 from Excel and CSV). Prints a JSON summary; failing inputs are saved under
 * test-output/fuzz/failures/ for replay. Exit code 1 when any input crashed, hung or got no clear Chinese message.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { runFuzz } from './fuzz/runner';
import { TARGETS, type TargetName } from './fuzz/targets';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
}

const count = arg('count', 5000);
const seed = arg('seed', Date.now() % 1_000_000);
// Every target gets the full count, not a share of it: `--count 10000` means 10,000 inputs for each target.
const counts = Object.fromEntries((Object.keys(TARGETS) as TargetName[]).map((t) => [t, count]));
const started = Date.now();
let lastPrint = 0;
const report = await runFuzz({
  counts,
  seed,
  timeoutMs: arg('timeout', 10_000),
  workers: arg('workers', Math.max(1, availableParallelism() - 1)),
  saveDir: join(process.cwd(), 'test-output', 'fuzz', 'failures'),
  onProgress: (done, total) => {
    if (Date.now() - lastPrint > 5000 || done === total) {
      lastPrint = Date.now();
      process.stderr.write(`模糊测试进度：${done}/${total}\n`);
    }
  },
});
console.log(JSON.stringify({ ...report, seconds: Math.round((Date.now() - started) / 1000) }, null, 2));
process.exit(report.failures.length === 0 ? 0 : 1);
