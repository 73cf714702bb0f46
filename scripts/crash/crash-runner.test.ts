import { describe, expect, it } from 'vitest';
import { runCrashTest, SCENARIOS } from './crash-runner';

// The full run (`npm run crash-test`, 1,000 kills) is too long for every test run; this keeps the runner and each
// scenario working (node/atomic-write.crash.test.ts kills 220 saves inside npm test).
describe('crash-test runner', () => {
  it('kills each scenario twice and finds nothing incomplete', { timeout: 300_000 }, async () => {
    const report = await runCrashTest(SCENARIOS.length * 2);
    expect(report.failures).toEqual([]);
    for (const s of SCENARIOS) expect(report.byScenario[s].trials).toBe(2);
  });
});
