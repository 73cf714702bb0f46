import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { openApp, useHarness } from './harness';

const h = useHarness();

describe('open data from the 导出 menu', () => {
  it('saves every table as CSV in one zip, and the whole disclosure as JSON', async () => {
    const page = await openApp(h);
    await page.click('[data-menu-id="export"]');
    const [zip] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-action="exportCsv"]')]);
    expect(zip.suggestedFilename()).toMatch(/开放数据\.zip$/);
    const files = unzipSync(readFileSync((await zip.path())!));
    expect(Object.keys(files)).toHaveLength(11);
    expect(Object.keys(files)).toContain('表5 一般公共预算支出情况表.csv');

    await page.click('[data-menu-id="export"]');
    const [json] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-action="exportData"]')]);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { format: string; unit: { name: string }; tables: unknown[] };
    expect(data.format).toBe('budget-disclosure-open-data');
    expect(data.unit.name).toBe('若羌县医疗保障局');
    expect(data.tables).toHaveLength(11);
    await page.waitForSelector('.bd-status:has-text("已导出")');
  });
});
