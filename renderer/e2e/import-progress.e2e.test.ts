import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expenditureTable2024, workbookBytes } from '../../core/xlsx/testing/workbook-builders';
import { lyingZipBomb } from '../../core/xlsx/zip/hostile-zips';
import { openApp, screenshot, useHarness } from './harness';

/**
 * Import and export run in the core Web Worker with a progress dialog and 取消. The page holds the worker's requests
 * (the client's `__bdWorkerHold` seam) so the dialog can be seen and cancelled without racing a fast import.
 */
const h = useHarness();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BODY = [['208', null, null, '社会保障和就业支出', 59.57, 59.57, null]];

async function importFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.click('[data-menu-id="import"]');
  await page.click('[data-action="importExcel"]');
  await (await chooser).setFiles({ name, mimeType: XLSX, buffer: Buffer.from(bytes) });
}

const hold = (page: Page) => page.evaluate(() => {
  (window as unknown as { __bdWorkerHold?: Promise<void> }).__bdWorkerHold = new Promise<void>(() => {});
});
const release = (page: Page) => page.evaluate(() => {
  delete (window as unknown as { __bdWorkerHold?: Promise<void> }).__bdWorkerHold;
});
const status = (page: Page) => page.locator('[data-testid="status-message"]').textContent();

describe('import and export in the worker', () => {
  it('shows the progress dialog; 取消 stops the import and leaves the open document untouched; the next import works', async () => {
    const bytes = await workbookBytes([expenditureTable2024(BODY, { compiler: '进度测试局' })]);
    const page = await openApp(h);
    const before = await page.title();
    expect(before).toContain('若羌县医疗保障局');

    await hold(page);
    await importFile(page, '2024年支出表.xlsx', bytes);
    const dialog = page.locator('[data-testid="progress-dialog"]');
    await dialog.waitFor({ timeout: 30_000 });
    await expect(dialog.locator('.bd-dialog-title').textContent()).resolves.toBe('正在导入“2024年支出表.xlsx”');
    await screenshot(page, 'import-progress');
    await dialog.locator('button:has-text("取消")').click();
    await page.waitForSelector('[data-testid="status-message"]:has-text("已取消导入")');
    await expect(dialog.count()).resolves.toBe(0);
    expect(await page.title()).toBe(before);

    // A fresh worker takes the next import; the dialog is shown while it runs and gone afterwards.
    await release(page);
    await page.evaluate(() => {
      const seen = ((window as unknown as { __seenProgress: boolean }).__seenProgress = false);
      void seen;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="progress-dialog"]')) (window as unknown as { __seenProgress: boolean }).__seenProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await importFile(page, '2024年支出表.xlsx', bytes);
    await page.waitForSelector('[data-testid="report-dialog"]', { timeout: 60_000 });
    await page.click('[data-testid="report-dialog"] button.is-primary');
    expect(await page.evaluate(() => (window as unknown as { __seenProgress: boolean }).__seenProgress)).toBe(true);
    expect(await page.title()).toContain('进度测试局');
    await expect(dialog.count()).resolves.toBe(0);
    await page.close();
  });

  it('取消 during an export says 已取消导出 and offers no file', async () => {
    const page = await openApp(h);
    await hold(page);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.click('[data-command="exportExcel"]');
    const dialog = page.locator('[data-testid="progress-dialog"]');
    await dialog.waitFor({ timeout: 30_000 });
    await expect(dialog.locator('.bd-dialog-title').textContent()).resolves.toContain('正在生成 Excel 工作簿');
    await dialog.locator('button:has-text("取消")').click();
    await page.waitForSelector('[data-testid="status-message"]:has-text("已取消导出")');
    expect(downloads).toBe(0);
    await page.close();
  });

  it('a zip bomb whose sizes lie fails in the worker with the Chinese message; the page stays usable', async () => {
    const page = await openApp(h);
    const before = await page.title();
    await importFile(page, '炸弹.xlsx', lyingZipBomb());
    await page.waitForSelector('[data-testid="status-message"]:has-text("无法导入")', { timeout: 60_000 });
    await expect(status(page)).resolves.toContain('工作簿解压后超过');
    expect(await page.title()).toBe(before);
    await page.close();
  });
});
