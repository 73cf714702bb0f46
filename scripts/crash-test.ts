/**
 * `npm run crash-test [-- --count N]`: N SIGKILL trials (default 1,000) spread over document saves, two-file
 * exports, the per-user history and the document lock (see scripts/crash/crash-runner.ts). Prints a JSON summary;
 * exit code 1 when any kill left an incomplete file, a lost history version or a lock that blocks.
 */
import { runCrashTest } from './crash/crash-runner';

const i = process.argv.indexOf('--count');
const count = i >= 0 && Number.isFinite(Number(process.argv[i + 1])) ? Number(process.argv[i + 1]) : 1000;
let last = 0;
const report = await runCrashTest(count, (done) => {
  if (Date.now() - last > 5000 || done === count) {
    last = Date.now();
    process.stderr.write(`断电测试进度：${done}/${count}\n`);
  }
});
console.log(JSON.stringify(report, null, 2));
process.exit(report.failures.length === 0 ? 0 : 1);
