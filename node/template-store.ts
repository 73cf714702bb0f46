import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import type { ParseSetResult } from '../core/template/validate-set';
import { parseTemplateSetText } from '../core/template/registry';

/**
 * The officer's own template sets (a bureau's file, or one proposed from a blank workbook), kept in the per-user
 * folder as "<userData>/templates/<id>.json" so they are there next time, for the app and the command line alike.
 * Each file is the set as given (an `extends` is resolved when it is read, against the built-in sets and the other
 * stored sets), so a later program version resolves it against its own built-in base.
 */

/** Where Electron keeps `userData` for the packaged app; an environment variable overrides it (tests, portable use). */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.BUDGET_DISCLOSURE_USER_DATA) return env.BUDGET_DISCLOSURE_USER_DATA;
  const product = '预算公开编制助手';
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), product);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', product);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), product);
}

export interface StoredSet {
  id: string;
  file: string;
  /** The stored text, validated (and resolved) against the built-in and the other stored sets. */
  result: ParseSetResult;
  /** The set's own `extends`, when it has one. */
  parent?: string;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

export class TemplateStore {
  constructor(readonly dir: string = join(userDataDir(), 'templates')) {}

  /** Raw stored sets by id (their JSON, unresolved), for resolving an `extends` that names one of them. */
  private async raw(): Promise<Map<string, { file: string; text: string; json: unknown }>> {
    const out = new Map<string, { file: string; text: string; json: unknown }>();
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const id = name.slice(0, -'.json'.length);
      if (!ID.test(id)) continue;
      const file = join(this.dir, name);
      const text = await readFile(file, 'utf8');
      let json: unknown;
      try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        json = undefined;
      }
      out.set(id, { file, text, json });
    }
    return out;
  }

  /** Resolves an id among the stored sets (for `extends` and for `parseTemplateSetText`'s lookup). */
  async lookup(): Promise<(id: string) => unknown> {
    const raw = await this.raw();
    return (id) => raw.get(id)?.json;
  }

  /** Each stored set file's text by id, unvalidated (the app's page validates what it registers). */
  async texts(): Promise<{ id: string; text: string }[]> {
    return [...(await this.raw()).entries()].map(([id, r]) => ({ id, text: r.text }));
  }

  async list(): Promise<StoredSet[]> {
    const raw = await this.raw();
    const lookup = (id: string) => raw.get(id)?.json;
    return [...raw.entries()].map(([id, r]) => {
      const parent = (r.json as { extends?: unknown } | undefined)?.extends;
      return { id, file: r.file, result: parseTemplateSetText(r.text, lookup), ...(typeof parent === 'string' ? { parent } : {}) };
    });
  }

  async get(id: string): Promise<StoredSet | undefined> {
    return (await this.list()).find((s) => s.id === id);
  }

  /** Stores a set file's text under its id (replacing an earlier version); the caller has validated it. */
  async save(id: string, text: string): Promise<string> {
    if (!ID.test(id)) throw new Error(`模板标识“${id}”无效`);
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${id}.json`);
    await writeFileAtomic(file, new TextEncoder().encode(text));
    return file;
  }

  /** Removes a stored set; false when there was none. */
  async remove(id: string): Promise<boolean> {
    if (!ID.test(id)) return false;
    const file = join(this.dir, `${id}.json`);
    const existed = await readFile(file).then(() => true, () => false);
    if (existed) await rm(file);
    return existed;
  }
}
