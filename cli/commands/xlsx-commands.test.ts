import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from '../../core/file/parse';
import { expenditureTable2024, workbookBytes } from '../../core/xlsx/testing/workbook-builders';

const bin = join(__dirname, '..', 'bin.mjs');
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bd-xlsx-'));
});

describe('import / export subcommands', { timeout: 240_000 }, () => {
  it('exports the sample to Excel and imports it back to the same document', () => {
    expect(cli('sample', '-o', '示例.ysgk').code).toBe(0);
    const e = cli('export', '示例.ysgk', '--xlsx', '示例.xlsx');
    expect(e.code).toBe(0);
    expect(existsSync(join(dir, '示例.xlsx'))).toBe(true);
    const i = cli('import', '示例.xlsx', '-o', '回读.ysgk');
    expect(i.code).toBe(0);
    expect(i.out).toContain('已导入 11 张表');
    const a = parseDocument(readFileSync(join(dir, '示例.ysgk')));
    const b = parseDocument(readFileSync(join(dir, '回读.ysgk')));
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.doc).toEqual(a.doc);
  });

  it('imports a workbook in 元 with --yuan and prints the report with the rounding adjustments', async () => {
    const bytes = await workbookBytes([
      expenditureTable2024([
        ['208', null, null, '社会保障和就业支出', 30115, 30115, null],
        ['208', '05', null, '行政事业单位养老支出', 30115, 30115, null],
        ['208', '05', '01', '行政单位离退休', 10040, 10040, null],
        ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 10045, 10045, null],
        ['208', '05', '06', '机关事业单位职业年金缴费支出', 10030, 10030, null],
        [null, null, null, '合计', 30115, 30115, null],
      ]),
    ]);
    writeFileSync(join(dir, '元.xlsx'), bytes);
    const r = cli('import', '元.xlsx', '-o', '元.ysgk', '--yuan', '--year', '2023', '--unit', '某某县测试局');
    expect(r.code).toBe(0);
    const doc = parseDocument(readFileSync(join(dir, '元.ysgk')));
    expect(doc.ok && doc.doc.meta.year).toBe(2023);
    expect(doc.ok && doc.doc.meta.unitName).toBe('某某县测试局');
    expect(doc.ok && doc.doc.tables.t3.rows.find((x) => x.id === 'total')?.values).toEqual({ total: 301, basic: 301 });
    expect(r.out).toContain('舍位平衡调整 2 处');
    expect(r.out).toContain('“2080505 机关事业单位基本养老保险缴费支出”的“合计”：10045.00 元 → 1.01 万元');
  });

  it('exits 2 with a Chinese message on unusable input and writes nothing', () => {
    writeFileSync(join(dir, '坏.xlsx'), 'not a workbook');
    const r = cli('import', '坏.xlsx', '-o', '坏.ysgk');
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是 Excel 工作簿');
    expect(existsSync(join(dir, '坏.ysgk'))).toBe(false);
    expect(cli('import', '没有.xlsx', '-o', 'x.ysgk').code).toBe(2);
    expect(cli('export', '示例.ysgk').code).toBe(2);
    expect(cli('import', '示例.xlsx', '-o', 'y.ysgk', '--year', '24').code).toBe(2);
  });
});

describe('import asks what the workbook does not say; recompute asks before it writes', { timeout: 240_000 }, () => {
  /** 表3 of a county whose 合计 was printed 0.01 off its rows (as published), in a workbook that names no year. */
  async function county(extraColumn = false) {
    const t = expenditureTable2024([
      ['208', null, null, '社会保障和就业支出', 489.4, 489.4, null],
      ['208', '05', null, '行政事业单位养老支出', 489.4, 489.4, null],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 489.39, 489.39, null],
      [null, null, null, '合计', 489.4, 489.4, null],
    ]);
    if (extraColumn) {
      t.header.forEach((h, i) => h.push(i === 0 ? '其他' : i === 1 ? '其他资金' : '其他资金'));
      t.body.forEach((row, i) => row.push(i === 2 ? 1.5 : null));
    }
    return workbookBytes([t]);
  }

  it('a workbook without a year needs --year (exit 2, nothing written); with it the document gets that year', async () => {
    writeFileSync(join(dir, '县局.xlsx'), await county());
    const r = cli('import', '县局.xlsx', '-o', '县局.ysgk');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--year');
    expect(existsSync(join(dir, '县局.ysgk'))).toBe(false);
    expect(cli('import', '县局.xlsx', '-o', '县局.ysgk', '--year', '2022').code).toBe(0);
    const doc = parseDocument(readFileSync(join(dir, '县局.ysgk')));
    expect(doc.ok && doc.doc.meta.year).toBe(2022);
    expect(doc.ok && doc.doc.meta.unitName).toBe('测试局');
    // The printed 合计 and 款 stay as published, 0.01 off their rows.
    expect(doc.ok && doc.doc.tables.t3.rows.find((x) => x.id === '20805')?.values.total).toBe(48940);
  });

  it('an unknown column: the document is written, exit 1, and a ready-to-edit map comes back; --map imports it', async () => {
    writeFileSync(join(dir, '多列2022年.xlsx'), await county(true));
    const first = cli('import', '多列2022年.xlsx', '-o', '多列.ysgk');
    expect(first.code).toBe(1);
    expect(existsSync(join(dir, '多列.ysgk'))).toBe(true);
    expect(first.out).toContain('“其他/其他资金”');
    const json = first.out.slice(first.out.indexOf('{\n  "template"'));
    const map = JSON.parse(json) as { columns: Record<string, Record<string, string | null>> };
    expect(map.columns.t3['其他/其他资金']).toBe('');
    map.columns.t3['其他/其他资金'] = null;
    writeFileSync(join(dir, '对应关系.json'), JSON.stringify(map));
    const again = cli('import', '多列2022年.xlsx', '-o', '多列2.ysgk', '--map', '对应关系.json');
    expect(again.code).toBe(0);
    expect(again.out).toContain('→ 忽略');
  });

  it('recompute lists old → new and changes nothing; --apply -o writes the recomputed copy', () => {
    const list = cli('recompute', '县局.ysgk');
    expect(list.code).toBe(1);
    expect(list.out).toContain('489.40 → 489.39');
    const before = readFileSync(join(dir, '县局.ysgk'));
    expect(cli('recompute', '县局.ysgk', '--apply', '-o', '县局.ysgk').code).toBe(2);
    expect(readFileSync(join(dir, '县局.ysgk')).equals(before)).toBe(true);
    expect(cli('recompute', '县局.ysgk', '--apply', '-o', '重算.ysgk').code).toBe(0);
    const doc = parseDocument(readFileSync(join(dir, '重算.ysgk')));
    expect(doc.ok && doc.doc.tables.t3.rows.find((x) => x.id === 'total')?.values.total).toBe(48939);
    expect(cli('recompute', '重算.ysgk').out).toContain('没有需要修改的单元格');
  });
});
