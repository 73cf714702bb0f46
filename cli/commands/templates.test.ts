import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../testing/run-cli';
import { getBuiltinTemplateSet, builtinTemplateSets } from '../../core/template/registry';
import { createDocument } from '../../core/document/create';
import { exportXlsx } from '../../core/xlsx/export-xlsx';

let dir: string;

/** A bureau's own set: the Shanghai set under another id and name, as one JSON file. */
function bureauSet(id = 'pt-2026'): string {
  return JSON.stringify({ ...getBuiltinTemplateSet('sh-dept-2025-9')!, id, name: '普陀区部门预算（2026）' }, null, 2);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bd-templates-'));
  // The per-user store of this run: never the tester's own.
  process.env.BUDGET_DISCLOSURE_USER_DATA = join(dir, 'user-data');
  writeFileSync(join(dir, 'bureau.json'), bureauSet());
  writeFileSync(join(dir, 'child.json'), JSON.stringify({ extends: 'xj-unit-2021-9', id: 'xj-child', name: '新疆 单位预算（本局版）' }));
  const broken = JSON.parse(bureauSet('broken-set')) as { tables: { columns: { formula?: string; kind: string }[] }[] };
  broken.tables[2]!.columns[4]!.formula = 'basic + projects';
  broken.tables[3]!.columns[1]!.kind = 'money';
  writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
  const sh = getBuiltinTemplateSet('sh-dept-2025-9')!;
  writeFileSync(join(dir, 'blank.xlsx'), await exportXlsx(createDocument(sh, { unitName: '某某区某某局', year: 2026 }), sh));
});

describe('templates', { timeout: 120_000 }, () => {
  it('lists every built-in set, one a line starting with its id, with its name and parent', async () => {
    const r = await runCli(dir, ['templates']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(builtinTemplateSets().map((s) => s.id));
    expect(lines.find((l) => l.startsWith('xj-unit-2021-9-econ\t'))).toContain('扩展自 xj-unit-2021-9');
    expect(lines.find((l) => l.startsWith('sh-dept-2025-9\t'))).toContain('上海');
  });

  it('check: a valid file exits 0; an invalid one prints every error with its place and exits 2', async () => {
    const ok = await runCli(dir, ['templates', 'check', 'bureau.json']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('有效：9 张表');
    const child = await runCli(dir, ['templates', 'check', 'child.json']);
    expect(child.code).toBe(0);
    const bad = await runCli(dir, ['templates', 'check', 'broken.json']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('表4');
    expect(bad.out).toContain('第2列');
    expect(bad.out).toContain('取值无效');
    expect(bad.out).toMatch(/有 \d+ 处错误/);
    const missing = await runCli(dir, ['templates', 'check', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.json');
  });

  it('add keeps a set for later runs (listed as 自定义, usable by id), remove forgets it', async () => {
    expect((await runCli(dir, ['templates', 'add', 'broken.json'])).code).toBe(2);
    const add = await runCli(dir, ['templates', 'add', 'bureau.json']);
    expect(add.code).toBe(0);
    const list = await runCli(dir, ['templates']);
    expect(list.out).toMatch(/^pt-2026\t普陀区部门预算（2026）\t\t自定义$/m);
    const made = await runCli(dir, ['new', '--template', 'pt-2026', '-o', 'stored.ysgk', '--unit', '测试局']);
    expect(made.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'stored.ysgk'), 'utf8')).meta.templateId).toBe('pt-2026');
    // A document of a stored set opens again by the set's id (checked, not refused as an unknown template).
    const checked = await runCli(dir, ['validate', 'stored.ysgk']);
    expect(checked.err).not.toContain('模板');
    expect(checked.code).toBeLessThan(2);
    expect((await runCli(dir, ['templates', 'remove', 'pt-2026'])).code).toBe(0);
    expect((await runCli(dir, ['templates'])).out).not.toContain('pt-2026');
    expect((await runCli(dir, ['templates', 'remove', 'xj-dept-2024-11'])).code).toBe(2);
  });

  it('infer proposes a set from a blank workbook that check accepts, and refuses to overwrite', async () => {
    const r = await runCli(dir, ['templates', 'infer', 'blank.xlsx', '-o', 'proposed.json', '--id', 'pt-blank']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('表9 “三公”经费和机关运行经费预算表（sangong）：固定行，1 行，金额列 7 个（其中计算列 2 个），单位 万元');
    expect(r.out).toContain('审核公式：表内');
    const proposed = JSON.parse(readFileSync(join(dir, 'proposed.json'), 'utf8')) as { id: string; amountUnit: string; tables: unknown[] };
    expect(proposed).toMatchObject({ id: 'pt-blank', amountUnit: '元' });
    expect(proposed.tables).toHaveLength(9);
    expect((await runCli(dir, ['templates', 'check', 'proposed.json'])).code).toBe(0);
    const again = await runCli(dir, ['templates', 'infer', 'blank.xlsx', '-o', 'proposed.json']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
    const notWorkbook = await runCli(dir, ['templates', 'infer', 'bureau.json', '-o', 'x.json']);
    expect(notWorkbook.code).toBe(2);
  });

  it('new and import take a set file', async () => {
    const made = await runCli(dir, ['new', '--template', 'bureau.json', '-o', 'from-file.ysgk', '--year', '2026']);
    expect(made.code).toBe(0);
    expect(made.out).toContain('普陀区部门预算（2026）');
    const doc = JSON.parse(readFileSync(join(dir, 'from-file.ysgk'), 'utf8')) as { meta: { templateId: string; amountUnit: string } };
    expect(doc.meta).toMatchObject({ templateId: 'pt-2026', amountUnit: '元' });
    const bad = await runCli(dir, ['new', '--template', 'broken.json', '-o', 'x.ysgk']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('broken.json');
    const imported = await runCli(dir, ['import', 'blank.xlsx', '--template', 'bureau.json', '-o', 'imported.ysgk', '--year', '2026']);
    expect(imported.err).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'imported.ysgk'), 'utf8')).meta.templateId).toBe('pt-2026');
  });

  it('sample --template writes a set that has a sample, and says which have one otherwise', async () => {
    const ok = await runCli(dir, ['sample', '--template', 'xj-dept-2024-11', '-o', 's.ysgk']);
    expect(ok.code).toBe(0);
    // The Shanghai-style and 决算 samples are consistent documents of their sets: validate finds no 错误 (the
    // Shanghai one nothing at all).
    for (const id of ['sh-dept-2025-9', 'national-final-9']) {
      expect((await runCli(dir, ['sample', '--template', id, '-o', `${id}.ysgk`])).code).toBe(0);
      const checked = await runCli(dir, ['validate', `${id}.ysgk`]);
      expect(checked.code).toBe(0);
      expect(checked.out).toContain(id === 'sh-dept-2025-9' ? '审核通过，没有错误和提示' : '错误 0 条');
      expect(JSON.parse(readFileSync(join(dir, `${id}.ysgk`), 'utf8')).meta.templateId).toBe(id);
    }
    const none = await runCli(dir, ['sample', '--template', 'xj-unit-2021-9', '-o', 's2.ysgk']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('模板“xj-unit-2021-9”没有示例文件');
    const unknown = await runCli(dir, ['sample', '--template', 'nope', '-o', 's3.ysgk']);
    expect(unknown.err).toContain('未知的模板“nope”');
  });
});
