import { describe, expect, it } from 'vitest';
import { openApp, screenshot, useHarness } from './harness';

const h = useHarness();

describe('the app in a browser', () => {
  it('opens the built-in sample with the outline, every table as printed, and a text section', async () => {
    const page = await openApp(h);
    await expect(page.locator('.bd-outline-item').count()).resolves.toBeGreaterThan(10);
    // The sample is consistent: no 错误 (its known 提示 may remain).
    await expect(page.locator('.bd-finding-error').count()).resolves.toBe(0);
    const tables = await page.locator('[data-outline-id^="table:"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-outline-id')!));
    expect(tables.length).toBe(11);
    for (const id of tables) {
      await page.click(`[data-outline-id="${id}"]`);
      await page.waitForSelector(`[data-outline-id="${id}"].is-selected`);
      await page.waitForSelector('.bd-grid .ag-header-cell');
      const title = await page.locator('.bd-table-title').textContent();
      expect(title).toMatch(/表$/);
      await screenshot(page, `tour-${id.replace('table:', '')}`);
    }
    // Hovering an outlined cell shows the finding as a tooltip (表6 30110 keeps a real 提示 of the release).
    await page.click('[data-outline-id="table:t6"]');
    const outlined = page.locator('.bd-grid .ag-cell.bd-cell-warning').first();
    await outlined.hover();
    await page.waitForSelector('.ag-tooltip');
    await expect(page.locator('.ag-tooltip').textContent()).resolves.toContain('提示');
    await screenshot(page, 'tour-tooltip');
    // A text section renders the inputs view (or its placeholder).
    await page.locator('.bd-outline-section').nth(2).click();
    await page.waitForSelector('.bd-section-pane');
    await page.waitForFunction(() => !document.querySelector('.bd-section-pane')?.textContent?.includes('正在加载'));
    await screenshot(page, 'tour-section');
    await page.click('[data-command="settings"]');
    await page.waitForSelector('[data-testid="settings-dialog"]');
    await screenshot(page, 'tour-settings');
    await page.close();
  });
});
