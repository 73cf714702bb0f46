import { resolve } from 'node:path';

/**
 * File paths come only from native dialogs, the command line (double-click, second launch) or the recent list. The
 * renderer may hand a path back (保存 over the open file, 最近打开), but only one it was given: anything else would
 * let a compromised page write or read arbitrary files.
 */
export class KnownPaths {
  private readonly paths = new Set<string>();

  constructor(private readonly caseInsensitive = process.platform === 'win32' || process.platform === 'darwin') {}

  private key(path: string): string {
    const full = resolve(path);
    return this.caseInsensitive ? full.toLowerCase() : full;
  }

  add(path: string): void {
    this.paths.add(this.key(path));
  }

  has(path: string): boolean {
    return this.paths.has(this.key(path));
  }

  /** Do two paths name the same file (by the same rule as has)? */
  same(a: string, b: string): boolean {
    return this.key(a) === this.key(b);
  }
}
