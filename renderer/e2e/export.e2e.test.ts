import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectCellText, openApp, openTable, rowIndexOf, screenshot, useHarness, focusCell } from './harness';

const h = useHarness();

describe('export and import in the browser', () => {
  it('exports Excel and Word (core builders loaded on demand), and imports the workbook back with the same figures', async () => {
    const page = await openApp(h);
    const r = await focusCell(page, 't3', '2101103', 'basic');
    await page.keyboard.type('3.33');
    await page.keyboard.press('Enter');
    await expectCellText(page, r, 'basic', '3.33');

    // The edit creates 错误 (表1/表2 disagree): exporting asks first, in the page; 仍然导出 goes on.
    const asked: string[] = [];
    const goOn = async () => {
      const question = page.locator('[data-testid="confirm-dialog"]');
      await question.waitFor();
      asked.push((await question.textContent()) ?? '');
      await question.locator('button.is-primary').click();
    };
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-command="exportExcel"]').then(goOn)]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(asked.join('\n')).toMatch(/还有 1 处问题（\d+ 个错误），仍要导出吗/);
    const xlsxPath = await xlsx.path();
    expect(readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK');

    const [docx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-command="exportWord"]').then(goOn)]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect(asked).toHaveLength(2);
    expect(readFileSync(await docx.path()).subarray(0, 2).toString()).toBe('PK');

    // 导入 → Excel 工作簿: our own export comes back exactly, as a new unsaved document.
    const page2 = await openApp(h);
    const [chooser] = await Promise.all([page2.waitForEvent('filechooser'), page2.click('[data-menu-id="import"]').then(() => page2.click('[data-action="importExcel"]'))]);
    await chooser.setFiles({ name: '导出.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(xlsxPath) });
    await page2.waitForSelector('[data-testid="report-dialog"]', { timeout: 60_000 });
    await screenshot(page2, 'import-report');
    await page2.click('[data-testid="report-dialog"] button.is-primary');
    await openTable(page2, 't3');
    await expectCellText(page2, await rowIndexOf(page2, '2101103'), 'basic', '3.33');
    await expect(page2.locator('.bd-file-name').textContent()).resolves.toContain('●');
    await page.close();
    await page2.close();
  });

  it('imports a year’s economic code list from CSV (classification taken from its codes)', async () => {
    const page = await openApp(h);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-menu-id="import"]').then(() => page.click('[data-action="importCodes"]'))]);
    await chooser.setFiles({ name: '2024经济分类.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name\n301,工资福利支出\n30101,基本工资\n30199,其他工资福利支出\n', 'utf8') });
    await page.waitForSelector('[data-testid="status-message"]:has-text("经济分类科目")');
    await expect(page.locator('[data-testid="status-message"]').textContent()).resolves.toContain('已导入 3 个2024年经济分类科目');
    await page.close();
  });
});
