import { describe, expect, it, beforeAll } from 'vitest';
import { spawnCli } from '../testing/run-cli';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { serializeDocument } from '../../core/file/serialize';

let dir: string;

/** The real binary, as a user runs it. */
const cli = (...args: string[]) => spawnCli(dir, args);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bd-opendata-'));
  writeFileSync(join(dir, 'sample.ysgk'), serializeDocument(createSampleDocument()));
});

describe('export --csv / --data', { timeout: 240_000 }, () => {
  it('writes one CSV per table into a new folder and the whole disclosure as JSON', () => {
    const r = cli('export', 'sample.ysgk', '--csv', '开放数据', '--data', '预算公开.json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = readdirSync(join(dir, '开放数据')).sort();
    expect(files).toHaveLength(11);
    expect(files).toContain('表5 一般公共预算支出情况表.csv');
    const csv = readFileSync(join(dir, '开放数据', '表5 一般公共预算支出情况表.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF功能分类科目编码,功能分类科目名称,合计')).toBe(true);
    expect(csv).toContain('\r\n2101101,行政单位医疗,7.55,7.55,0.00\r\n');
    const data = JSON.parse(readFileSync(join(dir, '预算公开.json'), 'utf8')) as { format: string; tables: unknown[] };
    expect(data.format).toBe('budget-disclosure-open-data');
    expect(data.tables).toHaveLength(11);
    expect(r.out).toContain('已导出 CSV');
    expect(r.out).toContain('已导出 数据 JSON');
  });

  it('refuses to replace existing CSVs without --overwrite and writes nothing', () => {
    const again = cli('export', 'sample.ysgk', '--csv', '开放数据', '--data', '新.json');
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
    expect(existsSync(join(dir, '新.json'))).toBe(false);
  });

  it('says in Chinese when the folder is a file', () => {
    writeFileSync(join(dir, '是文件'), 'x');
    const r = cli('export', 'sample.ysgk', '--csv', '是文件');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/是文件/);
    expect(r.err).not.toMatch(/ENOTDIR|EEXIST|Error/);
  });
});
