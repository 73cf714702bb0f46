import { describe, expect, it } from 'vitest';
import { cell, expectCellText, openApp, openTable, rowIndexOf, screenshot, useHarness, focusCell } from './harness';

const h = useHarness();

const finding = '.bd-finding[data-rule="x-t1-t3-class"]';

describe('cross-table findings while typing', () => {
  it('shows 表1/表3 disagreement after an edit in 表3, focuses the cell on click, and fix/undo clear it', async () => {
    const page = await openApp(h);
    await expect(page.locator('.bd-finding-error').count()).resolves.toBe(0);
    const r = await focusCell(page, 't3', '2101101', 'basic');
    await page.keyboard.type('17.55');
    await page.keyboard.press('Enter');
    await expectCellText(page, r, 'basic', '17.55');
    // The 类 subtotal and 合计 follow instantly (computed by core), and the finding names both figures.
    const r210 = await rowIndexOf(page, '210');
    await expectCellText(page, r210, 'total', '744.69');
    // The typo explains the 表1 disagreement and the others: one group, led by it, the rest folded underneath.
    await page.waitForSelector(`${finding}.bd-finding-group`);
    await page.click('.bd-finding-group .bd-group-toggle');
    await page.waitForSelector('.bd-finding-member');
    const text = await page.locator(finding).textContent();
    expect(text).toContain('734.69');
    expect(text).toContain('744.69');
    // A group counts once, at the table of its cause.
    await expect(page.locator('[data-outline-id="table:t3"] .bd-badge-error').textContent()).resolves.not.toBe('');
    await screenshot(page, 'findings-after-edit');

    // Clicking the group goes to its cause, the edited cell; 表1 shows its side of the disagreement outlined.
    await page.click(`${finding} .bd-finding-main`);
    await page.waitForSelector('.ag-cell-focus[col-id="basic"]');
    await expect(page.locator('.ag-row:has(.ag-cell-focus)').first().textContent()).resolves.toContain('2101101');
    await page.click('[data-outline-id="table:t1"]');
    await page.waitForSelector('[data-outline-id="table:t1"].is-selected');
    await page.waitForFunction(() => {
      const label = [...document.querySelectorAll('.ag-cell[col-id="outLabel"]')].find((c) => c.textContent?.startsWith('210'));
      return label?.closest('.ag-row')?.querySelector('.ag-cell[col-id="outAmount"]')?.classList.contains('bd-cell-error') ?? false;
    });
    await screenshot(page, 'findings-focused');

    // 修正 first says which cell it writes and the value (表1 210 → 744.69) and what that leaves, then applies it: the
    // finding disappears, the view is on the changed cell, the status bar says what changed; undo brings it back.
    await page.click(`${finding} .bd-fix`);
    await page.waitForSelector('[data-testid="fix-dialog"]');
    const offered = await page.locator('[data-testid="fix-options"] label').allTextContents();
    // Other tables still disagree with the typo in 表3 (they are listed, not hidden): the option says so.
    expect(offered[0]).toMatch(/^将 表1 210 预算数 由 734\.69 改为 744\.69（之后仍有错误 \d+ 条）/);
    await screenshot(page, 'fix-dialog');
    await page.click('[data-testid="fix-dialog"] button:has-text("修改")');
    await page.waitForSelector(finding, { state: 'detached' });
    await page.waitForSelector('.ag-cell-focus[col-id="outAmount"]:text-is("744.69")');
    await expect(page.locator('[data-testid="status-message"]').textContent()).resolves.toMatch(/^已修改：表1 .*改为 744\.69（可撤销）/);
    await page.keyboard.press('Control+z');
    await page.waitForSelector(finding);
    // Undo the edit itself: the document is consistent again.
    await page.keyboard.press('Control+z');
    await page.waitForSelector(finding, { state: 'detached' });
    await expect(page.locator('.bd-finding-error').count()).resolves.toBe(0);
    await page.close();
  });

  it('refuses letters in an amount with a Chinese message and keeps the old value', async () => {
    const page = await openApp(h);
    await openTable(page, 't3');
    const r = await rowIndexOf(page, '2101102');
    const before = await page.locator(cell(r, 'basic')).textContent();
    await page.click(cell(r, 'basic'));
    await page.keyboard.type('12ab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.bd-status-msg.is-error');
    await expect(page.locator('[data-testid="status-message"]').textContent()).resolves.toContain('不是有效金额');
    await expectCellText(page, r, 'basic', before ?? '');
    await screenshot(page, 'invalid-amount');
    // Computed cells (合计 column, 类 rows) cannot be edited.
    await page.dblclick(cell(r, 'total'));
    await expect(page.locator('.ag-cell-inline-editing').count()).resolves.toBe(0);
    await page.close();
  });

  it('"从来源表生成" fills 表1 from 表3 in one undoable step and the cross-table finding goes', async () => {
    const page = await openApp(h);
    await focusCell(page, 't3', '2101101', 'basic');
    await page.keyboard.type('17.55');
    await page.keyboard.press('Enter');
    await page.waitForSelector(finding);
    await openTable(page, 't1');
    await page.click('[data-derive="overview"]');
    // The fill lists what it would change and waits for 修改.
    await page.click('[data-testid="changes-dialog"] button:has-text("修改")');
    await page.waitForSelector(finding, { state: 'detached' });
    await page.waitForSelector('.bd-grid .ag-cell[col-id="outAmount"]:text-is("744.69")');
    await screenshot(page, 'derive-overview');
    await page.keyboard.press('Control+z');
    await page.waitForSelector(finding);
    await page.close();
  });

  it("修正 on the sample's 提示 (表6 30110 vs 表5) offers both sides and really changes the figure", async () => {
    const page = await openApp(h);
    const hint = '.bd-finding[data-finding-id*="30110"]';
    await page.waitForSelector(hint);
    await page.click(`${hint} .bd-fix`);
    await page.waitForSelector('[data-testid="fix-dialog"]');
    const offered = await page.locator('[data-testid="fix-options"] label').allTextContents();
    expect(offered.length).toBe(3);
    expect(offered[0]).toContain('将 表6 30110 职工基本医疗保险缴费 人员经费 由 17.68 改为 17.65');
    expect(offered.some((o) => o.includes('表5 2101101'))).toBe(true);
    await page.click('[data-fix-index="1"] input');
    await page.click('[data-testid="fix-dialog"] button:has-text("修改")');
    await page.waitForSelector(hint, { state: 'detached' });
    await page.waitForSelector('[data-outline-id="table:t5"].is-selected');
    await page.waitForSelector('[data-command="undo"]:not([disabled])');
    await page.close();
  });
});
