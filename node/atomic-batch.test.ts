import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFilesAtomic } from './atomic-batch';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-batch-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (s: string) => new TextEncoder().encode(s);

describe('writeFilesAtomic: all or none', () => {
  it('writes every file when all succeed, leaving no temps', async () => {
    writeFileSync(join(dir, 'A.xlsx'), 'old A');
    await writeFilesAtomic([
      { target: join(dir, 'A.xlsx'), bytes: bytes('new A'), backup: true },
      { target: join(dir, 'B.docx'), bytes: bytes('new B') },
    ]);
    expect(readFileSync(join(dir, 'A.xlsx'), 'utf8')).toBe('new A');
    expect(readFileSync(join(dir, 'A.xlsx.bak'), 'utf8')).toBe('old A');
    expect(readFileSync(join(dir, 'B.docx'), 'utf8')).toBe('new B');
    expect(readdirSync(dir).sort()).toEqual(['A.xlsx', 'A.xlsx.bak', 'B.docx']);
  });

  it('B cannot be written (its folder is missing): A is not touched and no temp is left', async () => {
    writeFileSync(join(dir, 'A.xlsx'), 'old A');
    await expect(
      writeFilesAtomic([
        { target: join(dir, 'A.xlsx'), bytes: bytes('new A') },
        { target: join(dir, 'missing', 'B.docx'), bytes: bytes('new B') },
      ]),
    ).rejects.toMatchObject({ code: 'ENOENT', failedTarget: join(dir, 'missing', 'B.docx') });
    expect(readFileSync(join(dir, 'A.xlsx'), 'utf8')).toBe('old A');
    expect(readdirSync(dir)).toEqual(['A.xlsx']);
  });

  it('B is read-only: A (new) is not created', async () => {
    writeFileSync(join(dir, 'B.docx'), 'old B');
    chmodSync(join(dir, 'B.docx'), 0o444);
    await expect(
      writeFilesAtomic([
        { target: join(dir, 'A.xlsx'), bytes: bytes('new A') },
        { target: join(dir, 'B.docx'), bytes: bytes('new B') },
      ]),
    ).rejects.toMatchObject({ code: 'EREADONLY' });
    expect(readdirSync(dir)).toEqual(['B.docx']);
  });

  it('the rename of B fails after A was renamed: A gets its old content back, a new A is removed', async () => {
    writeFileSync(join(dir, 'A.xlsx'), 'old A');
    writeFileSync(join(dir, 'B.docx'), 'old B');
    const failSecond = async (p: { commit(): Promise<void> }, i: number) => {
      if (i === 1) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      await p.commit();
    };
    await expect(
      writeFilesAtomic(
        [
          { target: join(dir, 'A.xlsx'), bytes: bytes('new A') },
          { target: join(dir, 'B.docx'), bytes: bytes('new B') },
          { target: join(dir, 'C.docx'), bytes: bytes('new C') },
        ],
        { commitImpl: failSecond },
      ),
    ).rejects.toMatchObject({ code: 'ENOSPC', failedTarget: join(dir, 'B.docx') });
    expect(readFileSync(join(dir, 'A.xlsx'), 'utf8')).toBe('old A');
    expect(readFileSync(join(dir, 'B.docx'), 'utf8')).toBe('old B');
    expect(existsSync(join(dir, 'C.docx'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['A.xlsx', 'B.docx']);

    const failAfterNew = async (p: { commit(): Promise<void> }, i: number) => {
      if (i === 1) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      await p.commit();
    };
    await expect(
      writeFilesAtomic(
        [
          { target: join(dir, 'new.xlsx'), bytes: bytes('N') },
          { target: join(dir, 'B.docx'), bytes: bytes('new B') },
        ],
        { commitImpl: failAfterNew },
      ),
    ).rejects.toMatchObject({ code: 'EBUSY' });
    expect(readdirSync(dir).sort()).toEqual(['A.xlsx', 'B.docx']);
  });
});
