import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { JsonValue } from '../core/document/document';
import { writeFileAtomic } from '../node/atomic-write';

/**
 * The officer's settings (remembered import mappings, column widths, panel sizes) in one JSON object,
 * "<userData>/settings.json". Read once and cached; every change rewrites the file atomically, one write after
 * another in the order the changes were made, each holding every key known at that moment — so two changes made at
 * once both survive. A damaged file never stops the app: it is moved aside as "settings.json.bad" (for support)
 * and the settings start empty.
 */
export class SettingsStore {
  private loaded: Promise<Map<string, JsonValue>> | null = null;
  /** The last write in the chain; failures are reported to their caller and do not block later writes. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  async get(key: string): Promise<JsonValue | null> {
    const values = await this.load();
    const value = values.get(key);
    // A copy: a caller changing what it got must not change the cache behind the file's back.
    return value === undefined ? null : structuredClone(value);
  }

  /** Stores a value (null deletes the key) and resolves once the file on disk holds it. */
  async set(key: string, value: JsonValue | null): Promise<void> {
    const values = await this.load();
    if (value === null) {
      if (!values.delete(key)) return;
    } else {
      values.set(key, structuredClone(value));
    }
    const bytes = new TextEncoder().encode(JSON.stringify(Object.fromEntries(values), null, 1));
    const write = this.writing.then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, bytes, { backup: false });
    });
    this.writing = write.catch(() => undefined);
    await write;
  }

  private load(): Promise<Map<string, JsonValue>> {
    this.loaded ??= this.read();
    return this.loaded;
  }

  private async read(): Promise<Map<string, JsonValue>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      // First start (no file yet) is normal; an unreadable file is left alone and the settings start empty.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`无法读取设置文件 ${this.file}：${String(error)}`);
      return new Map();
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      await this.setAside();
      return new Map();
    }
    return new Map(Object.entries(parsed as Record<string, JsonValue>));
  }

  private async setAside(): Promise<void> {
    const bad = `${this.file}.bad`;
    try {
      await rename(this.file, bad);
      this.log(`设置文件已损坏，已另存为 ${bad}，设置从空白开始`);
    } catch (error) {
      this.log(`设置文件已损坏且无法移开（${String(error)}），设置从空白开始`);
    }
  }
}
