import { describe, expect, it } from 'vitest';
import { openApp, openTable, rowIndexOf, screenshot, expectCellText, useHarness } from './harness';

const h = useHarness();

describe('插入科目行: searching the year\'s code lists', () => {
  it('a code prefix lists deeper codes with their 类/款 path; an exact code inserts with Enter, no click', async () => {
    const page = await openApp(h);
    await openTable(page, 't3');
    await page.click('[data-action="insert-row"]');
    await page.waitForSelector('[data-testid="code-picker"]');
    await page.fill('.bd-picker-search', '21013');
    await page.waitForSelector('.bd-picker-list li[data-code="2101301"]');
    const path = await page.locator('.bd-picker-list li[data-code="2101301"] .bd-picker-path').textContent();
    expect(path).toMatch(/^210 .+ › 21013 /);
    await screenshot(page, 'picker-prefix');
    // Typed in full: chosen at once, Enter inserts.
    await page.fill('.bd-picker-search', '2101301');
    await page.waitForSelector('[data-action="picker-insert"]:not([disabled])');
    await page.press('.bd-picker-search', 'Enter');
    await page.waitForSelector('[data-testid="code-picker"]', { state: 'detached' });
    expect(await rowIndexOf(page, '2101301')).toBeGreaterThan(0);
    await page.close();
  });

  it('a code of the wrong length is explained for people; an unknown code needs a name and is a 自定义科目', async () => {
    const page = await openApp(h);
    await openTable(page, 't3');
    await page.click('[data-action="insert-row"]');
    await page.fill('.bd-picker-search', '2050');
    await page.waitForSelector('.bd-form-error');
    expect(await page.locator('.bd-form-error').textContent()).toBe('编码“2050”是4位，不是有效的科目编码（类为3位，款为5位，项为7位）');
    await page.fill('.bd-picker-search', '2101598');
    await page.waitForSelector('[data-testid="custom-code"]');
    expect(await page.locator('[data-testid="custom-code"]').textContent()).toContain('自定义科目“2101598”');
    expect(await page.locator('[data-action="picker-insert"]').isDisabled()).toBe(true);
    await page.fill('[data-testid="custom-code"] input', '其他医疗保障支出（自定义）');
    await page.click('[data-action="picker-insert"]');
    await expectCellText(page, await rowIndexOf(page, '2101598'), 'name', '其他医疗保障支出（自定义）');
    await page.close();
  });

  it('表7 takes only 项 codes and says so', async () => {
    const page = await openApp(h);
    await openTable(page, 't7');
    await page.click('[data-action="insert-row"]');
    await page.fill('.bd-picker-search', '21099');
    await page.waitForSelector('.bd-form-error');
    expect(await page.locator('.bd-form-error').textContent()).toBe('此处只能使用项级科目（7位），“21099”是5位');
    await page.close();
  });
});
