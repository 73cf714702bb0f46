import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setCell } from '../core/commands';
import { serializeDocument } from '../core/file/serialize';
import { createSampleDocument } from '../core/sample/sample-inputs';
import { getBuiltinTemplateSet } from '../core/template/registry';
import { runCli } from './testing/run-cli';

// One wrong 表5 cell, its own subtotals updated as the editor does: the CLI names that cell as the cause of every
// finding it explains instead of listing the same difference at 项, 款, 类 and 合计 in three tables.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bd-cause-'));
  const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
  const doc = createSampleDocument();
  const row = doc.tables.t5!.rows.find((r) => r.code === '2101101')!;
  setCell({ table: 't5', row: row.id, col: 'basic' }, row.values.basic! + 100).apply(doc, { template });
  writeFileSync(join(dir, 'typo.ysgk'), serializeDocument(doc));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate groups findings under their cause', () => {
  it('--json gives each finding of the group the cause, named like its cells', async () => {
    const r = await runCli(dir, ['validate', 'typo.ysgk', '--json']);
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.out) as { findings: { rule: string; cause?: { table: string; row: string; column: string } }[] };
    const caused = findings.filter((f) => f.cause);
    expect(caused.length).toBeGreaterThan(3);
    for (const f of caused) expect(f.cause).toEqual({ table: '表5', row: '2101101', column: '基本支出' });
  });

  it('the plain output prints the group once, with how many findings it explains', async () => {
    const r = await runCli(dir, ['validate', 'typo.ysgk']);
    expect(r.out).toMatch(/可能的原因：表5 2101101 基本支出；另有 \d+ 处由此引起：/);
  });
});
