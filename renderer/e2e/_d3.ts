import { startHarness, openApp, openTable } from './harness';
const h = await startHarness();
try {
  const page = await openApp(h);
  await openTable(page, 't3');
  await page.waitForTimeout(500);
  console.log(await page.evaluate(() => {
    const e = document.elementFromPoint(1345, 340) as HTMLElement;
    const chain: string[] = [];
    let n: HTMLElement | null = e;
    while (n && chain.length < 6) { chain.push(n.className + ' bg=' + getComputedStyle(n).backgroundColor); n = n.parentElement; }
    return chain.join('\n') + '\nscrollbarW=' + (window.innerWidth - document.documentElement.clientWidth);
  }));
} finally { await h.close(); }
