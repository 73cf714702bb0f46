#!/usr/bin/env node
// `npm test`: type check, lint, then every vitest test (unit, CLI, end-to-end in Chromium).
// Ends with the plain line "N passed, N failed" that CI reads; the type check and lint count as one test each.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
let passed = 0;
let failed = 0;
const step = (name, code) => {
  if (code === 0) passed += 1;
  else {
    failed += 1;
    console.error(`✗ ${name} failed`);
  }
};

step('typecheck (tsc -b)', run('npx', ['tsc', '-b']));
step('lint (eslint)', run('npx', ['eslint', '.']));

mkdirSync('test-output', { recursive: true });
const report = 'test-output/vitest.json';
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const vitestCode = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  // A test file that fails to load or errors outside a test fails no test of its own: count it as one failure.
  for (const file of r.testResults ?? []) {
    const failedInFile = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failedInFile === 0) {
      failed += 1;
      console.error(`✗ ${file.name}: ${String(file.message ?? '').split('\n')[0]}`);
    }
  }
  if ((r.numTotalTests ?? 0) === 0) failed += 1;
  if (vitestCode !== 0 && failed === 0) failed += 1;
} else {
  failed += 1;
  console.error('✗ vitest wrote no report');
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
