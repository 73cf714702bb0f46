import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from '../core/file/parse';

const bin = join(__dirname, 'bin.mjs');
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bd-cli-'));
});

// Each test spawns the CLI (tsx compiles on start): slow on a loaded machine, hence the long timeout.
describe('budget-disclosure CLI', { timeout: 240_000 }, () => {
  it('lists templates', () => {
    const r = cli('templates');
    expect(r.code).toBe(0);
    expect(r.out).toContain('xj-dept-2024-11\t');
    expect(r.out).toContain('xj-unit-2021-9\t');
  });

  it('writes the sample, which validates with no 错误 (exit 0)', () => {
    const w = cli('sample', '-o', '示例.ysgk');
    expect(w.code).toBe(0);
    const parsed = parseDocument(readFileSync(join(dir, '示例.ysgk')));
    expect(parsed.ok).toBe(true);
    const v = cli('validate', '示例.ysgk', '--json');
    expect(v.code).toBe(0);
    const json = JSON.parse(v.out) as { findings: { severity: string; cells: { table: string; row: string; column: string }[] }[] };
    expect(json.findings.every((f) => f.severity === 'warning')).toBe(true);
    for (const f of json.findings) for (const c of f.cells) expect(c.table).toMatch(/^表/);
    const human = cli('validate', '示例.ysgk');
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/错误 0 条|审核通过/);
  });

  it('exit 1 with errors, printing the cells in printed vocabulary', () => {
    const raw = JSON.parse(readFileSync(join(dir, '示例.ysgk'), 'utf8'));
    const row = raw.tables.t3.rows.find((r: { id: string }) => r.id === '2101501');
    row.values.basic += 100;
    writeFileSync(join(dir, '坏.ysgk'), JSON.stringify(raw));
    const v = cli('validate', '坏.ysgk', '--json');
    expect(v.code).toBe(1);
    const json = JSON.parse(v.out) as { findings: { severity: string; rule: string; message: string; cells: { table: string; row: string; column: string }[] }[] };
    const errors = json.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((f) => f.cells.some((c) => c.table === '表3' && c.row === '2101501'))).toBe(true);
    expect(Object.keys(errors[0]).filter((k) => k !== 'cause').sort()).toEqual(['cells', 'message', 'rule', 'severity']);
    // The one changed cell is named as the cause of what it explains.
    const caused = json.findings.filter((f) => 'cause' in f) as unknown as { cause: { table: string; row: string; column: string } }[];
    expect(caused.length).toBeGreaterThan(0);
    expect(caused.every((f) => f.cause.table === '表3' && f.cause.row === '2101501' && f.cause.column === '基本支出')).toBe(true);
    const human = cli('validate', '坏.ysgk');
    expect(human.code).toBe(1);
    expect(human.out).toContain('[错误]');
  });

  it('exit 2 for an unusable file, with a Chinese message', () => {
    writeFileSync(join(dir, '乱码.ysgk'), Buffer.from([0xff, 0x00, 0x13]));
    const v = cli('validate', '乱码.ysgk');
    expect(v.code).toBe(2);
    expect(v.err).toContain('不是 UTF-8');
    expect(cli('validate', '不存在.ysgk').err).toContain('无法打开“不存在.ysgk”：文件或文件夹不存在');
  });

  it('new: creates an empty document of a template; refuses unknown ones', () => {
    const r = cli('new', '--template', 'xj-unit-2021-9', '-o', '新.ysgk', '--unit', '某县财政局', '--year', '2025');
    expect(r.code).toBe(0);
    const parsed = parseDocument(readFileSync(join(dir, '新.ysgk')));
    expect(parsed.ok && parsed.doc.meta).toMatchObject({ unitName: '某县财政局', year: 2025, templateId: 'xj-unit-2021-9' });
    expect(cli('validate', '新.ysgk').code).toBe(0);
    const bad = cli('new', '--template', 'nope', '-o', 'x.ysgk');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('未知的模板“nope”');
    expect(existsSync(join(dir, 'x.ysgk'))).toBe(false);
  });

  it('usage errors exit 2', () => {
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('sample').err).toContain('-o');
    expect(cli('validate', 'a', '--bogus').err).toContain('未知选项 --bogus');
    const help = cli('help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('validate FILE [--json]');
  });
});
