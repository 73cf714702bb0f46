/**
 * The fling's anchor: the same grid shape in AG Grid alone. The page's fling has frames with over 8 ms of script,
 * and traces put them in AG Grid's row and cell creation and in the garbage collections it causes (scavenges of
 * 15–30 ms that copy the cell objects it made). This page has none of the product's code: the same columns, row
 * count, cell texts, row height and viewport, AG Grid's own text cells, the grid options that affect rendering set as
 * the product sets them. Its fling, traced the same way, shows how much of the per-frame script is AG Grid's own, as
 * the rules bench's bare loop anchors the full check.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { frameScriptStats, traceFrames } from './frame-trace';

/** What the product's grid looks like, read from its page once the table is shown (plain JS text for the page). */
export const GRID_SHAPE_SCRIPT = `(() => {
  const rows = [...document.querySelectorAll('.bd-grid .ag-grid-scrolling-container > .ag-row')];
  const colIds = [...(rows[0]?.querySelectorAll('.ag-cell') ?? [])].map((c) => c.getAttribute('col-id'));
  const texts = rows.map((r) => colIds.map((id) => r.querySelector('.ag-cell[col-id="' + id + '"]')?.textContent ?? ''));
  const scroller = [...document.querySelectorAll('.bd-grid *')].filter((e) => e.scrollHeight - e.clientHeight > 1000)
    .sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
  const grid = document.querySelector('.bd-grid .ag-root-wrapper');
  return {
    colIds, texts,
    width: grid?.clientWidth ?? 1200, height: grid?.clientHeight ?? 600, scrollerHeight: scroller?.clientHeight ?? 0,
    rowHeight: rows[0]?.offsetHeight || 21,
  };
})()`;

export interface GridShape {
  colIds: string[];
  texts: string[][];
  width: number;
  height: number;
  scrollerHeight: number;
  rowHeight: number;
}

type ScrollRun = { ownMs: number[] } | null;

/**
 * Opens AG Grid alone in `shape`, with `rows` rows whose cells repeat the texts the product's grid showed, and returns
 * the per-frame script of a traced fling run by `scrollScript` (the product's fling script, so both are driven alike).
 */
export async function plainGridFling(browser: Browser, shape: GridShape, rows: number, scrollScript: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.setContent(`<!doctype html><html><body style="margin:0">
      <div class="bd-grid" style="width:${shape.width}px;height:${shape.height}px"><div id="grid" style="height:100%"></div></div>
    </body></html>`);
    // The package's browser build (its exports do not list it, so it is found by path; it is a direct dependency).
    await page.addScriptTag({ path: fileURLToPath(new URL('../node_modules/ag-grid-community/dist/ag-grid-community.min.js', import.meta.url)) });
    // Plain JS text: tsx would wrap the page function's named helpers in a __name the page does not have.
    await page.evaluate(`(() => {
      const shape = ${JSON.stringify(shape)};
      const texts = shape.texts.length ? shape.texts : [shape.colIds.map(() => '')];
      const rowData = [];
      for (let i = 0; i < ${rows}; i++) {
        const row = { __id: String(i) };
        shape.colIds.forEach((id, c) => (row[id] = texts[i % texts.length][c]));
        rowData.push(row);
      }
      agGrid.createGrid(document.getElementById('grid'), {
        columnDefs: shape.colIds.map((field) => ({ field, flex: 1, sortable: false, suppressMovable: true, cellDataType: false })),
        rowData,
        rowHeight: shape.rowHeight,
        getRowId: (p) => p.data.__id,
        animateRows: false,
        suppressColumnVirtualisation: true,
        rowBuffer: 12,
        enableBrowserTooltips: true,
      });
    })()`);
    await page.waitForSelector('.bd-grid .ag-grid-scrolling-container > .ag-row .ag-cell');
    // The product's page is traced after an untraced fling and a wheel-paced scroll; one untraced fling warms this
    // page's code up alike, so that the comparison is not of a warm page with a cold one.
    await page.evaluate(scrollScript);
    await page.evaluate(() => {
      for (const e of document.querySelectorAll('.bd-grid *')) if (e.scrollTop > 0) e.scrollTop = 0;
    });
    await page.waitForTimeout(300);
    const cdp = await context.newCDPSession(page);
    const { value, perFrameMs } = await traceFrames(cdp, async () => (await page.evaluate(scrollScript)) as ScrollRun);
    const own = value?.ownMs ?? [];
    return frameScriptStats(perFrameMs.map((ms, i) => Math.max(0, ms - (own[i] ?? 0))).slice(1));
  } finally {
    await context.close();
  }
}
