import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MENUS } from '../../core/actions/actions';
import { cell, expectCellText, focusCell, openApp, openTable, rowIndexOf, screenshot, useHarness, VIEWPORTS } from './harness';

/** The menu bar of the web page: every menu opens, runs its actions, and works from the keyboard. */
const h = useHarness();

const status = '[data-testid="status-message"]';
const waitStatus = (page: Page, text: string) => page.waitForSelector(`${status}:has-text("${text}")`);
const openMenu = (page: Page, menu: string) => page.click(`[data-menu-id="${menu}"]`);
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('menu bar', () => {
  for (const size of ['large', 'small'] as const) {
    it(`opens each of the eight menus at the ${size} size, items inside the window`, async () => {
      const viewport = VIEWPORTS[size];
      const page = await openApp(h, { viewport });
      await expect(page.locator('[role="menubar"] > [role="none"] > [role="menuitem"]').allTextContents()).resolves.toEqual(
        MENUS.map((m) => `${m.label}(${m.mnemonic})`),
      );
      for (const menu of MENUS) {
        await openMenu(page, menu.id);
        const list = page.locator(`[role="menu"][data-menu-list="${menu.id}"]`);
        await list.waitFor();
        expect(await list.locator('[role="menuitem"]').count(), menu.label).toBeGreaterThan(0);
        const box = (await list.boundingBox())!;
        expect(box.x + box.width, menu.label).toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height, menu.label).toBeLessThanOrEqual(viewport.height);
        await openMenu(page, menu.id);
        await list.waitFor({ state: 'detached' });
      }
      // The toolbar still fits in one row beside the menu bar.
      const header = (await page.locator('.bd-toolbar').boundingBox())!;
      expect(header.height).toBeLessThan(60);
      await expect(page.evaluate(() => document.querySelector('.bd-toolbar')!.scrollWidth <= document.querySelector('.bd-toolbar')!.clientWidth)).resolves.toBe(true);
      await openMenu(page, 'generate');
      await screenshot(page, `menus-${size}`);
      await page.context().close();
    });
  }

  it('works from the keyboard: Alt+F, arrows, Enter, Escape', async () => {
    const page = await openApp(h);
    await focusCell(page, 't3', '2101103', 'basic');
    await page.keyboard.press('Alt+f');
    await page.waitForSelector('[data-menu-list="file"]');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'new');
    await page.keyboard.press('ArrowDown');
    await expect(focusedText(page)).resolves.toContain('打开…');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    // Wraps to the last item.
    await expect(focusedText(page)).resolves.toContain('文档设置…');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-menu-list="edit"]');
    await expect(page.locator('[data-menu-list="file"]').count()).resolves.toBe(0);
    // Nothing to undo yet: 撤销 is shown disabled and skipped.
    await expect(page.locator('[data-action="undo"]').getAttribute('aria-disabled')).resolves.toBe('true');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'copy');
    await page.keyboard.press('Escape');
    await expect(page.locator('[role="menu"]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-menu-id'))).resolves.toBe('edit');
    // Enter on a menu opens it; Enter on an item runs it.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-menu-id'))).resolves.toBe('help');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'about');
    await page.keyboard.press('Enter');
    await waitStatus(page, '预算公开编制助手：');
    await expect(page.locator('[role="menu"]').count()).resolves.toBe(0);
    // A click outside closes an open menu.
    await openMenu(page, 'export');
    await page.click('.bd-status');
    await expect(page.locator('[role="menu"]').count()).resolves.toBe(0);
    await page.close();
  });

  it('导入 → 科目表 reads a code list', async () => {
    const page = await openApp(h);
    await openMenu(page, 'import');
    await expect(page.locator('[data-action="importCodes"]').textContent()).resolves.toContain('当年科目编码 CSV/Excel');
    await screenshot(page, 'menus-import');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-action="importCodes"]')]);
    await chooser.setFiles({ name: '2024功能分类.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name\n208,社会保障和就业支出\n20805,行政事业单位养老支出\n', 'utf8') });
    await waitStatus(page, '功能分类科目');
    await expect(page.locator(status).textContent()).resolves.toContain('已导入 2 个2024年功能分类科目');
    await page.close();
  });

  it('生成 lists the derivations and runs the chosen one', async () => {
    const page = await openApp(h);
    await openMenu(page, 'generate');
    const labels = await page.locator('[data-menu-list="generate"] [role="menuitem"]').allTextContents();
    expect(labels).toContain('生成收支总体情况表');
    expect(labels).toContain('重新计算全部合计与小计');
    await page.click('[data-action="derive:subtotals"]');
    // The sample's totals are right: nothing to change, and the status line says so.
    await waitStatus(page, '没有需要修改的单元格');
    await page.close();
  });

  it('导出 Excel with 错误 asks in the page; 取消 says 已取消导出 and nothing is downloaded', async () => {
    const page = await openApp(h);
    const r = await focusCell(page, 't3', '2101103', 'basic');
    await page.keyboard.type('3.33');
    await page.keyboard.press('Enter');
    await expectCellText(page, r, 'basic', '3.33');
    let downloads = 0;
    page.on('download', () => downloads++);
    await openMenu(page, 'export');
    await page.click('[data-action="exportExcel"]');
    const question = page.locator('[data-testid="confirm-dialog"]');
    await question.waitFor();
    // One typo is one problem, however many 错误 it causes (as the findings panel groups them).
    await expect(question.textContent()).resolves.toMatch(/文档还有 1 处问题（\d+ 个错误），仍要导出吗/);
    await screenshot(page, 'menus-export-question');
    await question.locator('button:has-text("取消")').click();
    await waitStatus(page, '已取消导出');
    await expect(question.count()).resolves.toBe(0);
    expect(downloads).toBe(0);
    await page.close();
  });

  it('审核 → 下一个错误 goes to each 错误 in turn', async () => {
    const page = await openApp(h);
    await openMenu(page, 'review');
    await expect(page.locator('[data-action="nextError"]').getAttribute('aria-disabled')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    const r = await focusCell(page, 't3', '2101101', 'basic');
    await page.keyboard.type('17.55');
    await page.keyboard.press('Enter');
    await expectCellText(page, r, 'basic', '17.55');
    await page.waitForSelector('.bd-finding-error');
    await openTable(page, 't5');
    await openMenu(page, 'review');
    await page.click('[data-action="nextError"]');
    await waitStatus(page, '错误 1/');
    await page.keyboard.press('F8');
    await page.waitForFunction(() => /错误 (1|2)\//.test(document.querySelector('[data-testid="status-message"]')?.textContent ?? ''));
    await page.close();
  });

  it('a refused amount’s message goes once a later edit is accepted', async () => {
    const page = await openApp(h);
    await openTable(page, 't3');
    const r = await rowIndexOf(page, '2101102');
    await page.click(cell(r, 'basic'));
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.bd-status-msg.is-error');
    await expect(page.locator(status).textContent()).resolves.toContain('不是有效金额');
    await page.click(cell(r, 'basic'));
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expectCellText(page, r, 'basic', '5.00');
    await page.waitForSelector('.bd-status-msg.is-error', { state: 'detached' });
    await expect(page.locator(status).textContent()).resolves.not.toContain('不是有效金额');
    await page.close();
  });
});
