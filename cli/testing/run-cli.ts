import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from '../main';
import type { WriteFiles } from '../io';

/** Runs the CLI in this process (fast: no tsx start-up) with an optional injected writer; collects the output. */
export async function runCli(cwd: string, args: string[], writeFiles?: WriteFiles): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, {
    cwd,
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    ...(writeFiles ? { writeFiles } : {}),
  });
  return { code, out, err };
}

const bin = join(__dirname, '..', 'bin.mjs');

/** Runs the real `budget-disclosure` binary in a child process, as a user would. */
export function spawnCli(cwd: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** An injected writer that fails like the disk would, before writing anything. */
export function failingWriter(code: string): WriteFiles {
  return async (entries) => {
    throw Object.assign(new Error(`${code}: open '${entries[0]?.target ?? ''}.tmp'`), { code, failedTarget: entries[0]?.target });
  };
}
