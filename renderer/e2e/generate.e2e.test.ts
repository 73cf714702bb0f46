import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../core/file';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { expectCellText, openApp, openTable, rowIndexOf, screenshot, useHarness } from './harness';

/** "生成…" never changes a figure silently: it lists the cells old → new and changes them only on 修改. */
const h = useHarness();

/** 生成 → the derivation, from the menu bar. */
const derive = async (page: Page, id: string) => {
  await page.click('[data-menu-id="generate"]');
  await page.click(`[data-action="derive:${id}"]`);
};
const waitStatus = (page: Page, text: string) => page.waitForSelector(`[data-testid="status-message"]:has-text("${text}")`);

describe('重新计算全部合计与小计', () => {
  it('lists the wrong 合计 old → new, changes nothing on 取消, changes it on 修改, and undo restores it', async () => {
    // The sample with 表3's printed 合计 one 万元 off the sum of its rows (as a retyped release may have it).
    const doc = createSampleDocument();
    const total = doc.tables.t3!.rows.find((r) => r.id === 'total')!;
    total.values.total = (total.values.total ?? 0) + 100;
    const page = await openApp(h);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-command="open"]')]);
    await chooser.setFiles({ name: '合计有误.ysgk', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(doc)) });
    await waitStatus(page, '已打开');
    await openTable(page, 't3');
    const r = await rowIndexOf(page, 'total');
    await expectCellText(page, r, 'total', '825.50');

    await derive(page, 'subtotals');
    await page.waitForSelector('[data-testid="changes-dialog"]');
    await expect(page.locator('[data-testid="changes-dialog"] .bd-dialog-hint').textContent()).resolves.toBe('将修改以下 1 项：');
    const line = await page.locator('[data-testid="change-list"] li').first().textContent();
    expect(line).toContain('表3');
    expect(line).toContain('合计');
    expect(line).toContain('825.50 → 824.50');
    await screenshot(page, 'generate-changes');
    await page.click('[data-testid="changes-dialog"] button:has-text("取消")');
    await waitStatus(page, '已取消');
    await expectCellText(page, r, 'total', '825.50');

    await derive(page, 'subtotals');
    await page.click('[data-testid="changes-dialog"] button:has-text("修改")');
    await waitStatus(page, '已修改 1 个单元格（可撤销）');
    await expectCellText(page, r, 'total', '824.50');
    await page.click('[data-command="undo"]');
    await expectCellText(page, r, 'total', '825.50');

    await page.click('[data-command="redo"]');
    await expectCellText(page, r, 'total', '824.50');
    await derive(page, 'subtotals');
    await waitStatus(page, '没有需要修改的单元格');
    await expect(page.locator('[data-testid="changes-dialog"]').count()).resolves.toBe(0);
    await page.close();
  });
});
