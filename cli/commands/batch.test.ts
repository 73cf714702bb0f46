import { describe, expect, it, beforeAll } from 'vitest';
import { spawnCli } from '../testing/run-cli';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { serializeDocument } from '../../core/file/serialize';
import { exportXlsx } from '../../core/xlsx/export-xlsx';
import { getBuiltinTemplateSet } from '../../core/template/registry';

const bin = join(__dirname, '..', 'bin.mjs');
let dir: string;

/** The real binary, as a user runs it. */
const cli = (...args: string[]) => spawnCli(dir, args);

async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(dir, file)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name)!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bd-batch-'));
  mkdirSync(join(dir, '报送', '乡镇'), { recursive: true });
  const sample = createSampleDocument();
  writeFileSync(join(dir, '报送', '医保局.ysgk'), serializeDocument(sample));
  const broken = createSampleDocument();
  broken.meta.unitName = '某乡卫生院';
  broken.tables.t3!.rows.find((r) => r.id === '2101501')!.values.basic = 13900;
  writeFileSync(join(dir, '报送', '乡镇', '卫生院.ysgk'), serializeDocument(broken));
  writeFileSync(join(dir, '报送', '乡镇', '医保局工作簿.xlsx'), await exportXlsx(sample, getBuiltinTemplateSet(sample.meta.templateId)!));
  writeFileSync(join(dir, '报送', '损坏.xlsx'), 'not a workbook');
  writeFileSync(join(dir, '报送', '~$医保局工作簿.xlsx'), 'Excel lock file');
  writeFileSync(join(dir, '报送', '说明.txt'), '不是单位文件');
});

describe('batch', { timeout: 300_000 }, () => {
  it('checks a folder recursively, writes the summary workbook and exits 2 when a file cannot be read', async () => {
    const r = cli('batch', '报送', '--report', '汇总.xlsx', '--jobs', '2');
    expect(r.err).toBe('');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/\[\d\/4\] 报送[\\/]损坏\.xlsx：无法读取/);
    expect(r.out).toContain('共 4 个文件：有错误 1 个，无法读取 1 个');
    const summary = await sheetRows('汇总.xlsx', '汇总');
    expect(summary[0]).toEqual(expect.arrayContaining(['文件', '单位', '收支总计', '财政拨款', '“三公”经费', '错误', '提示', '导入问题', '第一个错误']));
    expect(summary).toHaveLength(5);
    const byFile = new Map(summary.slice(1).map((row) => [String(row[0]).replace(/\\/g, '/'), row]));
    expect(byFile.get('报送/医保局.ysgk')?.slice(1, 5)).toEqual(['若羌县医疗保障局', 2024, 'xj-dept-2024-11', 824.5]);
    expect(byFile.get('报送/乡镇/医保局工作簿.xlsx')?.[4]).toBe(824.5);
    expect(byFile.get('报送/乡镇/卫生院.ysgk')?.[8]).toBeGreaterThan(0);
    const findings = await sheetRows('汇总.xlsx', '审核结果');
    expect(findings.some((f) => f[1] === '某乡卫生院' && f[2] === '错误' && String(f[7]).includes('2101501'))).toBe(true);
    const unreadable = await sheetRows('汇总.xlsx', '无法读取');
    expect(unreadable.slice(1).map((u) => String(u[0]).replace(/\\/g, '/'))).toEqual(['报送/损坏.xlsx']);
  });

  it('a re-run re-checks only changed files unless --all', () => {
    const again = cli('batch', '报送', '--report', '汇总.xlsx', '--jobs', '2');
    expect(again.out).toContain('内容未变而沿用上次结果 4 个');
    expect(cli('batch', '报送', '--report', '汇总.xlsx', '--all').out).not.toContain('沿用上次结果');
  });

  it('exports each unit without 错误 (Excel and Word) and refuses the others unless --force', async () => {
    const r = cli('batch', '报送/医保局.ysgk', '报送/乡镇/卫生院.ysgk', '--report', '导出汇总.xlsx', '--export', '公开文件', '--jobs', '1');
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, '公开文件')).sort()).toEqual(['医保局.docx', '医保局.xlsx']);
    const summary = await sheetRows('导出汇总.xlsx', '汇总');
    expect(summary.some((row) => String(row[12]).includes('未导出'))).toBe(true);
    expect(existsSync(join(dir, '公开文件', '卫生院.xlsx'))).toBe(false);
  });

  it('Ctrl+C stops after the units in progress and still writes the report of what was done', async () => {
    mkdirSync(join(dir, '多'), { recursive: true });
    const text = serializeDocument(createSampleDocument());
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, '多', `单位${String(i).padStart(2, '0')}.ysgk`), text);
    const child = spawn(process.execPath, [bin, 'batch', '多', '--report', '中断.xlsx', '--jobs', '1'], { cwd: dir });
    let out = '';
    const code = await new Promise<number | null>((resolveExit) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('[2/40]') && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => resolveExit(c));
    });
    expect(code).toBe(130);
    expect(out).toContain('已中断');
    const summary = await sheetRows('中断.xlsx', '汇总');
    expect(summary.length - 1).toBeGreaterThanOrEqual(2);
    expect(summary.length - 1).toBeLessThan(40);
  });

  it('explains bad usage in Chinese', () => {
    expect(cli('batch', '报送').err).toContain('--report');
    expect(cli('batch', '不存在的文件夹', '--report', 'x.xlsx').code).toBe(2);
    expect(cli('batch', '报送', '--report', 'x.xlsx', '--jobs', '0').err).toContain('--jobs');
  });
});
