import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptionsWithoutStdio } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles a test child script (node/testing/<name>.ts) to one .mjs file that plain `node` can run. */
export async function bundleChild(name: string, outDir: string): Promise<string> {
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

export interface RunningChild {
  child: ChildProcessWithoutNullStreams;
  /** The first JSON line the child printed. */
  first: Promise<unknown>;
  /** Resolves when the child has exited (code, signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startChild(script: string, args: string[], options: SpawnOptionsWithoutStdio = {}): RunningChild {
  const child = spawn(process.execPath, [script, ...args], { ...options, stdio: 'pipe' });
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const first = new Promise<unknown>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const nl = buffer.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(buffer.slice(0, nl)));
    });
    child.on('error', reject);
    void exited.then(({ code }) => reject(new Error(`child exited (${code}) before answering: ${stderr}`)));
  });
  return { child, first, exited };
}

/** Runs a child to its end and returns its first JSON line. */
export async function runChild(script: string, args: string[], options: SpawnOptionsWithoutStdio = {}): Promise<unknown> {
  const running = startChild(script, args, options);
  const answer = await running.first;
  await running.exited;
  return answer;
}

/**
 * Starts a child that prints a line once its work is under way, SIGKILLs it `delayMs` after that line, and resolves
 * when it is dead. A child that exits by itself rejects (its loop was supposed to run until killed).
 */
export function runAndKill(script: string, args: string[], delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let armed = false;
    child.stdout.on('data', () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited by itself (${code}): ${stderr.slice(0, 300)}`))));
  });
}
