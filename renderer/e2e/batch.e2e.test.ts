import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { serializeDocument } from '../../core/file/serialize';
import { openApp, screenshot, useHarness, VIEWPORTS } from './harness';

const h = useHarness();

function unitFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bd-batch-app-'));
  const root = join(dir, '各单位报送');
  mkdirSync(join(root, '乡镇'), { recursive: true });
  writeFileSync(join(root, '医保局.ysgk'), serializeDocument(createSampleDocument()));
  const broken = createSampleDocument();
  broken.meta.unitName = '某乡卫生院';
  broken.tables.t3!.rows.find((r) => r.id === '2101501')!.values.basic = 13900;
  writeFileSync(join(root, '乡镇', '卫生院.ysgk'), serializeDocument(broken));
  writeFileSync(join(root, '损坏.xlsx'), 'not a workbook');
  writeFileSync(join(root, '说明.txt'), '不是单位文件');
  return root;
}

describe('审核 → 批量审核文件夹…', () => {
  it('checks every unit of a folder into a sortable summary; a double-click opens a unit', async () => {
    const page = await openApp(h, { viewport: VIEWPORTS.small });
    await page.click('[data-menu-id="review"]');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-action="batchCheck"]')]);
    await chooser.setFiles(unitFolder());
    const dialog = page.locator('[data-testid="batch-dialog"]');
    await dialog.waitFor();
    await page.waitForSelector('[data-testid="batch-progress"]:has-text("已完成 3 个文件")', { timeout: 60_000 });
    await expect(dialog.locator('[data-testid="batch-progress"]').textContent()).resolves.toContain('有错误 1 个，无法读取 1 个');
    // Sorted by 错误, most first: the faulty unit leads.
    const first = dialog.locator('tbody tr').first();
    await expect(first.getAttribute('data-file')).resolves.toBe('各单位报送/乡镇/卫生院.ysgk');
    await expect(first.textContent()).resolves.toContain('某乡卫生院');
    await expect(dialog.locator('tr[data-file="各单位报送/损坏.xlsx"]').textContent()).resolves.toContain('无法读取');
    // Sort by 文件, then the other way round.
    const order = () => dialog.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
    await dialog.locator('th button', { hasText: '文件' }).click();
    const ascending = await order();
    expect(ascending).toHaveLength(3);
    await dialog.locator('th button', { hasText: '文件' }).click();
    await expect(order()).resolves.toEqual([...ascending].reverse());
    await screenshot(page, 'batch-small');
    await dialog.locator('tr[data-file="各单位报送/乡镇/卫生院.ysgk"]').dblclick();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForSelector('.bd-finding-error', { timeout: 30_000 });
    await expect(page.title()).resolves.toContain('某乡卫生院');
  });
});
