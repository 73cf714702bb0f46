import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createAppProtocolHandler } from './app-protocol';

// The real renderer bundle, served by our app:// protocol handler (same files, same CSP and headers; over http here
// because plain Chromium cannot be given a custom scheme) must start and render its grid under the strict CSP:
// no inline or remote script needed, AG Grid's injected styles allowed, nothing breaks when eval is refused.
const repo = resolve(__dirname, '..');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let work: string;
let server: Server;
let browser: Browser;
let url: string;
let assets: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ysgk-csp-'));
  const out = join(work, 'renderer');
  const vite = spawnSync(process.execPath, [join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: repo, encoding: 'utf8' });
  if (vite.status !== 0) throw new Error(`renderer build failed:\n${vite.stderr}`);
  assets = readdirSync(join(out, 'assets'));
  const handler = createAppProtocolHandler(out);
  server = createServer((req, res) => {
    void handler(new Request(`app://bundle${req.url ?? '/'}`, { method: req.method })).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/index.html`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  rmSync(work, { recursive: true, force: true });
});

describe('renderer under the app CSP', () => {
  it('starts, renders the sample, exports Excel and Word, with no CSP violation but refused eval', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.dismiss());
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: { directive: string; blocked: string; source: string }[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile }));
    });
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('.ag-row[row-index="0"] .ag-cell', { timeout: 60_000 });

    // exceljs and docx are loaded on demand (导出): their module code must also run under the policy.
    for (const chunk of assets.filter((a) => /^export-.*\.js$/.test(a))) {
      // A string, not a function: vitest would rewrite import() inside a function body.
      expect(await page.evaluate(`import(${JSON.stringify(`/assets/${chunk}`)}).then(() => true)`)).toBe(true);
    }
    // And they must actually work there: export the sample to Excel and Word (the web host downloads the bytes).
    for (const label of ['导出 Excel', '导出 Word']) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: label }).click()]);
      expect(await download.failure()).toBeNull();
    }
    mkdirSync(join(repo, 'test-output', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(repo, 'test-output', 'screenshots', 'electron-csp.png') });

    const violations = await page.evaluate(() => (window as unknown as { __csp: { directive: string; blocked: string; source: string }[] }).__csp);
    // Library feature probes try eval and fall back; refusing them is the policy working. Anything else is not.
    expect(violations.filter((v) => v.blocked !== 'eval')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
