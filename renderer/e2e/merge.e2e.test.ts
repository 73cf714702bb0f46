import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../core/file/serialize';
import { remergePlan, remergePlanLines } from '../../core/merge/remerge';
import { setFor } from '../../core/testing/builders';
import { MERGE_SET, mergedDocument, mergeUnitsOf, unitDocuments, unitFileName } from '../../core/testing/merge-units';
import { randomDocument } from '../../core/text/random-doc.testutil';
import { openApp, screenshot, useHarness, VIEWPORTS } from './harness';

const h = useHarness();

/** Three consistent units (as the consolidation tests use) and one of another year, written as the units send them. */
function unitFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'bd-merge-app-'));
  const docs = unitDocuments();
  docs.forEach((doc, i) => writeFileSync(join(dir, unitFileName(i)), serializeDocument(doc)));
  const old = randomDocument(MERGE_SET, 5);
  old.meta.year = 2023;
  writeFileSync(join(dir, '去年.ysgk'), serializeDocument(old));
  return { dir, docs, path: (name: string) => join(dir, name) };
}

describe('文件 → 汇总下属单位… and 重新汇总…', () => {
  it('refuses units of another year naming the file, builds an unsaved 部门 document, and re-merges one unit’s change undoably', async () => {
    const units = unitFiles();
    const page = await openApp(h, { viewport: VIEWPORTS.small });
    const chooseUnits = async (action: string, names: string[]) => {
      await page.click('[data-menu-id="file"]');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(`[data-action="${action}"]`)]);
      expect(chooser.isMultiple()).toBe(true);
      await chooser.setFiles(names.map(units.path));
    };
    const dialog = page.locator('[data-testid="merge-dialog"]');

    // Different years: refused, the file named, 汇总 disabled.
    await chooseUnits('mergeUnits', ['单位1.ysgk', '去年.ysgk']);
    await dialog.locator('[data-testid="merge-refusal"]').waitFor();
    await expect(dialog.locator('[data-testid="merge-refusal"]').textContent()).resolves.toMatch(/去年\.ysgk.*2023/);
    await dialog.locator('input').fill('测试局');
    await expect(dialog.locator('button', { hasText: '汇总' }).isDisabled()).resolves.toBe(true);
    await dialog.locator('button', { hasText: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Three units: listed with their names, summed into a new unsaved 部门 document with no 错误.
    await chooseUnits('mergeUnits', ['单位1.ysgk', '单位2.ysgk', '单位3.ysgk']);
    await dialog.locator('tbody tr:has-text("下属单位3")').waitFor();
    await dialog.locator('input').fill('测试局');
    await screenshot(page, 'merge-dialog-small');
    await dialog.locator('button', { hasText: '汇总' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForSelector('[data-testid="status-message"]:has-text("已汇总 3 个下属单位")');
    await expect(page.title()).resolves.toContain('测试局');
    await expect(page.title()).resolves.toMatch(/^● /);
    await page.waitForSelector('[data-testid="status-errors"]:has-text("无错误")', { timeout: 60_000 });
    await page.click('[data-outline-id="table:t3"]');
    await page.waitForSelector('.bd-grid .ag-row[row-id="org3"]');

    // One unit sends a new consistent version: 重新汇总 (the browser asks for the files) lists exactly what that
    // changes in the 部门 document, old → new, as core computes it.
    const changed = randomDocument(MERGE_SET, 7);
    changed.meta.unitName = '下属单位2';
    writeFileSync(units.path('单位2.ysgk'), serializeDocument(changed));
    const template = setFor(MERGE_SET);
    const plan = remergePlan(mergedDocument(mergeUnitsOf(units.docs)), template, mergeUnitsOf([units.docs[0]!, changed, units.docs[2]!]));
    if (!plan.ok) throw new Error(plan.message);
    const expected = remergePlanLines(plan);
    expect(expected.length).toBeGreaterThan(0);
    // Cells, and the unit's 上年预算数 besides: the dialog counts them all as 项.
    expect(expected.some((l) => l.startsWith('上年预算数 '))).toBe(true);
    await page.click('[data-menu-id="file"]');
    await page.click('[data-action="remerge"]');
    const ask = page.locator('[data-testid="confirm-dialog"]');
    await expect(ask.textContent()).resolves.toContain('单位1.ysgk、单位2.ysgk、单位3.ysgk');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), ask.locator('button', { hasText: '选择文件' }).click()]);
    await chooser.setFiles(['单位1.ysgk', '单位2.ysgk', '单位3.ysgk'].map(units.path));
    const changes = page.locator('[data-testid="changes-dialog"]');
    await changes.waitFor();
    await expect(changes.textContent()).resolves.toContain('有变化的单位：下属单位2');
    await expect(changes.textContent()).resolves.toContain(`将修改以下 ${expected.length} 项：`);
    const lines = await changes.locator('[data-testid="change-list"] li').allTextContents();
    expect(lines).toEqual(expected.slice(0, 1000));
    await screenshot(page, 'merge-remerge-small');
    await changes.locator('button', { hasText: '修改' }).click();
    await page.waitForSelector('[data-testid="status-message"]:has-text("已重新汇总")');
    await page.waitForSelector('[data-testid="status-errors"]:has-text("无错误")', { timeout: 60_000 });

    // One 撤销 takes the whole update back.
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid="status-message"]:has-text("已撤销：重新汇总")');
  });
});
