/**
 * Where the page's main thread spends the sample open: builds the renderer, opens the built-in sample in Chromium
 * with the CPU profiler on from navigation to the first grid rows of 表1, and prints the functions and the files
 * with the most self time. A developer's tool for speed work (`npx tsx scripts/profile-ui.ts [runs]`); the numbers
 * that count are `npm run bench`'s.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 2);
  const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
  const outDir = join(mkdtempSync(join(tmpdir(), 'bd-profile-')), 'dist');
  await build({ configFile, logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false, minify: process.env.BD_MINIFY !== '0' } });
  const server = await preview({ configFile, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0] ?? '';
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  const opens: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('bd-grid-rendered:t1').length > 0, undefined, { timeout: 60_000 });
    opens.push(await page.evaluate(() => performance.getEntriesByName('bd-grid-rendered:t1')[0].startTime));
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`));
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (i === runs - 1) {
      console.log('marks', marks.join(' '));
      writeFileSync('/tmp/bd-open.cpuprofile', JSON.stringify(profile));
    }
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, k) => {
      const n = nodes.get(id)!;
      const dt = profile.timeDeltas[k] / 1000;
      const f = n.callFrame;
      const file = f.url.split('/').pop() || '(native)';
      const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber}:${f.columnNumber}`;
      if (f.functionName === '(idle)' || f.functionName === '(program)') return;
      self.set(key, (self.get(key) ?? 0) + dt);
      byFile.set(file, (byFile.get(file) ?? 0) + dt);
      total += dt;
    });
    await context.close();
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / runs).toFixed(1).padStart(7)} ms  ${k}`);
  console.log(`open → 表1 rows (ms): ${opens.map((o) => o.toFixed(0)).join(', ')}; busy ${(total / runs).toFixed(0)} ms per run`);
  console.log('-- by file --\n' + top(byFile, 15).join('\n'));
  console.log('-- by function --\n' + top(self, 40).join('\n'));
  await browser.close();
  server.httpServer.close();
}

void main();
