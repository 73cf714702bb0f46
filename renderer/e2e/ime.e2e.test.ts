import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, expectCellText, openApp, openTable, rowIndexOf, screenshot, useHarness } from './harness';

/**
 * Chinese IME input into text cells, with the CDP recipe of docs/CHINESE-IME.md: CDP skips the system IME
 * but reproduces the browser's behaviour — while the focused element is not editable the first letter arrives as
 * a plain key press (what a real IME does there); once it is editable each letter is a 'Process' key (229) plus
 * imeSetComposition, and insertText commits the chosen characters.
 */
const h = useHarness();

async function focusIsEditable(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return !!a && (a.tagName === 'INPUT' || a.tagName === 'TEXTAREA' || a.isContentEditable);
  });
}

/** Types pinyin through a simulated IME; `commit` = the chosen characters (omit to leave the composition open). */
async function imeType(page: Page, cdp: CDPSession, pinyin: string, commit?: string): Promise<void> {
  let composing = '';
  for (const letter of pinyin) {
    if (!composing && !(await focusIsEditable(page))) {
      await page.keyboard.press(letter);
      continue;
    }
    const code = `Key${letter.toUpperCase()}`;
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    composing += letter;
    await cdp.send('Input.imeSetComposition', { text: composing, selectionStart: composing.length, selectionEnd: composing.length });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: letter, code, windowsVirtualKeyCode: letter.toUpperCase().charCodeAt(0) });
  }
  if (commit !== undefined) await cdp.send('Input.insertText', { text: commit });
}

/** Enter pressed to pick a candidate: the IME consumes it (key 'Process', 229) and commits the text. */
async function imePickWithEnter(cdp: CDPSession, text: string): Promise<void> {
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await cdp.send('Input.insertText', { text });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
}

async function setup() {
  const page = await openApp(h);
  const cdp = await page.context().newCDPSession(page);
  await openTable(page, 't7');
  const p1 = await rowIndexOf(page, 'p1');
  const p2 = await rowIndexOf(page, 'p2');
  return { page, cdp, p1, p2 };
}

const editing = (page: Page) => page.locator('.ag-cell-inline-editing').count();

describe('Chinese IME typing into a project name (AG Grid 12805)', () => {
  it('keeps every character of one phrase, with no stray first letter', async () => {
    const { page, cdp, p1 } = await setup();
    await page.click(cell(p1, 'name'));
    await imeType(page, cdp, 'ceshixiangmu', '测试项目');
    await page.keyboard.press('Enter');
    await expectCellText(page, p1, 'name', '测试项目');
    await screenshot(page, 'ime-one-phrase');
    await page.close();
  });

  it('keeps two phrases typed in a row', async () => {
    const { page, cdp, p1 } = await setup();
    await page.click(cell(p1, 'name'));
    await imeType(page, cdp, 'ceshi', '测试');
    await imeType(page, cdp, 'xiangmu', '项目');
    await page.keyboard.press('Enter');
    await expectCellText(page, p1, 'name', '测试项目');
    await page.close();
  });

  it('does not end the edit when Enter picks a candidate', async () => {
    const { page, cdp, p1 } = await setup();
    await page.click(cell(p1, 'name'));
    await imeType(page, cdp, 'yiliao', '医疗');
    await imeType(page, cdp, 'baozhang');
    await imePickWithEnter(cdp, '保障');
    expect(await editing(page)).toBe(1);
    await page.keyboard.press('Enter');
    await expectCellText(page, p1, 'name', '医疗保障');
    await page.close();
  });

  it('restores the old value on Escape after IME input', async () => {
    const { page, cdp, p1 } = await setup();
    const before = (await page.locator(cell(p1, 'name')).textContent()) ?? '';
    await page.click(cell(p1, 'name'));
    await imeType(page, cdp, 'xinmingcheng', '新名称');
    await page.keyboard.press('Escape');
    await expectCellText(page, p1, 'name', before);
    expect(await editing(page)).toBe(0);
    await page.close();
  });

  it('arrow to the next row, IME, then Tab saves and moves right', async () => {
    const { page, cdp, p1, p2 } = await setup();
    await page.click(cell(p1, 'name'));
    await page.keyboard.press('ArrowDown');
    await imeType(page, cdp, 'dierxiangmu', '第二项目');
    await page.keyboard.press('Tab');
    await expectCellText(page, p2, 'name', '第二项目');
    await page.waitForSelector(`${cell(p2, 'total')}.ag-cell-focus`);
    await page.close();
  });

  it('makes no stray edit when the user clicks away during a composition', async () => {
    const { page, cdp, p1, p2 } = await setup();
    const before = (await page.locator(cell(p1, 'name')).textContent()) ?? '';
    await page.click(cell(p1, 'name'));
    await imeType(page, cdp, 'ceshi');
    await page.click(cell(p2, 'total'));
    await page.waitForSelector(`${cell(p2, 'total')}.ag-cell-focus`);
    expect(await editing(page)).toBe(0);
    await expectCellText(page, p1, 'name', before);
    await expect(page.locator('[data-command="undo"]').isDisabled()).resolves.toBe(true);
    await page.close();
  });

  it('still takes plain typing: "abc" and "123.45" + Enter', async () => {
    const { page, p1, p2 } = await setup();
    await page.click(cell(p1, 'name'));
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expectCellText(page, p1, 'name', 'abc');
    await page.click(cell(p2, 'name'));
    await page.keyboard.type('123.45');
    await page.keyboard.press('Enter');
    await expectCellText(page, p2, 'name', '123.45');
    await page.click(cell(p2, 'total'));
    await page.keyboard.type('123.45');
    await page.keyboard.press('Enter');
    await expectCellText(page, p2, 'total', '123.45');
    await screenshot(page, 'ime-plain-typing');
    await page.close();
  });

  it('F2 and double-click open the editor on a text cell with the old text kept', async () => {
    const { page, p1, p2 } = await setup();
    const before = (await page.locator(cell(p1, 'name')).textContent()) ?? '';
    await page.click(cell(p1, 'name'));
    await page.keyboard.press('F2');
    await page.waitForSelector('.ag-cell-inline-editing');
    await page.keyboard.type('X');
    await page.keyboard.press('Enter');
    await expectCellText(page, p1, 'name', `${before}X`);
    await page.dblclick(cell(p2, 'name'));
    await page.waitForSelector('.ag-cell-inline-editing');
    await page.keyboard.press('Escape');
    // The grid closes the editor on its next frame: wait for it rather than read at once (slow under load).
    await expect.poll(() => editing(page)).toBe(0);
    await page.close();
  });
});
