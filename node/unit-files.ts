import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';

/** A file a batch reads: its full path, and the name the report shows (relative to where the command ran). */
export interface BatchInput {
  full: string;
  shown: string;
}

const KINDS = new Set(['.ysgk', '.xlsx']);

/** Excel's lock files ("~$预算.xlsx") and our backups are not units. */
const ignored = (name: string) => name.startsWith('~$') || name.startsWith('.') || name.endsWith('.bak');

/**
 * The files named, with folders walked recursively for .ysgk and .xlsx; each file once, in a stable order (by
 * path), so two runs over the same folder list units alike. A name that does not exist is returned in `missing`.
 */
export async function collectInputs(cwd: string, names: readonly string[]): Promise<{ inputs: BatchInput[]; missing: string[] }> {
  const found = new Map<string, BatchInput>();
  const missing: string[] = [];
  const add = (full: string) => {
    if (!found.has(full)) found.set(full, { full, shown: relative(cwd, full) || full });
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (ignored(e.name)) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && KINDS.has(extname(e.name).toLowerCase())) add(full);
    }
  };
  for (const name of names) {
    const full = resolve(cwd, name);
    const info = await stat(full).catch(() => null);
    if (!info) missing.push(name);
    else if (info.isDirectory()) await walk(full);
    else add(full);
  }
  return { inputs: [...found.values()].sort((a, b) => a.full.localeCompare(b.full)), missing };
}
