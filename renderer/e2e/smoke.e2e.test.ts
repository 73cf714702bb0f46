import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the app in a browser', () => {
  it('opens the built-in sample with the outline, a grid and the findings panel', async () => {
    const page = await openApp(h);
    await expect(page.locator('.bd-outline-item').count()).resolves.toBeGreaterThan(10);
    await screenshot(page, 'smoke-t1');
    await page.close();
  });
});
