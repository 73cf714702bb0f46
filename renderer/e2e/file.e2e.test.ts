import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectCellText, openApp, openTable, rowIndexOf, screenshot, useHarness, focusCell } from './harness';

const h = useHarness();

/** 保存 in the web host is a download: returns the saved bytes and the file name. */
async function saveThroughToolbar(page: Page, command: 'save' | 'saveAs' = 'save'): Promise<{ name: string; path: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-command="${command}"]`)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

async function openThroughToolbar(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-command="open"]')]);
  await chooser.setFiles(path);
}

describe('files through the web host', () => {
  it('saves, reopens and saves again to an identical document', async () => {
    const page = await openApp(h);
    // Change a figure, a project name (Chinese) and the 编制部门 line, so the round trip carries real edits.
    await focusCell(page, 't3', '2101103', 'basic');
    await page.keyboard.type('4.2');
    await page.keyboard.press('Enter');
    await page.click('[data-command="settings"]');
    await page.fill('[data-testid="settings-dialog"] input[name="compiler"]', '若羌县医保局');
    await page.click('[data-testid="settings-dialog"] button.is-primary');
    await page.waitForSelector('[data-testid="compiler-line"]:has-text("若羌县医保局")');
    await screenshot(page, 'file-before-save');

    const first = await saveThroughToolbar(page);
    expect(first.name).toMatch(/\.ysgk$/);
    const saved = JSON.parse(first.text);
    expect(saved.format).toBe('budget-disclosure');
    expect(saved.meta.compiler).toBe('若羌县医保局');
    await expect(page.locator('.bd-file-name').textContent()).resolves.not.toContain('●');

    // Reopen in a fresh page (fresh state), then save again: byte-identical.
    const page2 = await openApp(h);
    await openThroughToolbar(page2, first.path);
    await page2.waitForSelector(`[data-testid="status-message"]:has-text("已打开")`);
    await openTable(page2, 't3');
    await expectCellText(page2, await rowIndexOf(page2, '2101103'), 'basic', '4.20');
    await page2.waitForSelector('[data-testid="compiler-line"]:has-text("若羌县医保局")');
    const second = await saveThroughToolbar(page2);
    expect(second.text).toBe(first.text);
    await screenshot(page2, 'file-reopened');
    await page.close();
    await page2.close();
  });

  it('refuses a damaged file with a Chinese message and keeps the open document', async () => {
    const page = await openApp(h);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-command="open"]')]);
    await chooser.setFiles({ name: '损坏.ysgk', mimeType: 'application/json', buffer: Buffer.from('{"format":"budget-disclosure","version":1,"meta":{}}') });
    await page.waitForSelector('.bd-status-msg.is-error');
    await expect(page.locator('[data-testid="status-message"]').textContent()).resolves.toContain('无法打开');
    await expect(page.locator('.bd-outline-item').count()).resolves.toBeGreaterThan(10);
    await page.close();
  });

  it('autosaves a recovery copy on blur and offers it at the next start', async () => {
    const page = await openApp(h);
    const r = await focusCell(page, 't3', '2101103', 'basic');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await expectCellText(page, r, 'basic', '8.00');
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await page.waitForFunction(() => localStorage.getItem('budget-disclosure.recovery') !== null);
    // Next start: the page asks whether to recover; 恢复 brings the edit back.
    await page.reload();
    await page.click('[data-testid="confirm-dialog"] button:has-text("恢复")');
    await page.waitForSelector('[data-testid="status-message"]:has-text("已恢复")');
    await openTable(page, 't3');
    await expectCellText(page, await rowIndexOf(page, '2101103'), 'basic', '8.00');
    await expect(page.locator('.bd-file-name').textContent()).resolves.toContain('●');
    await page.close();
  });

  it('Ctrl+S during an edit saves the value being typed', async () => {
    const page = await openApp(h);
    const r = await focusCell(page, 't3', '2101103', 'basic');
    await page.keyboard.type('6.66');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    const row = saved.tables.t3.rows.find((x: { id: string }) => x.id === '2101103');
    expect(row.values.basic).toBe(666);
    await expectCellText(page, r, 'basic', '6.66');
    await page.close();
  });
});
