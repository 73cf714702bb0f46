import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { runAndKill } from './testing/child-process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { largeDocumentJson } from './testing/large-document';

// A writer process saves two large documents over one file in turn; we SIGKILL it at random moments. Whatever the
// moment, the file must parse and be exactly one of the two documents — never empty, truncated or mixed.
const KILLS = 220;
let dir: string;
let writer: string;
const docs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-kill-'));
  writer = join(dir, 'crash-writer.mjs');
  await build({
    entryPoints: [join(__dirname, 'testing/crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: writer,
    logLevel: 'silent',
  });
  docs.push(largeDocumentJson(10_000, 1), largeDocumentJson(10_000, 2));
  writeFileSync(join(dir, 'a.json'), docs[0]!);
  writeFileSync(join(dir, 'b.json'), docs[1]!);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic write survives SIGKILL', () => {
  it(`leaves the complete old or new document after ${KILLS} kills`, { timeout: 900_000 }, async () => {
    const target = join(dir, '预算公开.ysgk');
    writeFileSync(target, docs[0]!);
    const seen = new Set<number>();
    for (let i = 0; i < KILLS; i += 1) {
      // Spread kills over the first few saves: start-up, mid-write, mid-fsync, mid-backup, mid-rename.
      await runAndKill(writer, [target, join(dir, 'a.json'), join(dir, 'b.json')], Math.floor(Math.random() * 60));
      const text = readFileSync(target, 'utf8');
      const index = docs.indexOf(text);
      if (index < 0) throw new Error(`kill ${i}: target is neither document (${text.length} chars)`);
      expect(JSON.parse(text).format).toBe('budget-disclosure');
      seen.add(index);
      const bak = `${target}.bak`;
      if (existsSync(bak)) expect(docs).toContain(readFileSync(bak, 'utf8'));
    }
    // The kills really landed at different points: both versions were observed as the final state.
    expect(seen.size).toBe(2);
    // Leftovers are only our own temp files, never a second copy under another visible name.
    const visible = readdirSync(dir).filter((n) => !n.startsWith('.'));
    expect(visible.sort()).toEqual(['a.json', 'b.json', 'crash-writer.mjs', '预算公开.ysgk', '预算公开.ysgk.bak'].sort());
  });
});
