import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../core/file/serialize';
import { orgDocument2021 } from '../../core/testing/org-builders';
import { cell, expectCellText, openApp, openTable, rowIndexOf, screenshot, useHarness } from './harness';

const h = useHarness();

describe('document display settings and table notes', () => {
  it('the blank-zero checkbox switches the grid between blank and 0.00, the 表注 is edited; both undo', async () => {
    const page = await openApp(h);
    await openTable(page, 't3');
    const r = await rowIndexOf(page, '2080501');
    // The 2024 sample follows its set: zero cells are blank.
    await expectCellText(page, r, 'project', '');

    await page.click('[data-command="settings"]');
    const box = page.locator('[data-testid="settings-dialog"] input[name="blankZero"]');
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await page.click('[data-testid="settings-dialog"] button.is-primary');
    await expectCellText(page, r, 'project', '0.00');
    await expectCellText(page, r, 'basic', '0.86');
    await page.click('[data-command="undo"]');
    await expectCellText(page, r, 'project', '');

    // 表注: typed, committed with Enter as one undoable step; undo and redo bring the field along.
    const note = page.locator('[data-testid="table-note"]');
    await note.fill('注：本表含本级及下属单位支出。');
    await note.press('Enter');
    await page.waitForSelector('[data-command="undo"][title*="编辑表注"]');
    await screenshot(page, 'table-note');
    await page.click('[data-command="undo"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="table-note"]') as HTMLTextAreaElement | null)?.value === '');
    await page.click('[data-command="redo"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="table-note"]') as HTMLTextAreaElement | null)?.value === '注：本表含本级及下属单位支出。');

    // A 2021 document with 部门 / 单位 rows: shown after 合计 like it, read-only; its note is in the field.
    // The document has unsaved edits: the page asks first, 继续 goes on to the file dialog.
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.click('[data-command="open"]').then(() => page.click('[data-testid="confirm-dialog"] button.is-primary')),
    ]);
    await chooser.setFiles({ name: '机构行.ysgk', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(orgDocument2021())) });
    await page.waitForSelector('[data-outline-id="table:t3"]:has-text("表三")');
    await openTable(page, 't3');
    const org = await rowIndexOf(page, 'org2');
    await expectCellText(page, org, 'name', '【040001】乌尔禾区医保局');
    await expectCellText(page, org, 'lei', '');
    await expectCellText(page, org, 'total', '50.64');
    await page.waitForSelector(`.bd-grid .ag-row.bd-row-total.bd-row-org[row-index="${org}"]`);
    await page.waitForSelector(`${cell(org, 'total')}.bd-computed`);
    await page.dblclick(cell(org, 'total'));
    expect(await page.locator('.bd-grid .ag-cell-inline-editing').count()).toBe(0);
    await page.waitForFunction(() => (document.querySelector('[data-testid="table-note"]') as HTMLTextAreaElement | null)?.value.startsWith('注：本表含'));
    await screenshot(page, 'org-rows');
    await page.close();
  });
});
