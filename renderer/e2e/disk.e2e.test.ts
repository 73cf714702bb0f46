import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../core/file';
import type { DiskConflict, HistoryEntry, LockHolder } from '../../core/ipc/contract';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { expectCellText, focusCell, screenshot, useHarness } from './harness';
import type { TestDisk } from '../host/web-host';

/**
 * The disk as the officer meets it, through the web host and its test disk (window.__bdTestDisk): 保存 of a file
 * that changed on disk asks 覆盖/另存为/打开磁盘上的版本; 历史版本… lists saved versions and opens one as an unsaved
 * copy; a document held elsewhere is read-only; a damaged recovery copy does not stop the start.
 */
const h = useHarness();

const FILE = '预算.ysgk';
const sampleText = (unitName?: string) => {
  const doc = createSampleDocument();
  if (unitName) doc.meta.unitName = unitName;
  return serializeDocument(doc);
};

type StagedDisk = Omit<TestDisk, 'menu'>;

/** A fresh page whose web host sees the staged disk (and, optionally, a recovery copy left in localStorage). */
async function openWithDisk(disk: StagedDisk, recovery?: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  page.on('dialog', (d) => void d.accept());
  await page.addInitScript(([staged, rec]) => {
    (window as unknown as { __bdTestDisk: unknown }).__bdTestDisk = staged;
    if (rec !== null) localStorage.setItem('budget-disclosure.recovery', rec);
  }, [disk, recovery ?? null] as const);
  await page.goto(h.url);
  // A recovery copy is offered first, in the page's own dialog: 恢复.
  if (recovery !== undefined) await page.click('[data-testid="confirm-dialog"] button:has-text("恢复")');
  await page.waitForSelector('.bd-grid .ag-row[row-index="0"] .ag-cell', { timeout: 30_000 });
  return page;
}

