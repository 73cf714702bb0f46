import { describe, expect, it } from 'vitest';
import type { BudgetDocument, RowData } from '../../core/document/document';
import { createDocument } from '../../core/document/create';
import { recomputeAll } from '../../core/derive/recompute.command';
import { serializeDocumentBytes } from '../../core/file';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { openApp, openTable, useHarness } from './harness';

const h = useHarness();
const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
const pad = (n: number) => String(n).padStart(2, '0');
const LONG_NAME = '最后一行的科目名称特别长以便检验列宽是否随后来的行加宽而不被截断';

/** 表3 with 2 类 × 20 款 × 50 项 (2,042 rows): long enough that its rows reach the grid in parts. */
function longDocument(): { doc: BudgetDocument; last: string } {
  const doc = createDocument(template, { unitName: '长表测试局', compiler: '长表测试局', year: 2024 });
  const rows: RowData[] = [];
  let last = '';
  for (const lei of ['201', '208']) {
    rows.push({ id: lei, code: lei, name: `类${lei}`, values: {} });
    for (let k = 1; k <= 20; k++) {
      const kuan = lei + pad(k);
      rows.push({ id: kuan, code: kuan, name: `款${kuan}`, values: {} });
      for (let x = 1; x <= 50; x++) {
        last = kuan + pad(x);
        rows.push({ id: last, code: last, name: `项${last}`, values: { basic: 100 + x } });
      }
    }
  }
  rows[rows.length - 1]!.name = LONG_NAME;
  doc.tables.t3!.rows.unshift(...rows);
  recomputeAll().apply(doc, { template });
  return { doc, last };
}

describe('a long table', () => {
  it('opens with every row reachable, its last row edits like any other (the sums above follow), and a name only the last row has is not cut', async () => {
    const page = await openApp(h);
    await openTable(page, 't3');
    const { doc, last } = longDocument();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-command="open"]')]);
    await chooser.setFiles({ name: '长表.ysgk', mimeType: 'application/json', buffer: Buffer.from(serializeDocumentBytes(doc)) });
    await page.waitForSelector('.bd-grid .ag-row[row-id="201"]');
    // The opened document is checked once its table has painted: its 表3 has no 表2 or 表5 to agree with.
    await page.waitForSelector('[data-testid="findings-panel"]:not([data-checking])', { timeout: 20_000 });
    expect(Number(await page.locator('[data-testid="findings-count"] .bd-num-error').textContent())).toBeGreaterThan(0);
    // Scrolled to the end, the last 项 is there, with its whole name.
    await page.waitForFunction((id) => {
      // The element that scrolls the rows: the tallest scroller in the grid.
      const vp = [...document.querySelectorAll<HTMLElement>('.bd-grid *')].sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
      if (vp) vp.scrollTop = vp.scrollHeight;
      return !!document.querySelector(`.bd-grid .ag-row[row-id="${id}"]`);
    }, last, { timeout: 20_000, polling: 200 });
    const nameCell = `.bd-grid .ag-row[row-id="${last}"] .ag-cell[col-id="name"]`;
    await page.waitForFunction((sel) => {
      const c = document.querySelector<HTMLElement>(sel);
      return !!c && c.scrollWidth <= c.clientWidth;
    }, nameCell, { timeout: 10_000 });
    await expect(page.locator(nameCell).textContent()).resolves.toContain(LONG_NAME);
    const amount = `.bd-grid .ag-row[row-id="${last}"] .ag-cell[col-id="basic"]`;
    await page.click(amount);
    await page.keyboard.type('777');
    await page.keyboard.press('Enter');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.replace(/,/g, '') === '777.00', amount, { timeout: 5000 });
    // The 款 above it is redrawn with its new sum (50 项 of 1.01…1.50, the last now 777.00).
    const kuan = `.bd-grid .ag-row[row-id="${last.slice(0, 5)}"] .ag-cell[col-id="basic"]`;
    await page.waitForFunction((sel) => {
      // 50 rows up: scrolled into view (rows out of view are not in the page).
      const vp = [...document.querySelectorAll<HTMLElement>('.bd-grid *')].sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
      if (vp && !document.querySelector(sel)) vp.scrollTop = vp.scrollHeight - vp.clientHeight - 60 * 21;
      return document.querySelector(sel)?.textContent?.replace(/,/g, '') === '838.25';
    }, kuan, { timeout: 5000, polling: 200 });
    await page.close();
  });
});
