import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expenditureTable2024, workbookBytes, type TestCell } from '../../core/xlsx/testing/workbook-builders';
import { expectCellText, openApp, openTable, rowIndexOf, screenshot, useHarness } from './harness';

/**
 * 导入 Excel as a dialogue: a workbook without a year asks for it, an unknown column header asks where it belongs
 * (remembered for the next import), and the imported document never inherits the open document's details.
 */
const h = useHarness();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BODY: TestCell[][] = [
  ['208', null, null, '社会保障和就业支出', 59.57, 59.57, null],
  ['208', '05', null, '行政事业单位养老支出', 59.57, 59.57, null],
  ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 59.57, 59.57, null],
  [null, null, null, '合计', 59.57, 59.57, null],
];

/** Chooses 导入 → Excel 工作簿 and hands over the bytes; `before` answers what is asked before the file dialog. */
async function importFile(page: Page, name: string, bytes: Uint8Array, before?: () => Promise<void>): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.click('[data-menu-id="import"]');
  await page.click('[data-action="importExcel"]');
  await before?.();
  await (await chooser).setFiles({ name, mimeType: XLSX, buffer: Buffer.from(bytes) });
}

const status = (page: Page) => page.locator('[data-testid="status-message"]').textContent();

describe('importing a workbook through the in-app dialogue', () => {
  it('asks for the year when the workbook names none; the document gets it and the workbook’s unit, not the sample’s', async () => {
    const bytes = await workbookBytes([expenditureTable2024(BODY, { compiler: '无年度测试局' })]);
    const page = await openApp(h);
    await expect(page.title()).resolves.toContain('若羌县医疗保障局');

    await importFile(page, '支出表.xlsx', bytes);
    await page.waitForSelector('[data-testid="year-dialog"]', { timeout: 30_000 });
    await expect(page.locator('[data-testid="year-dialog"]').textContent()).resolves.toContain('工作簿中没有找到预算年度，请输入：');
    await page.click('[data-testid="year-dialog"] button:has-text("取消")');
    await page.waitForSelector('[data-testid="status-message"]:has-text("已取消导入")');
    await expect(page.title()).resolves.toContain('若羌县医疗保障局');

    await importFile(page, '支出表.xlsx', bytes);
    await page.fill('[data-testid="year-dialog"] input[name="year"]', '1999');
    await page.click('[data-testid="year-dialog"] button.is-primary');
    await expect(page.locator('[data-testid="year-dialog"] .bd-form-error').textContent()).resolves.toContain('2000 至 2100');
    await page.fill('[data-testid="year-dialog"] input[name="year"]', '2023');
    await screenshot(page, 'import-year');
    await page.press('[data-testid="year-dialog"] input[name="year"]', 'Enter');
    await page.waitForSelector('[data-testid="report-dialog"]', { timeout: 30_000 });
    await page.click('[data-testid="report-dialog"] button.is-primary');
    const title = await page.title();
    expect(title).toContain('无年度测试局 2023年');
    expect(title).not.toContain('若羌县');
    await page.close();
  });

  it('asks where an unknown column belongs, imports its figures there, and remembers the answer', async () => {
    const table = expenditureTable2024(BODY, { sheet: '2024年' });
    table.header = table.header.map((row) => row.map((c) => (c === '基本支出' ? '人员及公用经费' : c)));
    const bytes = await workbookBytes([table]);
    const page = await openApp(h);

    await importFile(page, '2024年支出表.xlsx', bytes);
    await page.waitForSelector('[data-testid="mapping-dialog"]', { timeout: 30_000 });
    const rows = page.locator('[data-testid="mapping-dialog"] [data-testid="mapping-row"]');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('人员及公用经费');
    await expect(rows.first().textContent()).resolves.toContain('59.57');
    await rows.first().locator('select').selectOption('basic');
    await screenshot(page, 'import-mapping');
    await page.click('[data-testid="mapping-dialog"] button:has-text("按此导入")');
    await page.waitForSelector('[data-testid="report-dialog"]', { timeout: 30_000 });
    await page.click('[data-testid="report-dialog"] button.is-primary');
    await expect(status(page)).resolves.toContain('所选对应关系已记住');
    await openTable(page, 't3');
    await expectCellText(page, await rowIndexOf(page, '2080505'), 'basic', '59.57');

    // Again: the imported document is unsaved, so the page asks (in-app) before replacing it; no mapping question.
    await importFile(page, '2024年支出表.xlsx', bytes, async () => {
      await page.click('[data-testid="confirm-dialog"] button.is-primary');
    });
    const shown = await page.waitForSelector('[data-testid="report-dialog"], [data-testid="mapping-dialog"]', { timeout: 30_000 });
    await expect(shown.getAttribute('data-testid')).resolves.toBe('report-dialog');
    await page.click('[data-testid="report-dialog"] button.is-primary');
    await openTable(page, 't3');
    await expectCellText(page, await rowIndexOf(page, '2080505'), 'basic', '59.57');
    await page.close();
  });
});
