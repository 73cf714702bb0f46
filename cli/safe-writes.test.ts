import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSampleDocument } from '../core/sample/sample-inputs';
import { serializeDocument } from '../core/file/serialize';
import { parseDocument } from '../core/file/parse';
import { lockPathFor } from '../node/lock-file';
import { runCli, spawnCli } from './testing/run-cli';

// No lost work from the command line: the CLI never overwrites its own input, an existing file without --overwrite,
// or a document the app has open; export writes all outputs or none.
let dir: string;
const sample = serializeDocument(createSampleDocument());

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bd-safe-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fresh(name: string, text = sample): string {
  writeFileSync(join(dir, name), text);
  return readFileSync(join(dir, name), 'utf8');
}

describe('outputs that are inputs are refused, always', { timeout: 240_000 }, () => {
  it('`export w.ysgk --docx w.ysgk` (the real binary) exits 2 and leaves w.ysgk byte-identical', () => {
    fresh('w.ysgk');
    const before = readFileSync(join(dir, 'w.ysgk'));
    const r = spawnCli(dir, ['export', 'w.ysgk', '--docx', 'w.ysgk']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('输出文件“w.ysgk”就是输入文件“w.ysgk”');
    expect(readFileSync(join(dir, 'w.ysgk')).equals(before)).toBe(true);
  });

  it('./w.ysgk, a symlink and a hard link to the input all count, even with --overwrite', async () => {
    fresh('w2.ysgk');
    symlinkSync('w2.ysgk', join(dir, 'link.ysgk'));
    linkSync(join(dir, 'w2.ysgk'), join(dir, 'hard.ysgk'));
    for (const out of ['./w2.ysgk', join(dir, 'w2.ysgk'), 'link.ysgk', 'hard.ysgk']) {
      const r = await runCli(dir, ['export', 'w2.ysgk', '--xlsx', out, '--overwrite', '--force']);
      expect(r.code, out).toBe(2);
      expect(r.err).toContain('就是输入文件');
      expect(readFileSync(join(dir, 'w2.ysgk'), 'utf8')).toBe(sample);
    }
  });

  it('`import src.xlsx -o src.xlsx` is refused and the workbook left as it was', async () => {
    writeFileSync(join(dir, 'src.xlsx'), 'PK workbook bytes');
    const r = await runCli(dir, ['import', 'src.xlsx', '-o', 'src.xlsx', '--overwrite']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('就是输入文件');
    expect(readFileSync(join(dir, 'src.xlsx'), 'utf8')).toBe('PK workbook bytes');
  });

  it('export --xlsx and --docx naming one file is refused', async () => {
    fresh('s.ysgk');
    const r = await runCli(dir, ['export', 's.ysgk', '--xlsx', 'same.out', '--docx', './same.out']);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'same.out'))).toBe(false);
  });
});

describe('existing outputs need --overwrite, which keeps a .bak', { timeout: 240_000 }, () => {
  it('`new -o filled.ysgk` over a filled document is refused; with --overwrite the old one becomes .bak', async () => {
    fresh('filled.ysgk');
    const refused = await runCli(dir, ['new', '--template', 'xj-unit-2021-9', '-o', 'filled.ysgk']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('“filled.ysgk”已存在，未写入任何文件');
    expect(refused.err).toContain('--overwrite');
    expect(readFileSync(join(dir, 'filled.ysgk'), 'utf8')).toBe(sample);
    const forced = await runCli(dir, ['new', '--template', 'xj-unit-2021-9', '-o', 'filled.ysgk', '--overwrite']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'filled.ysgk.bak'), 'utf8')).toBe(sample);
    const now = parseDocument(readFileSync(join(dir, 'filled.ysgk')));
    expect(now.ok && now.doc.meta.templateId).toBe('xj-unit-2021-9');
  });

  it('sample -o over an existing file is refused without --overwrite', async () => {
    fresh('old.ysgk', '{"mine":true}');
    expect((await runCli(dir, ['sample', '-o', 'old.ysgk'])).code).toBe(2);
    expect(readFileSync(join(dir, 'old.ysgk'), 'utf8')).toBe('{"mine":true}');
  });

  it('export: --force does not mean overwrite; an existing output is refused before any work', async () => {
    fresh('e.ysgk');
    writeFileSync(join(dir, 'e.xlsx'), 'old workbook');
    const r = await runCli(dir, ['export', 'e.ysgk', '--xlsx', 'e.xlsx', '--force']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'e.xlsx'), 'utf8')).toBe('old workbook');
  });
});