/** 打开 the shared file: in the web host its path is its name, so 保存 goes "over" it. */
async function openFile(page: Page, text = sampleText()): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-command="open"]')]);
  await chooser.setFiles({ name: FILE, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForSelector(`[data-testid="status-message"]:has-text("${FILE}")`);
}

async function editOneCell(page: Page): Promise<void> {
  const r = await focusCell(page, 't3', '2101103', 'basic');
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await expectCellText(page, r, 'basic', '9.00');
}

const conflict: DiskConflict = {
  missing: false,
  expected: { size: 41_000, mtimeMs: Date.parse('2026-12-04T01:00:00Z'), sha256: 'a'.repeat(64) },
  now: { size: 43_500, mtimeMs: Date.parse('2026-12-04T02:15:00Z'), sha256: 'b'.repeat(64) },
  lockedBy: { holder: '李四', machine: 'CZJ-PC02', since: '2026-12-04T02:00:00Z' },
};

describe('the disk through the web host', () => {
  it('保存 of a file changed on disk shows the conflict dialog; 覆盖 then saves', async () => {
    const page = await openWithDisk({ conflict });
    await openFile(page);
    await editOneCell(page);
    await page.click('[data-command="save"]');
    const dialog = page.locator('[data-testid="conflict-dialog"]');
    await dialog.waitFor();
    await expect(dialog.locator('button[data-choice]').allTextContents()).resolves.toEqual(['打开磁盘上的版本', '另存为…', '覆盖']);
    const facts = await dialog.locator('[data-testid="conflict-facts"]').textContent();
    expect(facts).toContain('42.5 KB'); // 43,500 bytes now, 40.0 KB before
    expect(facts).toContain('李四（电脑 CZJ-PC02');
    await expect(page.locator('.bd-file-name').textContent()).resolves.toContain('●'); // nothing written yet
    await screenshot(page, 'disk-conflict-dialog');

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('button[data-choice="overwrite"]').click()]);
    expect(download.suggestedFilename()).toBe(FILE);
    await page.waitForSelector(`[data-testid="status-message"]:has-text("已保存")`);
    await expect(page.locator('.bd-file-name').textContent()).resolves.not.toContain('●');
    await page.context().close();
  });

  it('打开磁盘上的版本 says the unsaved changes will be lost, then opens what is on disk', async () => {
    const page = await openWithDisk({ conflict, files: { [FILE]: sampleText('磁盘上的单位') } });
    await openFile(page);
    await editOneCell(page);
    await page.click('[data-command="save"]');
    await page.locator('[data-testid="conflict-dialog"] button[data-choice="openDisk"]').click();
    const confirm = page.locator('[data-testid="confirm-dialog"]');
    await expect(confirm.textContent()).resolves.toContain('将放弃本窗口中尚未保存的修改');
    await confirm.locator('button.is-primary').click();
    await page.waitForFunction(() => document.title.includes('磁盘上的单位'));
    await expect(page.locator('.bd-file-name').textContent()).resolves.not.toContain('●');
    await page.context().close();
  });

  it('历史版本… lists the saved versions newest first and opens the chosen one as an unsaved copy', async () => {
    const entries: HistoryEntry[] = [
      { id: 'k/20261204T021500000Z.ysgk', savedAt: '2026-12-04T02:15:00Z', size: 43_500 },
      { id: 'k/20261203T090000000Z.ysgk', savedAt: '2026-12-03T09:00:00Z', size: 41_000 },
    ];
    const page = await openWithDisk({
      history: [
        { entry: entries[0]!, text: sampleText('今天的版本'), documentName: FILE },
        { entry: entries[1]!, text: sampleText('昨天的版本'), documentName: FILE },
      ],
    });
    await openFile(page);
    await page.evaluate(() => (window as unknown as { __bdTestDisk: TestDisk }).__bdTestDisk.menu!('history'));
    const dialog = page.locator('[data-testid="history-dialog"]');
    await dialog.waitFor();
    await expect(dialog.locator('[data-history-id]').count()).resolves.toBe(2);
    await expect(dialog.locator('[data-history-id]').first().textContent()).resolves.toContain('最近一次保存');
    await screenshot(page, 'disk-history-dialog');

    await dialog.locator(`[data-history-id="${entries[1]!.id}"] input`).check();
    await dialog.locator('button.is-primary').click();
    await page.waitForSelector('[data-testid="status-message"]:has-text("已打开历史版本")');
    await page.waitForFunction(() => document.title.includes('昨天的版本'));
    const name = await page.locator('.bd-file-name').textContent();
    expect(name).toMatch(/预算（2026-12-0\d \d\d-\d\d 的版本）\.ysgk/);
    expect(name).toContain('●'); // an unsaved copy: 保存 asks for a new name
    await page.context().close();
  });

  it('the web host itself keeps no history, and says so', async () => {
    const page = await openWithDisk({});
    await openFile(page);
    await page.evaluate(() => (window as unknown as { __bdTestDisk: TestDisk }).__bdTestDisk.menu!('history'));
    await page.waitForSelector('[data-testid="status-message"]:has-text("浏览器版不保留历史版本")');
    await page.context().close();
  });

  it('a document another instance holds opens read-only with a notice, and 保存 goes to 另存为', async () => {
    const holder: LockHolder = { holder: '李四', machine: 'CZJ-PC02', since: '2026-12-04T02:00:00Z' };
    // A conflict is staged too: a 保存 over the file would meet it; 另存为 (no path) does not.
    const page = await openWithDisk({ lockedBy: holder, conflict });
    await openFile(page);
    await expect(page.locator('[data-testid="readonly-notice"]').textContent()).resolves.toContain('李四（电脑 CZJ-PC02');
    await editOneCell(page);
    await screenshot(page, 'disk-read-only');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-command="save"]')]);
    expect(download.suggestedFilename()).toBe(FILE);
    await expect(page.locator('[data-testid="conflict-dialog"]').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('a file dropped on the page is asked about first, then opened (the web host has no disk to reread)', async () => {
    const page = await openWithDisk({});
    await editOneCell(page);
    const text = sampleText('拖入的单位');
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], '拖入.ysgk', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    // The page asks "discard unsaved changes?" in its own dialog; 继续 opens the dropped file.
    await page.click('[data-testid="confirm-dialog"] button.is-primary');
    await page.waitForSelector('[data-testid="status-message"]:has-text("已打开“拖入.ysgk”")');
    await page.waitForFunction(() => document.title.includes('拖入的单位'));
    await page.context().close();
  });

  it('a damaged recovery copy is kept for support, said in Chinese, and the sample opens', async () => {
    const page = await openWithDisk({}, '{"format":"budget-disclosure","version":2,"meta":{"unitName":5}');
    await page.waitForSelector('[data-testid="status-message"]:has-text("上次未保存的副本已损坏")');
    await expect(page.locator('[data-testid="status-message"]').textContent()).resolves.toContain('已保留');
    await expect(page.locator('.bd-file-name').textContent()).resolves.toContain('示例');
    const kept = await page.evaluate(() => [localStorage.getItem('budget-disclosure.recovery'), localStorage.getItem('budget-disclosure.recovery.unopenable')]);
    expect(kept[0]).toBeNull();
    expect(kept[1]).toContain('"unitName":5');
    await screenshot(page, 'disk-damaged-recovery');
    await page.context().close();
  });
});
