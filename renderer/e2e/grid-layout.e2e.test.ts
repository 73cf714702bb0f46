import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, expectCellText, focusCell, openApp, openTable, rowIndexOf, screenshot, useHarness, VIEWPORTS } from './harness';

const h = useHarness();

/** Horizontal overflow of the grid body, and amount or code cells whose text does not fit (clipped figures). */
async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; clipped: string[] }> {
  return page.evaluate(() => {
    const vp = document.querySelector('.bd-grid .ag-body-horizontal-scroll-viewport')!;
    const clipped = [...document.querySelectorAll<HTMLElement>('.bd-grid .ag-cell.bd-amount, .bd-grid .ag-cell.bd-code')]
      .filter((c) => c.scrollWidth > c.clientWidth)
      .map((c) => `${c.closest('.ag-row')?.getAttribute('row-id')}/${c.getAttribute('col-id')} ${c.textContent}`);
    return { scrollWidth: vp.scrollWidth, clientWidth: vp.clientWidth, clipped };
  });
}

async function statusText(page: Page, containing: string): Promise<string> {
  const el = page.locator('[data-testid="status-message"]');
  await page.waitForFunction((t) => document.querySelector('[data-testid="status-message"]')?.textContent?.includes(t), containing, { timeout: 5000 }).catch(() => undefined);
  return (await el.textContent()) ?? '';
}

/** What Ctrl+V delivers: a paste event carrying the clipboard's text, dispatched where focus is. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

describe('columns fit their content', () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`表2 needs no horizontal scrolling at ${viewport.width}×${viewport.height}, and no figure is cut`, async () => {
      const page = await openApp(h, { viewport });
      await openTable(page, 't2');
      await page.waitForTimeout(300); // header heights settle a frame after the rows
      const o = await overflow(page);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
      expect(o.clipped).toEqual([]);
      await screenshot(page, `table2-${name}`);
      // Every other table of the sample fits too.
      for (const id of ['t1', 't3', 't4', 't5', 't6', 't7', 't10', 't11']) {
        await openTable(page, id);
        const t = await overflow(page);
        expect(t.scrollWidth, id).toBeLessThanOrEqual(t.clientWidth);
        expect(t.clipped, id).toEqual([]);
      }
      await page.close();
    });
  }
});

describe('computed cells explain themselves', () => {
  it('typing into a subtotal says why in the status bar and beside the cell, and keeps the value', async () => {
    const page = await openApp(h, { viewport: VIEWPORTS.small });
    const r = await focusCell(page, 't3', '20805', 'basic');
    await page.keyboard.type('5');
    expect(await statusText(page, '此格自动计算')).toBe('此格自动计算（= 下级科目之和），请修改下级科目');
    await expectCellText(page, r, 'basic', '59.57');
    await page.waitForSelector('.bd-grid-tooltip:not([hidden])');
    expect(await page.locator('.bd-grid-tooltip').textContent()).toContain('= 下级科目之和');
    expect(await page.locator(cell(r, 'basic')).getAttribute('class')).toContain('bd-computed');
    await screenshot(page, 'computed-explain');
    // Enter still moves on, and the next key in an input cell edits as before.
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('a double-click on a column formula names its terms', async () => {
    const page = await openApp(h);
    await openTable(page, 't3');
    const r = await rowIndexOf(page, '2080501');
    await page.dblclick(cell(r, 'total'));
    expect(await statusText(page, '此格自动计算')).toBe('此格自动计算（= 基本支出 + 项目支出），请修改基本支出或项目支出');
    expect(await page.locator('.bd-grid .ag-cell-inline-editing').count()).toBe(0);
    await page.close();
  });

  it('a paste over a computed cell pastes the inputs and says how many were skipped', async () => {
    const page = await openApp(h);
    const r = await focusCell(page, 't3', '2080501', 'total');
    await paste(page, '1\t2\t3\r\n');
    await expectCellText(page, r, 'basic', '2.00');
    await expectCellText(page, r, 'project', '3.00');
    await expectCellText(page, r, 'total', '5.00');
    expect(await statusText(page, '跳过')).toBe('已粘贴 2 个单元格，跳过 1 个自动计算的单元格（= 基本支出 + 项目支出，请修改基本支出或项目支出）');
    await page.close();
  });
});