describe('export writes all outputs or none', { timeout: 240_000 }, () => {
  it('the Word file cannot be written (folder missing): the Excel file is not written either', async () => {
    fresh('all.ysgk');
    const r = await runCli(dir, ['export', 'all.ysgk', '--xlsx', 'all.xlsx', '--docx', join('没有的文件夹', 'all.docx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法导出“没有的文件夹/all.docx”：文件或文件夹不存在。');
    expect(r.err).toContain('均未写入');
    expect(existsSync(join(dir, 'all.xlsx'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('a document the app holds locked', { timeout: 240_000 }, () => {
  function lockBy(doc: string, pid: number): void {
    const now = new Date().toISOString();
    // pid 1 is alive on this machine, so the lock is live (not stale).
    writeFileSync(lockPathFor(join(dir, doc)), JSON.stringify({ holder: '李会计', machine: hostname(), pid, since: now, heartbeat: now }));
  }

  it('is not written: exit 2 naming holder, machine and since; --overwrite writes anyway', async () => {
    fresh('open.ysgk', '{"old":1}');
    lockBy('open.ysgk', 1);
    const r = await runCli(dir, ['sample', '-o', 'open.ysgk', '--overwrite']);
    // --overwrite is the user's explicit "write anyway"; without it the lock refuses first.
    expect(r.code).toBe(0);
    fresh('open2.ysgk', '{"old":2}');
    lockBy('open2.ysgk', 1);
    rmSync(join(dir, 'open2.ysgk'));
    const refused = await runCli(dir, ['sample', '-o', 'open2.ysgk']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/“open2\.ysgk”正由 李会计（计算机 .+，自 \d{4}-\d\d-\d\d \d\d:\d\d 起）在预算公开编制助手中打开，未写入/);
    expect(existsSync(join(dir, 'open2.ysgk'))).toBe(false);
  });

  it('recompute --apply refuses the locked document in place; a stale lock (dead pid) does not block', async () => {
    const doc = createSampleDocument();
    doc.tables.t3.rows.find((r) => r.id === 'total')!.values.total = 1;
    fresh('r.ysgk', serializeDocument(doc));
    lockBy('r.ysgk', 1);
    const refused = await runCli(dir, ['recompute', 'r.ysgk', '--apply']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('李会计');
    expect(readFileSync(join(dir, 'r.ysgk'), 'utf8')).toBe(serializeDocument(doc));
    lockBy('r.ysgk', 2 ** 22 + 12345);
    const applied = await runCli(dir, ['recompute', 'r.ysgk', '--apply']);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('直接保存在原文件');
    expect(readFileSync(join(dir, 'r.ysgk.bak'), 'utf8')).toBe(serializeDocument(doc));
    const now = parseDocument(readFileSync(join(dir, 'r.ysgk')));
    expect(now.ok && now.doc.tables.t3.rows.find((r) => r.id === 'total')!.values.total).not.toBe(1);
  });
});

describe('help says which commands update a file in place and what --overwrite does', () => {
  it('recompute and export usage lines', async () => {
    const r = await runCli(dir, ['recompute', '--help']);
    expect(r.out).toContain('--apply 直接修改原文件（原版本保存为 .bak）');
    expect((await runCli(dir, ['export', '--help'])).out).toContain('--overwrite');
    expect((await runCli(dir, ['new', '--help'])).out).toContain('--overwrite');
  });
});
