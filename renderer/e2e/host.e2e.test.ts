import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../core/file';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { expectCellText, useHarness, focusCell } from './harness';

/**
 * The Electron path: a fake `window.host` (what the preload exposes) is installed before the app loads, so the
 * renderer must take it instead of the web host, drive the title through setDocumentState and obey MenuCommands.
 */
const h = useHarness();

interface FakeOptions {
  startupFile?: string;
  /** What openHistory returns for any version. */
  historyFile?: string;
}

async function openWithFakeHost(options: FakeOptions = {}): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.addInitScript((opts: FakeOptions) => {
    const w = window as unknown as Record<string, unknown>;
    const calls: { method: string; arg: unknown }[] = [];
    const menu = new Set<(c: string) => void>();
    const enc = (s: string) => new TextEncoder().encode(s);
    const log = (method: string, arg?: unknown) => calls.push({ method, arg });
    w.__calls = calls;
    w.__fireMenu = (c: string) => menu.forEach((l) => l(c));
    w.host = {
      kind: async () => 'electron',
      startupFile: async () => (opts.startupFile ? { path: '/home/user/启动.ysgk', name: '启动.ysgk', bytes: enc(opts.startupFile) } : null),
      openFile: async () => null,
      openRecent: async () => null,
      recentFiles: async () => [],
      saveFile: async (req: { path?: string; suggestedName: string; bytes: Uint8Array }) => {
        log('saveFile', { path: req.path, suggestedName: req.suggestedName, size: req.bytes.length });
        return { path: req.path ?? `/home/user/${req.suggestedName}`, name: req.suggestedName };
      },
      setDocumentState: async (state: { title: string; dirty: boolean }) => log('setDocumentState', state),
      writeRecovery: async (bytes: Uint8Array) => log('writeRecovery', bytes.length),
      takeRecovery: async () => null,
      clearRecovery: async () => log('clearRecovery'),
      setAsideRecovery: async () => null,
      reopenFile: async (path: string) => {
        log('reopenFile', path);
        return opts.startupFile ? { path, name: '启动.ysgk', bytes: enc(opts.startupFile) } : null;
      },
      releaseDocument: async () => log('releaseDocument'),
      listHistory: async (path: string) => {
        log('listHistory', path);
        return [
          { id: '0123456789abcdef/20261204T101500000Z.ysgk', savedAt: '2026-12-04T10:15:00.000Z', size: 2048 },
          { id: '0123456789abcdef/20261203T090000000Z.ysgk', savedAt: '2026-12-03T09:00:00.000Z', size: 1024 },
        ];
      },
      openHistory: async (id: string) => {
        log('openHistory', id);
        return opts.historyFile ? { path: '', name: '启动（历史版本 2026-12-03）.ysgk', bytes: enc(opts.historyFile) } : null;
      },
      confirm: async () => true,
      getSetting: async () => null,
      setSetting: async (entry: { key: string }) => log('setSetting', entry.key),
      onMenuCommand: (l: (c: string) => void) => {
        menu.add(l);
        return () => menu.delete(l);
      },
      onOpenFile: () => () => undefined,
    };
  }, options);
  await page.goto(h.url);
  await page.waitForSelector('.bd-grid .ag-row[row-index="0"] .ag-cell');
  return page;
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: { method: string; arg: unknown }[] }).__calls);
const fire = (page: Page, c: string) => page.evaluate((cmd) => (window as unknown as { __fireMenu: (c: string) => void }).__fireMenu(cmd), c);

