import { afterAll, beforeAll, vi } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

/**
 * End-to-end harness: a Vite dev server of the renderer on a free localhost port (the web host), and Debian's
 * Chromium driven by playwright-core. Cells are addressed the way AG Grid renders them:
 * `.ag-row[row-index] .ag-cell[col-id]`.
 */
// URL paths rather than node:url/node:fs: renderer/ lint forbids Node built-ins outside *.test.ts (playwright creates the folder).
export const SCREENSHOT_DIR = decodeURIComponent(new URL('../../test-output/screenshots/', import.meta.url).pathname);

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

export interface Harness {
  server: ViteDevServer;
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await createServer({
    configFile: decodeURIComponent(new URL('../../vite.config.ts', import.meta.url).pathname),
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false },
    logLevel: 'error',
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not report a port');
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    server, browser, url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Registers one Vite server + Chromium for the calling test file and the generous timeouts browser steps need on a
 * busy 2-core machine (these are not timing assertions). The returned object is usable inside tests.
 */
export function useHarness(): Harness {
  vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  const started = (): Harness => {
    if (!h) throw new Error('harness not started');
    return h;
  };
  return {
    get server() { return started().server; },
    get browser() { return started().browser; },
    get url() { return started().url; },
    close: async () => started().close(),
  };
}

/** Opens table tableId, clicks the cell of the row with rowKey (a code or row id) and column colId; returns its row index. */
export async function focusCell(page: Page, tableId: string, rowKey: string, colId: string): Promise<number> {
  await openTable(page, tableId);
  const r = await rowIndexOf(page, rowKey);
  await page.click(cell(r, colId));
  return r;
}

/** The two screen sizes the editor must work at: a common office monitor and a small laptop. */
export const VIEWPORTS = { large: { width: 1600, height: 1000 }, small: { width: 1280, height: 720 } } as const;

/**
 * Opens the app (1366×768 unless a viewport is given) on a fresh page (fresh localStorage) and waits until the
 * first grid is interactive.
 */
export async function openApp(
  h: Harness,
  options: { clearStorage?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const viewport = options.viewport ?? { width: 1366, height: 768 };
  const context = await h.browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(h.url);
  if (options.clearStorage !== false) await page.evaluate(() => localStorage.clear());
  await page.waitForSelector('.ag-row[row-index="0"] .ag-cell', { timeout: 30_000 });
  return page;
}

export function cell(rowIndex: number, colId: string): string {
  return `.bd-grid .ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`;
}

export async function openTable(page: Page, tableId: string): Promise<void> {
  await page.click(`[data-outline-id="table:${tableId}"]`);
  await page.waitForSelector('.ag-row[row-index="0"] .ag-cell');
}

/** The grid row index of a document row (by its code / row id shown through AG Grid's row id). */
export async function rowIndexOf(page: Page, rowKey: string): Promise<number> {
  const selector = `.bd-grid .ag-row[row-id="${rowKey}"]`;
  const handle = await page.waitForSelector(selector);
  return Number(await handle.getAttribute('row-index'));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png` });
}

/** Waits until a selector matches exactly n elements (grid refreshes land a frame after the event). */
export async function waitForCount(page: Page, selector: string, n: number): Promise<void> {
  await page.waitForFunction(([sel, count]) => document.querySelectorAll(sel as string).length === count, [selector, n] as const, { timeout: 5000 });
}

/** Waits for a cell to show the expected text, then asserts it (the failure message names what was shown). */
export async function expectCellText(page: Page, rowIndex: number, colId: string, expected: string): Promise<void> {
  const selector = cell(rowIndex, colId);
  try {
    await page.waitForFunction(([sel, want]) => document.querySelector(sel as string)?.textContent === want, [selector, expected] as const, { timeout: 5000 });
  } catch {
    const shown = await page.locator(selector).textContent().catch(() => null);
    throw new Error(`cell ${rowIndex}/${colId} shows ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
  }
}
