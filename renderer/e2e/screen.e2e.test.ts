import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectCellText, focusCell, openApp, openTable, screenshot, useHarness, VIEWPORTS } from './harness';

const h = useHarness();

/** Data rows of the open grid wholly inside its body (under the header, above the grid's bottom edge). */
async function visibleGridRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const grid = document.querySelector('.bd-grid')!.getBoundingClientRect();
    const header = document.querySelector('.bd-grid .ag-header')!.getBoundingClientRect();
    const seen = new Set<string>();
    for (const row of document.querySelectorAll('.bd-grid .ag-row[row-index]')) {
      const r = row.getBoundingClientRect();
      if (r.height > 0 && r.top >= header.bottom - 1 && r.bottom <= grid.bottom + 1) seen.add(row.getAttribute('row-index')!);
    }
    return seen.size;
  });
}

const heightOf = (page: Page, selector: string) => page.locator(selector).evaluate((e) => Math.round(e.getBoundingClientRect().height));

describe('screen space', () => {
  it('at 1280×720 the grid shows 20 rows or more; the toolbar and the table head are one line each', async () => {
    const page = await openApp(h, { viewport: VIEWPORTS.small });
    await openTable(page, 't3');
    await page.waitForSelector('[data-testid="findings-list"]');
    // 24 px rows; the toolbar, the one-line table head and the findings panel sized to its content leave the grid
    // the rest of the window (it showed 10 rows of 表3 before).
    // The grid fits its columns once its rows are in: poll until it has settled.
    await expect.poll(() => visibleGridRows(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
    await screenshot(page, 'screen-small');
    expect(await heightOf(page, '.bd-toolbar')).toBeLessThanOrEqual(36);
    // One line: the number, the title and the 编制部门 line share a row.
    const [no, title, compiler] = await Promise.all(['.bd-table-no', '.bd-table-title', '[data-testid="compiler-line"]'].map((s) =>
      page.locator(s).evaluate((e) => Math.round(e.getBoundingClientRect().top / 10))));
    expect(new Set([no, title, compiler]).size).toBe(1);
    await page.close();
  });

  it('at 1600×1000 the same layout, with room to spare', async () => {
    const page = await openApp(h, { viewport: VIEWPORTS.large });
    await openTable(page, 't3');
    // The sample's 表3 (22 rows) is wholly in view, and the grid's body has room for more rows of 24 px.
    await expect.poll(() => visibleGridRows(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(22);
    const body = await page.evaluate(() =>
      document.querySelector('.bd-grid')!.getBoundingClientRect().bottom - document.querySelector('.bd-grid .ag-header')!.getBoundingClientRect().bottom);
    expect(body).toBeGreaterThanOrEqual(26 * 26);
    await screenshot(page, 'screen-large');
    await page.close();
  });

  it('outline: short section labels with the full title as tooltip; resizable and collapsible, both remembered', async () => {
    const page = await openApp(h, { viewport: VIEWPORTS.small });
    const s1 = page.locator('[data-outline-id="s1"]');
    await expect(s1.locator('.bd-outline-title').textContent()).resolves.toBe('一、收支总体情况');
    await expect(s1.getAttribute('title')).resolves.toMatch(/^一、关于.+年收支预算情况的总体说明$/);
    await expect(page.locator('[data-outline-id="s6"] .bd-outline-title').textContent()).resolves.toBe('六、一般公共预算基本支出情况');
    // No section label is cut at the default width.
    const cut = await page.$$eval('.bd-outline-section .bd-outline-title', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);

    const outline = page.locator('[data-testid="outline"]');
    const before = await outline.evaluate((e) => e.getBoundingClientRect().width);
    const handle = await page.locator('[data-testid="outline-resize"]').boundingBox();
    await page.mouse.move(handle!.x + 2, handle!.y + 200);
    await page.mouse.down();
    await page.mouse.move(handle!.x + 82, handle!.y + 200, { steps: 4 });
    await page.mouse.up();
    const wider = await outline.evaluate((e) => e.getBoundingClientRect().width);
    expect(wider).toBeGreaterThan(before + 60);
    await page.click('.bd-outline-fold[title="收起目录"]');
    expect(await outline.evaluate((e) => e.getBoundingClientRect().width)).toBeLessThan(40);
    await page.reload();
    await page.waitForSelector('.ag-row[row-index="0"] .ag-cell');
    expect(await outline.evaluate((e) => e.getBoundingClientRect().width)).toBeLessThan(40);
    await page.click('.bd-outline-fold[title="展开目录"]');
    expect(Math.abs((await outline.evaluate((e) => e.getBoundingClientRect().width)) - wider)).toBeLessThan(2);
    await page.close();
  });

  it('findings panel: one line when there is nothing to show, as tall as its lines, and a dragged height survives a reload', async () => {
    const page = await openApp(h, { viewport: VIEWPORTS.small });
    const panel = '[data-testid="findings-panel"]';
    await page.waitForSelector('[data-testid="findings-list"]');
    // The sample keeps 提示 only: with the 错误 filter nothing is listed and the panel is its head line.
    await page.click(`${panel} .bd-segmented button:has-text("错误")`);
    await page.waitForSelector(`${panel}.is-empty`);
    expect(await heightOf(page, panel)).toBeLessThanOrEqual(32);
    await page.click(`${panel} .bd-segmented button:has-text("全部")`);
    const lines = await page.locator('.bd-finding').count();
    const tall = await heightOf(page, panel);
    expect(tall).toBeLessThanOrEqual(32 + lines * 27 + 2);

    // Drag the top edge down to a single line of findings; the height is kept after a reload.
    const edge = await page.locator(`${panel} .bd-splitter`).boundingBox();
    await page.mouse.move(edge!.x + 300, edge!.y + 3);
    await page.mouse.down();
    await page.mouse.move(edge!.x + 300, edge!.y + 3 + (tall - 56), { steps: 4 });
    await page.mouse.up();
    const dragged = await heightOf(page, panel);
    expect(dragged).toBeLessThan(tall);
    await page.reload();
    await page.waitForSelector('[data-testid="findings-list"]');
    expect(await heightOf(page, panel)).toBe(dragged);
    await page.close();
  });

  it('one typo in 表5 gives one group whose cause is that cell; the status bar counts problems', async () => {
    const page = await openApp(h, { viewport: VIEWPORTS.small });
    await page.waitForSelector('[data-testid="findings-panel"][data-grouped]');
    const r = await focusCell(page, 't5', '2101101', 'basic');
    await page.keyboard.type('99.99');
    await page.keyboard.press('Enter');
    await expectCellText(page, r, 'basic', '99.99');
    await page.waitForSelector('.bd-finding-group.bd-finding-error');
    const groups = page.locator('.bd-finding-group');
    await expect(groups.count()).resolves.toBe(1);
    // Every 错误 of the typo is in that group: no other 错误 entry stands beside it.
    await expect(page.locator('.bd-finding-error:not(.bd-finding-member)').count()).resolves.toBe(1);
    const size = Number(await groups.getAttribute('data-group-size'));
    expect(size).toBeGreaterThan(1);
    await expect(groups.locator('.bd-finding-more').textContent()).resolves.toBe(`另有 ${size - 1} 处由此引起`);
    // The group may hold 提示 too (表6 30110 against the same cell); the status bar counts its 错误.
    const status = (await page.locator('[data-testid="status-errors"]').textContent()) ?? '';
    const errorsInGroup = Number(/^1 处问题（(\d+) 个错误）待处理$/.exec(status)?.[1]);
    expect(errorsInGroup).toBeGreaterThan(1);
    expect(errorsInGroup).toBeLessThanOrEqual(size);
    await expect(page.locator('[data-outline-id="table:t5"] .bd-badge-error').textContent()).resolves.toBe('1');
    await groups.locator('.bd-group-toggle').click();
    await expect(page.locator('.bd-finding-member').count()).resolves.toBe(size - 1);
    await screenshot(page, 'findings-group');
    // Going to the group from another table opens the cause cell.
    await openTable(page, 't3');
    await groups.locator('.bd-finding-main').click();
    await page.waitForSelector('[data-outline-id="table:t5"].is-selected');
    await page.waitForSelector('.ag-cell-focus[col-id="basic"]:text-is("99.99")');
    await page.close();
  });

  it('绩效 form at 1280×720: fixed column widths, long text wraps, buttons on one line', async () => {
    const page = await openApp(h, { viewport: VIEWPORTS.small });
    await page.click('[data-outline-id="s12-4"]');
    await page.waitForSelector('.bd-inputs[data-section="s12-4"] .bd-in-ind');
    const table = page.locator('.bd-in-ind').first();
    const widths = () => table.locator('thead th').evaluateAll((ths) => ths.map((t) => Math.round(t.getBoundingClientRect().width)));
    const first = await widths();
    // Every 删除 / 添加指标 button is one line high.
    const buttons = await page.$$eval('.bd-in-table button', (bs) => bs.map((b) => Math.round(b.getBoundingClientRect().height)));
    expect(buttons.length).toBeGreaterThan(0);
    expect(Math.max(...buttons)).toBeLessThanOrEqual(26);
    // 指标值 and 设定依据 are wide enough for a phrase (at least 6 characters of 13 px).
    const labels = await table.locator('thead th').allTextContents();
    for (const name of ['指标值', '设定依据']) expect(first[labels.indexOf(name)]).toBeGreaterThanOrEqual(78);
    // A long 设定依据 wraps inside its column; no column changes width.
    const basis = table.locator('tbody tr').first().locator('td').nth(labels.indexOf('设定依据')).locator('textarea');
    const oneLine = await basis.evaluate((e) => e.getBoundingClientRect().height);
    await basis.fill('依据《中华人民共和国预算法》及本部门年度工作计划和往年完成情况综合测算确定');
    expect(await basis.evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(oneLine + 10);
    expect(await widths()).toEqual(first);
    await screenshot(page, 'performance-form-small');
    await page.close();
  });

  it('项目 form at 1280×720: a long 政策依据 wraps and shows all of its text', async () => {
    const page = await openApp(h, { viewport: VIEWPORTS.small });
    await page.click('[data-outline-id="s7"]');
    await page.waitForSelector('.bd-inputs[data-section="s7"] fieldset');
    const boxes = page.locator('.bd-inputs[data-section="s7"] fieldset').first().locator('textarea.bd-in-wrap');
    expect(await boxes.count()).toBeGreaterThan(0);
    const hidden = await boxes.evaluateAll((els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).length);
    expect(hidden).toBe(0);
    await screenshot(page, 'projects-form-small');
    await page.close();
  });
});