describe('running on the Electron host contract', () => {
  it('uses window.host: title and unsaved mark, menu undo/redo/save/settings', async () => {
    const page = await openWithFakeHost();
    await expect(page.locator('.bd-host-hint').count()).resolves.toBe(0);
    const r = await focusCell(page, 't3', '2101103', 'basic');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expectCellText(page, r, 'basic', '5.00');
    await page.waitForFunction(() => (window as unknown as { __calls: { method: string; arg: { dirty?: boolean } }[] }).__calls.some((c) => c.method === 'setDocumentState' && c.arg.dirty));
    const titles = (await calls(page)).filter((c) => c.method === 'setDocumentState').map((c) => c.arg as { title: string; dirty: boolean });
    expect(titles.at(-1)?.title).toContain('若羌县医疗保障局');

    await fire(page, 'undo');
    await expectCellText(page, r, 'basic', '3.51');
    await fire(page, 'redo');
    await expectCellText(page, r, 'basic', '5.00');

    await fire(page, 'save');
    await page.waitForFunction(() => (window as unknown as { __calls: { method: string }[] }).__calls.some((c) => c.method === 'clearRecovery'));
    // The window's unsaved mark follows in the page's next render, which may come after the recovery copy is cleared.
    await page.waitForFunction(() => {
      const states = (window as unknown as { __calls: { method: string; arg: { dirty?: boolean } }[] }).__calls.filter((c) => c.method === 'setDocumentState');
      return states.at(-1)?.arg.dirty === false;
    }, null, { timeout: 5000 }).catch(() => undefined);
    const last = (await calls(page)).filter((c) => c.method === 'setDocumentState').at(-1)?.arg as { dirty: boolean };
    expect(last.dirty).toBe(false);
    // Saved once with a path: the next 保存 overwrites it (no dialog), 另存为 asks again.
    await fire(page, 'save');
    await page.waitForFunction(() => (window as unknown as { __calls: { method: string }[] }).__calls.filter((c) => c.method === 'saveFile').length === 2);
    const saves = (await calls(page)).filter((c) => c.method === 'saveFile').map((c) => c.arg as { path?: string });
    expect(saves[0].path).toBeUndefined();
    expect(saves[1].path).toMatch(/\.ysgk$/);

    await fire(page, 'settings');
    await page.waitForSelector('[data-testid="settings-dialog"]');
    await page.keyboard.press('Escape');
    await page.context().close();
  });

  it('opens the file given at startup instead of the sample', async () => {
    const doc = createSampleDocument();
    doc.meta.unitName = '启动文件测试局';
    const page = await openWithFakeHost({ startupFile: serializeDocument(doc) });
    await page.waitForSelector('.bd-file-name:has-text("启动.ysgk")');
    const titles = (await calls(page)).filter((c) => c.method === 'setDocumentState').map((c) => (c.arg as { title: string }).title);
    expect(titles.at(-1)).toContain('启动文件测试局');
    await page.context().close();
  });

  it('历史版本 (toolbar and menu) lists the host\'s versions newest first and opens the chosen one as an unsaved copy', async () => {
    const doc = createSampleDocument();
    doc.meta.unitName = '启动文件测试局';
    const old = createSampleDocument();
    old.meta.unitName = '旧版本测试局';
    const page = await openWithFakeHost({ startupFile: serializeDocument(doc), historyFile: serializeDocument(old) });
    await page.waitForSelector('.bd-file-name:has-text("启动.ysgk")');
    await page.click('.bd-toolbar button[data-command="history"]');
    await page.waitForSelector('[data-testid="history-dialog"]');
    const rows = await page.locator('[data-testid="history-list"] label').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('最近一次保存');
    await page.click('[data-history-id="0123456789abcdef/20261203T090000000Z.ysgk"] input');
    await page.click('[data-testid="history-dialog"] button:has-text("打开所选版本")');
    // The status message may be replaced later (it is not permanent): catch it as it appears.
    await page.waitForSelector('[data-testid="status-message"]:has-text("已打开历史版本")');
    await page.waitForFunction(() => (window as unknown as { __calls: { method: string }[] }).__calls.some((c) => c.method === 'openHistory'));
    const opened = (await calls(page)).filter((c) => c.method === 'openHistory').map((c) => c.arg);
    expect(opened).toEqual(['0123456789abcdef/20261203T090000000Z.ysgk']);
    await page.waitForFunction(() => {
      const states = (window as unknown as { __calls: { method: string; arg: { title?: string } }[] }).__calls.filter((c) => c.method === 'setDocumentState');
      return states.at(-1)?.arg.title?.includes('旧版本测试局') ?? false;
    });
    // The copy has no file: the menu's 历史版本 says so instead of listing another file's versions.
    await fire(page, 'history');
    await page.waitForSelector('[data-testid="status-message"]:has-text("尚未保存到文件")');
    expect((await calls(page)).filter((c) => c.method === 'listHistory')).toHaveLength(1);
    await page.context().close();
  });
});
