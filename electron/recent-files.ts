import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { RecentFile } from '../core/ipc/contract';
import { writeFileAtomic } from '../node/atomic-write';

/** 最近打开: the last documents opened or saved, newest first, kept in "<userData>/recent-files.json". */
export const MAX_RECENT = 10;

export class RecentFiles {
  private list: RecentFile[] = [];

  constructor(
    private readonly file: string,
    private readonly caseInsensitive = process.platform === 'win32' || process.platform === 'darwin',
  ) {}

  async load(): Promise<RecentFile[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      this.list = Array.isArray(parsed)
        ? parsed
            .filter((e): e is RecentFile => typeof e?.path === 'string' && typeof e?.name === 'string')
            .slice(0, MAX_RECENT)
        : [];
    } catch {
      this.list = []; // first start or a damaged file: start empty rather than fail
    }
    return this.all();
  }

  all(): RecentFile[] {
    return this.list.map((e) => ({ ...e }));
  }

  has(path: string): boolean {
    return this.list.some((e) => this.same(e.path, path));
  }

  async add(path: string): Promise<void> {
    const full = resolve(path);
    this.list = [{ path: full, name: basename(full) }, ...this.list.filter((e) => !this.same(e.path, full))].slice(0, MAX_RECENT);
    await this.persist();
  }

  async remove(path: string): Promise<void> {
    this.list = this.list.filter((e) => !this.same(e.path, path));
    await this.persist();
  }

  async clear(): Promise<void> {
    this.list = [];
    await this.persist();
  }

  private same(a: string, b: string): boolean {
    return this.caseInsensitive ? resolve(a).toLowerCase() === resolve(b).toLowerCase() : resolve(a) === resolve(b);
  }

  private async persist(): Promise<void> {
    await writeFileAtomic(this.file, new TextEncoder().encode(JSON.stringify(this.list, null, 2)), { backup: false });
  }
}
