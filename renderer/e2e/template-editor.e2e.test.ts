import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { createDocument } from '../../core/document/create';
import { exportXlsx } from '../../core/xlsx/export-xlsx';
import { draftFromSet, draftToText } from '../../core/template/edit/set-draft';
import { addFreeTextSection } from '../../core/template/edit/outline-edits';
import { openApp, screenshot, useHarness } from './harness';

const h = useHarness();

/** A bureau's blank template workbook: the 2024 tables printed with titles, headers and 合计 lines, no figures. */
async function blankWorkbook(): Promise<Buffer> {
  const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
  return Buffer.from(await exportXlsx(createDocument(set, { unitName: '某某区某某局', year: 2026 }), set));
}

describe('a template set from the bureau\'s blank workbook', () => {
  it('is proposed, edited (a column renamed, a rule turned off), tried, saved, kept across a reload and offered by 新建', async () => {
    const page = await openApp(h);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.click('[data-menu-id="template"]').then(() => page.click('[data-action="templateFromWorkbook"]')),
    ]);
    await chooser.setFiles({ name: '财政局空白模板.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await blankWorkbook() });
    const editor = page.locator('[data-testid="template-editor"]');
    await editor.waitFor({ timeout: 60_000 });
    // The inference notes are shown where the proposal took a default.
    await expect(editor.locator('[data-testid="template-notes"]').textContent()).resolves.toContain('只有合计行');

    await editor.locator('input[name="setId"]').fill('bureau-2026');
    await editor.locator('input[name="setName"]').fill('某某区2026年部门预算模板');
    await editor.locator('input[name="setName"]').press('Tab');

    await editor.locator('[data-tab="tables"]').click();
    await editor.locator('[data-table-id="t3"]').click();
    const label = editor.locator('[data-column="t3:basic"] input[name="label"]');
    await label.fill('基本支出（人员和公用）');
    await label.press('Tab');
    await screenshot(page, 'template-editor-columns');

    await editor.locator('[data-tab="rules"]').click();
    const rule = editor.locator('[data-rule="t3-row"] input[name="enabled"]');
    await expect(rule.isChecked()).resolves.toBe(true);
    await rule.uncheck();
    await screenshot(page, 'template-editor-rules');
    await editor.locator('[data-tab="proposals"]').click();
    await editor.locator('[data-tab="outline"]').click();
    await editor.locator('[data-testid="template-outline"]').waitFor();

    // The sample document is a 2024 document: its tables are the proposal's, so the rules run over it.
    await editor.locator('[data-testid="template-try"]').click();
    await expect(editor.locator('[data-testid="template-trial"]').textContent({ timeout: 60_000 })).resolves.toMatch(/用当前文档试用：\d+ 个错误、\d+ 个提示/);
    await screenshot(page, 'template-editor');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), editor.locator('[data-testid="template-save"]').click()]);
    expect(download.suggestedFilename()).toBe('某某区2026年部门预算模板.json');
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      id: string; impliedRules?: { disable: string[] }; tables: { id: string; columns: { id: string; header: string[] }[] }[];
    };
    expect(file.id).toBe('bureau-2026');
    expect(file.impliedRules?.disable).toEqual(['t3-row']);
    expect(file.tables.find((t) => t.id === 't3')!.columns.find((c) => c.id === 'basic')!.header.at(-1)).toBe('基本支出（人员和公用）');
    await page.waitForSelector('[data-testid="status-message"]:has-text("已保存模板集")');
    await expect(editor.count()).resolves.toBe(0);

    // Kept: after a reload the set is registered again, 新建 offers it and 管理模板集 lists it as the officer's own.
    await page.reload();
    await page.waitForSelector('.ag-row[row-index="0"] .ag-cell', { timeout: 30_000 });
    await page.click('[data-command="new"]');
    const choice = page.locator('[data-testid="new-dialog"] label', { hasText: '某某区2026年部门预算模板' });
    await choice.waitFor();
    await expect(choice.textContent()).resolves.toContain('自己的模板');
    await page.locator('[data-testid="new-dialog"] button', { hasText: '取消' }).click();
    await page.click('[data-menu-id="template"]').then(() => page.click('[data-action="manageTemplates"]'));
    const own = page.locator('[data-testid="template-manager"] tr[data-set-id="bureau-2026"]');
    await own.waitFor();
    await expect(own.textContent()).resolves.toContain('自己的');
    await page.close();
  });

  it('kept sets load at startup (a broken one is named, not fatal); a free-text section is typed per document; a set is removed only when no open document uses it', async () => {
    const sh = getBuiltinTemplateSet('sh-dept-2025-9')!;
    const draft = addFreeTextSection(draftFromSet({ ...sh, id: 'bureau-text', name: '带自由文字的模板' }), '重点工作情况');
    const page = await openApp(h);
    await page.evaluate(([good, broken]) => {
      localStorage.setItem('budget-disclosure.templateSet.bureau-text', good!);
      localStorage.setItem('budget-disclosure.templateSet.bureau-broken', broken!);
    }, [draftToText(draft), '{ "id": "bureau-broken", "name": "坏模板" }'] as const);
    await page.reload();
    await page.waitForSelector('.ag-row[row-index="0"] .ag-cell', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="status-message"]:has-text("bureau-broken")');
    await expect(page.locator('[data-testid="status-message"]').textContent()).resolves.toMatch(/已保存的模板“bureau-broken”有 \d+ 处错误，未加载/);

    await page.click('[data-command="new"]');
    await page.locator('[data-testid="new-dialog"] label', { hasText: '带自由文字的模板' }).click();
    await page.click('[data-testid="new-dialog"] button.is-primary');
    await page.waitForSelector('[data-testid="settings-dialog"]');
    await page.fill('[data-testid="settings-dialog"] input[name="unitName"]', '某某区某某局');
    await page.click('[data-testid="settings-dialog"] button.is-primary');
    await page.click('[data-outline-id="text"]');
    const box = page.locator('.bd-inputs[data-section="text"] textarea');
    await box.fill('全年完成重点工作三项。');
    await box.blur();
    await page.waitForSelector('.bd-inputs[data-section="text"] .bd-inputs-preview:has-text("全年完成重点工作三项。")');

    await page.click('[data-menu-id="template"]').then(() => page.click('[data-action="manageTemplates"]'));
    const manager = page.locator('[data-testid="template-manager"]');
    await expect(manager.locator('tr[data-set-id="bureau-text"] button', { hasText: '删除' }).isDisabled()).resolves.toBe(true);
    await expect(manager.locator('tr[data-set-id="bureau-broken"]').textContent()).resolves.toContain('无法使用');
    await manager.locator('tr[data-set-id="bureau-broken"] button', { hasText: '删除' }).click();
    await page.locator('[data-testid="confirm-dialog"] button.is-primary').click();
    await manager.locator('tr[data-set-id="bureau-broken"]').waitFor({ state: 'detached' });
    await expect(page.evaluate(() => localStorage.getItem('budget-disclosure.templateSet.bureau-broken'))).resolves.toBeNull();
    await page.close();
  });
});
