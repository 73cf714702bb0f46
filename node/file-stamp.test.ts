import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskChange, readWithStamp, sha256Hex, stampAfterWrite, stampOfBytes } from './file-stamp';
import { bundleChild, runChild } from './testing/child-process';

// The changed-on-disk check with two processes on one file: the parent stamps what it read, a child rewrites the
// file (as the CLI or another PC would), and the parent's next save sees it.
let dir: string;
let script: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-stamp-'));
  script = await bundleChild('disk-child', dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file stamp and diskChange, two processes', () => {
  it('a rewrite by another process is a change and says what is there now', { timeout: 60_000 }, async () => {
    const doc = join(dir, '预算.ysgk');
    writeFileSync(doc, '第一版');
    const { bytes, stamp } = await readWithStamp(doc);
    expect(new TextDecoder().decode(bytes)).toBe('第一版');
    expect(stamp.sha256).toBe(sha256Hex(bytes));
    expect(await diskChange(doc, stamp)).toBeNull();

    expect(await runChild(script, ['write', doc, '另一台电脑保存的版本'])).toEqual({ ok: true });
    const change = await diskChange(doc, stamp);
    expect(change).not.toBeNull();
    expect(change!.missing).toBe(false);
    expect(change!.now).toEqual(stampOfBytes(new TextEncoder().encode('另一台电脑保存的版本'), statSync(doc)));
  });

  it('a touch by another process (mtime only, same bytes) is not a change', { timeout: 60_000 }, async () => {
    const doc = join(dir, 'touch.ysgk');
    writeFileSync(doc, '内容');
    const { stamp } = await readWithStamp(doc);
    expect(await runChild(script, ['touch', doc, String(stamp.mtimeMs + 3_600_000)])).toEqual({ ok: true });
    expect(statSync(doc).mtimeMs).not.toBe(stamp.mtimeMs);
    expect(await diskChange(doc, stamp)).toBeNull();
  });

  it('same size and a moved mtime but other bytes is a change', async () => {
    const doc = join(dir, 'same-size.ysgk');
    writeFileSync(doc, 'aaaa');
    const { stamp } = await readWithStamp(doc);
    writeFileSync(doc, 'bbbb');
    const change = await diskChange(doc, { ...stamp, mtimeMs: stamp.mtimeMs - 1 });
    expect(change?.now?.sha256).toBe(sha256Hex(new TextEncoder().encode('bbbb')));
  });

  it('a deleted file is reported missing', async () => {
    const doc = join(dir, 'gone.ysgk');
    writeFileSync(doc, 'x');
    const { stamp } = await readWithStamp(doc);
    unlinkSync(doc);
    expect(await diskChange(doc, stamp)).toEqual({ now: null, missing: true });
  });

  it('stampAfterWrite describes the bytes written and the file as the disk reports it', async () => {
    const doc = join(dir, 'written.ysgk');
    const bytes = new TextEncoder().encode('保存');
    writeFileSync(doc, bytes);
    const stamp = await stampAfterWrite(doc, bytes);
    expect(stamp).toEqual({ size: bytes.byteLength, mtimeMs: statSync(doc).mtimeMs, sha256: sha256Hex(bytes) });
    expect(await diskChange(doc, stamp)).toBeNull();
  });
});
