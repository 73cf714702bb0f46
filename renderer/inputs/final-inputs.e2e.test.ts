import { describe, expect, it } from 'vitest';
import { openApp, screenshot, useHarness } from '../e2e/harness';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { createFinalSampleDocument } from '../../core/sample/final-sample';
import { serializeDocumentBytes } from '../../core/file/serialize';

const h = useHarness();

describe('决算 文字 sections in the app', () => {
  it('从预算文件导入 lists the 年初预算数 old → new, writes them on 修改, and 撤销 restores them', async () => {
    const page = await openApp(h);
    const [open] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-command="open"]')]);
    await open.setFiles({ name: '2024年部门决算.ysgk', mimeType: 'application/json', buffer: Buffer.from(serializeDocumentBytes(createFinalSampleDocument())) });
    await page.waitForSelector('[data-testid="status-message"]:has-text("已打开")');
    await page.click('[data-outline-id="s5-4"]');
    const para = '.bd-inputs-preview [data-paragraph="s5-4.2080505"] p';
    await page.waitForSelector(para);
    expect(await page.textContent(para)).toContain('完成预算100.00%');

    const budget = createSampleDocument();
    budget.meta.year = 2024;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('.bd-in-carry button')]);
    await chooser.setFiles({ name: '2024年部门预算.ysgk', mimeType: 'application/json', buffer: Buffer.from(serializeDocumentBytes(budget)) });
    await page.waitForSelector('[data-testid="changes-dialog"]');
    expect(await page.textContent('[data-testid="change-list"]')).toContain('年初预算数“2080505 机关事业单位基本养老保险缴费支出”：24.00 → 39.14');
    await screenshot(page, 'final-budget-import');
    // Nothing is written until the officer agrees.
    expect(await page.textContent(para)).toContain('完成预算100.00%');
    await page.click('[data-testid="changes-dialog"] button.is-primary');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('完成预算61.32%'), para, { timeout: 10_000 });
    expect(await page.textContent('.bd-in-carry')).toContain('已从“2024年部门预算.ysgk”导入年初预算数');
    await page.click('.bd-toolbar button:has-text("撤销")');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('完成预算100.00%'), para, { timeout: 5000 });
    await page.close();
  });

  it('the “三公” 具体情况 form takes a count and the text states it', async () => {
    const page = await openApp(h);
    const [open] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-command="open"]')]);
    await open.setFiles({ name: '2024年部门决算.ysgk', mimeType: 'application/json', buffer: Buffer.from(serializeDocumentBytes(createFinalSampleDocument())) });
    await page.waitForSelector('[data-testid="status-message"]:has-text("已打开")');
    await page.click('[data-outline-id="s7-2"]');
    const para = '.bd-inputs-preview [data-paragraph="s7-2.reception"] p';
    await page.waitForSelector(para);
    const batches = page.locator('.bd-inputs-form tbody tr', { hasText: '国内公务接待批次' }).locator('input');
    await batches.fill('15');
    await batches.press('Tab');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('国内公务接待15批次'), para, { timeout: 5000 });
    await screenshot(page, 'final-sangong-counts');
    await page.close();
  });
});
