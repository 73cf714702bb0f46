/**
 * Bundles the main process and the preload with esbuild: dist/electron/main.cjs and dist/electron/preload.cjs.
 * Everything they import (core, node, zod) is inlined, so the package needs no node_modules at run time; only
 * `electron` stays external. No source maps and no minification: the package ships exactly what runs, readable for
 * Electronegativity and for stack traces in bug reports.
 * Usage: tsx scripts/build-electron.ts [outDir]
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** Electron 45 runs Node 22 and Chromium 140. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

export async function buildElectron(outDir = join(repoRoot, 'dist', 'electron')): Promise<{ main: string; preload: string }> {
  mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    external: ['electron'],
    format: 'cjs' as const,
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
    absWorkingDir: repoRoot,
  };
  const main = join(outDir, 'main.cjs');
  const preload = join(outDir, 'preload.cjs');
  await build({ ...common, entryPoints: [join(repoRoot, 'electron/main.ts')], outfile: main, platform: 'node', target: NODE_TARGET });
  // The preload runs sandboxed: only `electron` (contextBridge, ipcRenderer) is available, no Node built-ins.
  await build({ ...common, entryPoints: [join(repoRoot, 'electron/preload.ts')], outfile: preload, platform: 'browser', target: CHROME_TARGET });
  return { main, preload };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? resolve(process.argv[2]) : undefined;
  buildElectron(out).then(
    (files) => console.log(`已生成 ${files.main} 与 ${files.preload}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
