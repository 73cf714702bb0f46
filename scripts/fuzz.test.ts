import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { judgeMessage, runFuzz } from './fuzz/runner';

// A bounded, seeded fuzz run inside `npm test` (the large random one is `npm run fuzz`). Every input goes through the
// real entry points in a worker thread with a time limit; the run fails on any crash, hang, out-of-memory or refusal
// without a clear Chinese message, and saves the offending input under test-output/fuzz/failures/.
const SEED = 20240201;
/** Mutations this bounded run leaves out because of a known open issue (none at present). */
const KNOWN_ISSUES: string[] = [];

describe('fuzz: opening and importing damaged or hostile files', () => {
  it('never crashes, hangs or refuses without a clear Chinese message', { timeout: 600_000 }, async () => {
    const report = await runFuzz({
      counts: { document: 2000, workbook: 400, codesXlsx: 200, codesCsv: 600 },
      seed: SEED,
      timeoutMs: 20_000,
      workers: 1,
      saveDir: join(__dirname, '..', 'test-output', 'fuzz', 'failures'),
      skipMutations: KNOWN_ISSUES,
    });
    expect(report.failures.map((f) => `${f.target} #${f.index} ${f.kind} [${f.labels.join(', ')}] ${f.detail.slice(0, 300)}`)).toEqual([]);
    // The mutations must mostly be refused (they reach the checks) but some still load (they are not all trivial).
    expect(report.runs.document!.refused).toBeGreaterThan(1500);
    expect(report.runs.workbook!.refused).toBeGreaterThan(150);
    expect(report.runs.workbook!.accepted).toBeGreaterThan(20);
  });
});

describe('judgeMessage', () => {
  it('accepts a Chinese explanation, with technical detail in brackets after it', () => {
    expect(judgeMessage('无法读取文件：内容不是完整的 JSON')).toBeNull();
    expect(judgeMessage('无法读取该 Excel 工作簿，文件可能已损坏。（Cannot read properties of undefined）')).toBeNull();
  });

  it('rejects silence, English and raw engine errors', () => {
    expect(judgeMessage('')).toMatch(/没有给出说明/);
    expect(judgeMessage('Unexpected end of JSON input')).toMatch(/不是中文/);
    expect(judgeMessage('无法读取文件：TypeError: x is not a function')).toMatch(/内部错误/);
    expect(judgeMessage('[object Object]')).toMatch(/不是中文/);
  });
});
