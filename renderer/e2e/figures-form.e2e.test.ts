import { describe, expect, it } from 'vitest';
import { focusCell, openApp, screenshot, useHarness } from './harness';

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

    // Each figure of the preview names the cells it comes from.
    const fig = page.locator('.bd-pv-fig', { hasText: '10.1万元' }).first();
    await expect(fig.getAttribute('title')).resolves.toContain('表5 2101102');
    await expect(fig.getAttribute('data-cells')).resolves.toMatch(/^t5\//);

    // Number style: the sample writes as few decimals as needed (10.1万元); the setting makes the text print as
    // the tables do (10.10万元), as one undoable step.
    const pane = () => document.querySelector('.bd-section-pane')?.textContent ?? '';
    await page.waitForFunction((f) => new Function(`return ${f}`)()().includes('比上年预算增加9.66万元'), pane.toString());
    expect(await page.evaluate(pane)).toContain('2024年预算数为10.1万元');
    await page.click('[data-command="settings"]');
    await page.check('[data-testid="settings-dialog"] input[name="textAmountStyle"][value="fixed2"]');
    await page.click('[data-testid="settings-dialog"] button.is-primary');
    await page.waitForFunction(() => document.querySelector('.bd-section-pane')?.textContent?.includes('2024年预算数为10.10万元'), undefined, { timeout: 30_000 });
    await page.click('[data-command="undo"]');
    await page.waitForFunction(() => document.querySelector('.bd-section-pane')?.textContent?.includes('2024年预算数为10.1万元'), undefined, { timeout: 30_000 });
  });
});

describe('finding ↔ section ↔ cell links', () => {
  it('a prior-year finding opens 具体使用情况; a figure of the preview goes to its cell', async () => {
    const page = await openApp(h);
    // The sample's last-year items add to 743.45 against 753.45: a 提示 with no cell, about last year's figures.
    await page.getByText('上年预算数不一致', { exact: false }).first().click();
    await page.waitForSelector('[data-outline-id="s5-3"].is-selected', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="fallen-item"]', { timeout: 30_000 });

    const fig = page.locator('.bd-pv-fig.is-link', { hasText: '10.1万元' }).first();
    await fig.click();
    await page.waitForSelector('[data-outline-id="table:t5"].is-selected', { timeout: 30_000 });
    await page.waitForFunction(() => document.activeElement?.closest('.ag-row')?.textContent?.includes('2101102') ?? false, undefined, { timeout: 30_000 });
    await screenshot(page, 'preview-figure-to-cell');
  });
});

describe('在说明中查看此格', () => {
  it('lists the sentences that read the focused cell and opens the section of one', async () => {
    const page = await openApp(h);
    await focusCell(page, 't5', '2101102', 'total');
    await page.click('[data-menu-id="review"]');
    await page.click('[data-action="textUses"]');
    const dialog = page.locator('[data-testid="text-uses-dialog"]');
    await dialog.waitFor();
    await expect(dialog.locator('.bd-dialog-title').textContent()).resolves.toContain('表5 2101102');
    const item = dialog.locator('li', { hasText: '10.1万元' }).first();
    await expect(item.locator('mark').first().textContent()).resolves.toBe('10.1万元');
    await screenshot(page, 'text-uses');
    await item.locator('button').click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForSelector('.bd-section-pane');
  });
});
