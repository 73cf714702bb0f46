import { describe, expect, it, beforeAll } from 'vitest';
import { spawnCli } from '../testing/run-cli';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeDocument } from '../../core/file/serialize';
import { parseDocument } from '../../core/file/parse';
import { randomDocument } from '../../core/text/random-doc.testutil';
import { withDerived } from '../../core/testing/builders';
import { MERGE_SET, unitDocuments, unitFileName } from '../../core/testing/merge-units';
import { INPUT, PRIOR } from '../../core/inputs/keys';
import { snapshotsOf } from '../../core/merge/merge-units';

let dir: string;

/** The real binary, as a user runs it. */
const cli = (...args: string[]) => spawnCli(dir, args);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bd-merge-'));
  unitDocuments().forEach((doc, i) => writeFileSync(join(dir, unitFileName(i)), serializeDocument(doc)));
});

describe('merge', { timeout: 300_000 }, () => {
  it('sums units into a 部门 document that has no 错误', () => {
    const r = cli('merge', '单位1.ysgk', '单位2.ysgk', '单位3.ysgk', '-o', '部门.ysgk', '--unit', '测试局');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已汇总 3 个单位：下属单位1、下属单位2、下属单位3');
    const v = cli('validate', '部门.ysgk');
    expect(v.out).toContain('错误 0');
  });

  it('重新汇总 lists exactly the change of one unit, old → new, and updates the file in place', () => {
    const file = join(dir, '单位2.ysgk');
    const parsed = parseDocument(readFileSync(file));
    if (!parsed.ok) throw new Error(parsed.message);
    const leaf = parsed.doc.tables.t3!.rows.find((x) => x.code?.length === 7 && (x.values.basic ?? 0) > 0)!;
    leaf.values.basic! += 250;
    withDerived(parsed.doc);
    // The unit also took on two people: the 部门's 人员情况 is re-summed too.
    const staff = parsed.doc.inputs[INPUT.staff] as { authorized: number };
    parsed.doc.inputs[INPUT.staff] = { ...staff, authorized: staff.authorized + 2 };
    // And corrected last year's 支出 合计.
    parsed.doc.priorYear[PRIOR.expenditure('total')] = (parsed.doc.priorYear[PRIOR.expenditure('total')] ?? 0) + 500;
    writeFileSync(file, serializeDocument(parsed.doc));
    const r = cli('merge', '--update', '部门.ysgk');
    expect(r.code).toBe(0);
    expect(r.out).toContain('有变化的单位：下属单位2');
    expect(r.out).toMatch(new RegExp(`表3 ${leaf.code} 基本支出：[\\d.]+ → [\\d.]+`));
    expect(r.out).toMatch(/人员情况 编制数：(\d+) → (\d+)/);
    const [, before, after] = /人员情况 编制数：(\d+) → (\d+)/.exec(r.out)!;
    expect(Number(after) - Number(before)).toBe(2);
    const [, priorBefore, priorAfter] = /上年预算数 支出 合计：([\d.,]+) → ([\d.,]+)/.exec(r.out)!;
    expect(Math.round(Number(priorAfter!.replace(/,/g, '')) * 100) - Math.round(Number(priorBefore!.replace(/,/g, '')) * 100)).toBe(500);
    expect(r.out).toMatch(/修改 \d+ 个单元格和 2 项填报内容（人员、采购、资产、上年预算数等）/);
    expect(existsSync(join(dir, '部门.ysgk.bak'))).toBe(true);
    expect(cli('validate', '部门.ysgk').out).not.toContain('部门数等于下属单位之和');
    expect(cli('merge', '--update', '部门.ysgk').out).toContain('无需更新');
  });

  it('records units in a folder beside the 部门 document’s relative to it, so the two folders can move together', () => {
    mkdirSync(join(dir, '县', '各单位报送'), { recursive: true });
    mkdirSync(join(dir, '县', '部门'));
    unitDocuments().forEach((doc, i) => writeFileSync(join(dir, '县', '各单位报送', unitFileName(i)), serializeDocument(doc)));
    const r = cli('merge', '县/各单位报送/单位1.ysgk', '县/各单位报送/单位2.ysgk', '-o', '县/部门/部门.ysgk', '--unit', '测试局');
    expect(r.err).toBe('');
    const saved = parseDocument(readFileSync(join(dir, '县', '部门', '部门.ysgk')));
    if (!saved.ok) throw new Error(saved.message);
    expect(snapshotsOf(saved.doc).map((s) => s.file)).toEqual(['../各单位报送/单位1.ysgk', '../各单位报送/单位2.ysgk']);
    renameSync(join(dir, '县'), join(dir, '县（移动后）'));
    const again = cli('merge', '--update', '县（移动后）/部门/部门.ysgk');
    expect(again.err).toBe('');
    expect(again.out).toContain('无需更新');
  });

  it('refuses units of different years, naming the file', () => {
    const doc = randomDocument(MERGE_SET, 5);
    doc.meta.year = 2023;
    writeFileSync(join(dir, '去年.ysgk'), serializeDocument(doc));
    const r = cli('merge', '单位1.ysgk', '去年.ysgk', '-o', '错.ysgk', '--unit', '测试局');
    expect(r.code).toBe(2);
    expect(r.err).toContain('去年.ysgk');
    expect(existsSync(join(dir, '错.ysgk'))).toBe(false);
  });
});
