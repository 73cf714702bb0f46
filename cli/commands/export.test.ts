import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { serializeDocument } from '../../core/file/serialize';

const bin = join(__dirname, '..', 'bin.mjs');
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The sample with 表3 行政运行 基本支出 changed by hand, so 表3 no longer adds up and 表1/表5 disagree. */
function brokenSample(): string {
  const doc = createSampleDocument();
  const row = doc.tables.t3.rows.find((r) => r.id === '2101501')!;
  row.values.basic = 13900;
  return serializeDocument(doc);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bd-export-'));
  writeFileSync(join(dir, 'sample.ysgk'), serializeDocument(createSampleDocument()));
  writeFileSync(join(dir, 'broken.ysgk'), brokenSample());
});

describe('export --docx / --xlsx', { timeout: 240_000 }, () => {
  it('writes both files for the consistent sample and lists the 提示 it keeps', async () => {
    const r = cli('export', 'sample.ysgk', '--xlsx', 'out.xlsx', '--docx', 'out.docx');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已导出 Excel');
    expect(r.out).toContain('已导出 Word');
    // The sample keeps its release's 30110 提示 and the two prior-year 提示 (items 743.45 against a total of 753.45).
    expect(r.out).toContain('错误 0 条、提示 3 条');
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out.docx')));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('若羌县医疗保障局');
  });

  it('refuses with 错误 open unless --force, and then lists the open findings', () => {
    const refused = cli('export', 'broken.ysgk', '--docx', 'broken.docx');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--force');
    expect(refused.err).toMatch(/\[错误\].*2101501/);
    expect(existsSync(join(dir, 'broken.docx'))).toBe(false);
    const forced = cli('export', 'broken.ysgk', '--docx', 'broken.docx', '--force');
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, 'broken.docx'))).toBe(true);
    expect(forced.out).toMatch(/\[错误\].*2101501/);
  });

  it('validate counts text findings too and exits 1 on errors', () => {
    const r = cli('validate', 'broken.ysgk');
    expect(r.code).toBe(1);
    expect(r.out).toContain('错误');
  });
});
