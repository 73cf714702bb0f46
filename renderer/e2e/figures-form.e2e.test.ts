import { describe, expect, it } from 'vitest';
import { openApp, screenshot, useHarness } from './harness';

const h = useHarness();

describe('具体使用情况 form', () => {
  it('adds a 项 that fell to zero: its line appears and the text says it fell by 100%', async () => {
    const page = await openApp(h);
    await page.click('[data-outline-id="s5-3"]');
    await page.waitForSelector('[data-testid="fallen-item"]', { timeout: 30_000 });
    const form = page.locator('[data-testid="fallen-item"]');
    await form.locator('input[aria-label="科目编码"]').fill('123');
    await form.getByRole('button', { name: '添加' }).click();
    await expect(form.textContent()).resolves.toContain('请填写7位项级功能分类科目编码');

    await form.locator('input[aria-label="科目编码"]').fill('2010101');
    await form.locator('input').nth(1).fill('7.27');
    await form.getByRole('button', { name: '添加' }).click();
    // The form's line: this year 0, last year 7.27, the change computed.
    await page.locator('.bd-in-table tr', { hasText: '2010101' }).filter({ hasText: '下降100.00%' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('.bd-section-pane')?.textContent?.includes('下降100.00%'), undefined, { timeout: 30_000 });
    await screenshot(page, 'figures-fallen-item');
  });
});
