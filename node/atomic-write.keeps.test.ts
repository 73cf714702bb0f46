import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareAtomicWrite, resolveWriteTarget, writeFileAtomic } from './atomic-write';
import { bundleChild, runChild } from './testing/child-process';

// What a save must keep of the file it replaces — an officer's document may be a link into a shared folder or made
// read-only on purpose: the link stays a link, the permissions stay, and a read-only file is refused rather than
// replaced.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-keep-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const bytes = (s: string) => new TextEncoder().encode(s);
const isRoot = process.getuid?.() === 0;

describe('writeFileAtomic keeps what the file is', () => {
  it('through a symlink: updates the shared file and leaves the link a link', async () => {
    mkdirSync(join(dir, 'shared'));
    const real = join(dir, 'shared', '预算.ysgk');
    writeFileSync(real, 'v1');
    const link = join(dir, '预算-链接.ysgk');
    symlinkSync(real, link);
    await writeFileAtomic(link, bytes('v2'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('v2');
    // The backup sits beside the real file, not beside the link.
    expect(readFileSync(`${real}.bak`, 'utf8')).toBe('v1');
    expect(readdirSync(dir).sort()).toEqual(['shared', '预算-链接.ysgk']);
  });

  it('through a relative symlink chain and a dangling link: writes the file the link names', async () => {
    writeFileSync(join(dir, 'real.ysgk'), 'v1');
    symlinkSync('real.ysgk', join(dir, 'a.ysgk'));
    symlinkSync('a.ysgk', join(dir, 'b.ysgk'));
    await writeFileAtomic(join(dir, 'b.ysgk'), bytes('v2'));
    expect(readFileSync(join(dir, 'real.ysgk'), 'utf8')).toBe('v2');
    expect(readlinkSync(join(dir, 'b.ysgk'))).toBe('a.ysgk');
    symlinkSync('later.ysgk', join(dir, 'dangling.ysgk'));
    expect(await resolveWriteTarget(join(dir, 'dangling.ysgk'))).toBe(join(await resolveWriteTarget(dir), 'later.ysgk'));
    await writeFileAtomic(join(dir, 'dangling.ysgk'), bytes('new'));
    expect(lstatSync(join(dir, 'dangling.ysgk')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'later.ysgk'), 'utf8')).toBe('new');
  });

  it('keeps the mode bits: 0600 stays 0600, 0640 stays 0640', async () => {
    for (const mode of [0o600, 0o640]) {
      const target = join(dir, `m${mode.toString(8)}.ysgk`);
      writeFileSync(target, 'v1');
      chmodSync(target, mode);
      await writeFileAtomic(target, bytes('v2'));
      expect(statSync(target).mode & 0o777).toBe(mode);
      expect(readFileSync(target, 'utf8')).toBe('v2');
    }
  });

  it('refuses a 0444 file with EREADONLY and leaves it and its folder untouched', async () => {
    const target = join(dir, '只读.ysgk');
    writeFileSync(target, 'v1');
    chmodSync(target, 0o444);
    await expect(writeFileAtomic(target, bytes('v2'))).rejects.toMatchObject({ code: 'EREADONLY', path: target });
    expect(readFileSync(target, 'utf8')).toBe('v1');
    expect(readdirSync(dir)).toEqual(['只读.ysgk']);
  });

  // Someone else's 0644 file in a shared folder: the owner-write bit is set, but not for us. Needs a second user, so
  // the writer is a child process run as "nobody", which only root can start.
  it.skipIf(!isRoot)('refuses a file this user may not open for writing (EACCES on open) with EREADONLY', { timeout: 60_000 }, async () => {
    const script = await bundleChild('disk-child', dir);
    chmodSync(dir, 0o777);
    const target = join(dir, '他人的.ysgk');
    writeFileSync(target, 'v1');
    chmodSync(target, 0o644);
    expect(await runChild(script, ['write', target, 'v2'], { uid: 65534, gid: 65534 })).toEqual({ ok: false, code: 'EREADONLY' });
    expect(readFileSync(target, 'utf8')).toBe('v1');
    expect(readdirSync(dir).sort()).toEqual(['disk-child.mjs', '他人的.ysgk']);
  });

  it('refuses a folder as target with EISDIR before writing anything', async () => {
    mkdirSync(join(dir, 'folder.ysgk'));
    await expect(writeFileAtomic(join(dir, 'folder.ysgk'), bytes('x'))).rejects.toMatchObject({ code: 'EISDIR' });
    expect(readdirSync(dir)).toEqual(['folder.ysgk']);
  });

  it('prepare writes only a temp file; discard removes it and the target stays as it was', async () => {
    const target = join(dir, 'a.ysgk');
    writeFileSync(target, 'v1');
    const prepared = await prepareAtomicWrite(target, bytes('v2'));
    expect(readFileSync(target, 'utf8')).toBe('v1');
    expect(readdirSync(dir).length).toBe(2);
    await prepared.discard();
    expect(readdirSync(dir)).toEqual(['a.ysgk']);
    expect(readFileSync(target, 'utf8')).toBe('v1');
  });
});
