import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, startHarness, type Harness } from '../e2e/harness';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { serializeDocumentBytes } from '../../core/file/serialize';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('文字 sections in the app', () => {
  it('edits a reason and the preview regenerates the sentence; undo restores it', async () => {
    const page = await openApp(h);
    await page.click('[data-outline-id="s5-3"]');
    await page.waitForSelector('.bd-inputs[data-section="s5-3"]');
    const para = '.bd-inputs-preview [data-paragraph="s5-3.2080505"] p';
    expect(await page.textContent(para)).toContain('主要原因是：社会保险缴纳金额增长。');
    await screenshot(page, 'inputs-items');

    const reason = page.locator('.bd-inputs-form tbody tr', { hasText: '2080505' }).locator('input.bd-in-text');
    expect(await reason.count()).toBe(1);
    await reason.fill('缴费基数调整');
    await reason.press('Enter');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('缴费基数调整'), para, { timeout: 5000 });
    // Ctrl+Z inside a text box is the box's own undo; the toolbar's 撤销 undoes the command.
    await page.click('.bd-toolbar button:has-text("撤销")');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('社会保险缴纳金额增长'), para);

    // A negative 上年预算数 is refused in the box, and the sentence keeps last year's figure.
    const priorBox = page.locator('.bd-inputs-form tbody tr', { hasText: '2080505' }).locator('input.bd-in-amount');
    await priorBox.fill('-5');
    await priorBox.press('Enter');
    await page.waitForSelector('.bd-inputs-form .bd-in-error:has-text("上年预算数不能为负数")');
    expect(await page.textContent(para)).toContain('比上年预算增加6.34万元，增长19.33%');
    await page.close();
  });

  it('shows the 项目 and 绩效 forms beside their preview', async () => {
    const page = await openApp(h);
    await page.click('[data-outline-id="s7"]');
    await page.waitForSelector('.bd-inputs[data-section="s7"] fieldset');
    expect(await page.textContent('.bd-inputs-preview')).toContain('预算安排规模：383.7万元');
    await screenshot(page, 'inputs-projects');
    await page.click('[data-outline-id="s12-4"]');
    await page.waitForSelector('.bd-inputs[data-section="s12-4"] .bd-pv-grid');
    await screenshot(page, 'inputs-performance');
    await page.close();
  });

  it('从上年文件导入 takes last year’s figures as 上年预算数', async () => {
    const page = await openApp(h);
    await page.click('[data-outline-id="s5-3"]');
    await page.waitForSelector('.bd-inputs[data-section="s5-3"]');
    const last = createSampleDocument();
    last.meta.year = 2023;
    const chooser = page.waitForEvent('filechooser');
    await page.click('.bd-in-carry button');
    await (await chooser).setFiles({ name: '2023年部门预算.ysgk', mimeType: 'application/json', buffer: Buffer.from(serializeDocumentBytes(last)) });
    const para = '.bd-inputs-preview [data-paragraph="s5-3.2080505"] p';
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('与上年持平'), para, { timeout: 10_000 });
    expect(await page.textContent('.bd-in-carry')).toContain('已从“2023年部门预算.ysgk”导入上年预算数');
    await page.close();
  });
});
