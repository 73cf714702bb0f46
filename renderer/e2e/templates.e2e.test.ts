import { describe, expect, it } from 'vitest';
import { cell, expectCellText, openApp, screenshot, useHarness } from './harness';

const h = useHarness();

describe('新建 with another template set', () => {
  it('creates a 2021 单位预算 document: settings first, 表一…表九, 0.00 shown, column-number row, 表八 one data row', async () => {
    const page = await openApp(h);
    await page.click('[data-command="new"]');
    await page.waitForSelector('[data-testid="new-dialog"]');
    await page.locator('[data-testid="new-dialog"] label', { hasText: '2021' }).first().click();
    await page.click('[data-testid="new-dialog"] button.is-primary');
    // The settings dialog opens for the new document's unit name.
    await page.waitForSelector('[data-testid="settings-dialog"]');
    await page.fill('[data-testid="settings-dialog"] input[name="unitName"]', '乌尔禾区医疗保障局');
    await page.fill('[data-testid="settings-dialog"] input[name="compiler"]', '乌尔禾区医保局');
    await page.click('[data-testid="settings-dialog"] button.is-primary');
    await page.waitForSelector('[data-outline-id="table:t1"]:has-text("表一")');
    await expect(page.locator('[data-outline-id^="table:"]').count()).resolves.toBe(9);

    await page.click('[data-outline-id="table:t8"]');
    await page.waitForSelector('.bd-table-title:has-text("三公")');
    await page.waitForSelector('.bd-row-numbers .ag-cell[col-id="total"]:text-is("1")');
    // 2021 prints zero as 0.00; the only row takes input and its 合计 columns follow.
    await expectCellText(page, 0, 'abroad', '0.00');
    await page.click(cell(0, 'abroad'));
    await page.keyboard.type('1.5');
    await page.keyboard.press('Tab');
    await page.click(cell(0, 'vehicleOperation'));
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expectCellText(page, 0, 'vehicle', '2.00');
    await expectCellText(page, 0, 'total', '3.50');
    await page.waitForSelector('[data-testid="compiler-line"]:has-text("乌尔禾区医保局")');
    await screenshot(page, 'new-2021-table8');
    await page.close();
  });
});
