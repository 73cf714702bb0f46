import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSampleDocument } from '../core/sample/sample-inputs';
import { serializeDocument } from '../core/file/serialize';
import { failureMessage } from './main';
import { failingWriter, runCli } from './testing/run-cli';

// Officers read only Chinese: every failure the CLI prints is Chinese, names the user's file (never a temp file) and
// says what to do; Node's English error.message and stack never reach the user.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bd-ioerr-'));
  writeFileSync(join(dir, 'doc.ysgk'), serializeDocument(createSampleDocument()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Nothing English from Node: no errno code, no "open '…'", no temp-file name, no stack frame. */
function expectChineseOnly(text: string): void {
  expect(text).not.toMatch(/E[A-Z]{3,}|open '|\.tmp|at .+\(|Error:/);
  expect(text).toMatch(/[\u4e00-\u9fff]/);
}

describe('disk errors while writing, one per kind (injected at the writer)', { timeout: 120_000 }, () => {
  const cases: [string, string][] = [
    ['ENOSPC', '磁盘空间不足'],
    ['EACCES', '没有权限'],
    ['EPERM', '没有权限'],
    ['ENOENT', '文件或文件夹不存在'],
    ['EISDIR', '是文件夹'],
    ['EROFS', '只读'],
    ['EREADONLY', '只读'],
    ['EBUSY', '正被其他程序占用'],
    ['EIO', '磁盘读写出错'],
  ];
  for (const [i, [code, words]] of cases.entries()) {
    it(`${code}: exit 2, “无法保存‘输出${i}.ysgk’…${words}…”, nothing written`, async () => {
      const r = await runCli(dir, ['sample', '-o', `输出${i}.ysgk`], failingWriter(code));
      expect(r.code).toBe(2);
      expect(r.err).toContain(`无法保存“输出${i}.ysgk”`);
      expect(r.err).toContain(words);
      expectChineseOnly(r.err);
      expect(existsSync(join(dir, `输出${i}.ysgk`))).toBe(false);
    });
  }

  it('export of two files: the failing one is named and both are said to be unwritten', async () => {
    const writer = failingWriter('ENOSPC');
    const r = await runCli(dir, ['export', 'doc.ysgk', '--xlsx', 'a.xlsx', '--docx', 'b.docx'], writer);
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法导出“a.xlsx”：磁盘空间不足');
    expect(r.err).toContain('“a.xlsx”、“b.docx”均未写入');
    expectChineseOnly(r.err);
  });
});

describe('real disk errors', { timeout: 120_000 }, () => {
  it('a read-only (0444) output is not replaced even with --overwrite', async () => {
    const target = join(dir, 'ro.ysgk');
    writeFileSync(target, '{"keep":1}');
    chmodSync(target, 0o444);
    const r = await runCli(dir, ['sample', '-o', 'ro.ysgk', '--overwrite']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法保存“ro.ysgk”：文件被设为只读');
    expect(readFileSync(target, 'utf8')).toBe('{"keep":1}');
    expectChineseOnly(r.err);
  });

  it('an output that is a folder', async () => {
    mkdirSync(join(dir, '文件夹.ysgk'));
    const r = await runCli(dir, ['sample', '-o', '文件夹.ysgk', '--overwrite']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('所选路径是文件夹');
    expectChineseOnly(r.err);
  });

  it('a missing input, a folder as input', async () => {
    const missing = await runCli(dir, ['validate', '没有.ysgk']);
    expect(missing.err).toContain('无法打开“没有.ysgk”：文件或文件夹不存在');
    const folder = await runCli(dir, ['export', '文件夹.ysgk', '--xlsx', 'x.xlsx']);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('所选路径是文件夹');
    expectChineseOnly(missing.err + folder.err);
  });

  it('no temp file is left behind by a refused or failed write', () => {
    expect(readdirSync(dir).filter((n) => n.startsWith('.') || n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('deep or hostile JSON through the CLI', { timeout: 120_000 }, () => {
  it('100,000-deep arrays inside inputs: a Chinese message naming the file, exit 2', async () => {
    const doc = JSON.parse(serializeDocument(createSampleDocument())) as Record<string, unknown>;
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = JSON.stringify({ ...doc, inputs: '__DEEP__' }).replace('"__DEEP__"', deep);
    writeFileSync(join(dir, 'deep.ysgk'), text);
    for (const args of [['validate', 'deep.ysgk'], ['export', 'deep.ysgk', '--docx', 'deep.docx'], ['recompute', 'deep.ysgk']]) {
      const r = await runCli(dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('deep.ysgk');
      expect(r.err).not.toContain('Maximum call stack');
      expectChineseOnly(r.err);
    }
    expect(existsSync(join(dir, 'deep.docx'))).toBe(false);
  });
});

describe('whatever escapes a command is worded by failureMessage', () => {
  it('our own failure as is; an I/O error by kind; a stack overflow; anything else a fixed sentence', () => {
    expect(failureMessage(Object.assign(new Error("ENOSPC: no space left, write '/tmp/.x.tmp'"), { code: 'ENOSPC' }))).toBe(
      '读写文件时出错：磁盘空间不足。请检查命令中给出的文件和文件夹后重试。',
    );
    expect(failureMessage(new RangeError('Maximum call stack size exceeded'))).toContain('嵌套过深');
    expect(failureMessage(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      '程序内部错误，操作未完成。请将所用文件和命令行反馈给技术支持。',
    );
    expect(failureMessage('a string')).toContain('程序内部错误');
  });
});
