import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type FirstPaint = typeof import('./first-paint');

/** A fresh copy of the module (its holds are page-wide state) with timers and frames under the test's control. */
async function load(): Promise<FirstPaint> {
  vi.resetModules();
  return import('./first-paint');
}

/** The order in which waiting requests went on, by label. */
function requests(m: FirstPaint) {
  const order: string[] = [];
  const ask = (label: string) => void m.tableShown().then(() => order.push(label));
  return { order, ask };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 16));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('checks wait for a table on screen', () => {
  it('at startup, until the first table has painted', async () => {
    const m = await load();
    const { order, ask } = requests(m);
    ask('open');
    await vi.advanceTimersByTimeAsync(500);
    expect(order).toEqual([]);
    m.markTableShown();
    await vi.advanceTimersByTimeAsync(20);
    expect(order).toEqual(['open']);
  });

  it('for each opened document, in the order asked, and never longer than the fallback wait', async () => {
    const m = await load();
    const { order, ask } = requests(m);
    m.markTableShown();
    await vi.advanceTimersByTimeAsync(20);
    ask('edit of the first document');
    m.holdChecksUntilTableShown();
    ask('open of the second');
    ask('its first edit');
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['edit of the first document']);
    // No table shows (a text section is open): the checks go on after the fallback wait.
    await vi.advanceTimersByTimeAsync(1500);
    expect(order).toEqual(['edit of the first document', 'open of the second', 'its first edit']);
  });

  it('a document opened before the first table painted is held until its own table painted', async () => {
    const m = await load();
    const { order, ask } = requests(m);
    ask('startup open');
    m.holdChecksUntilTableShown();
    ask('second open');
    m.markTableShown();
    await vi.advanceTimersByTimeAsync(20);
    expect(order).toEqual(['startup open', 'second open']);
  });
});

describe('afterTableShown', () => {
  /** A client that records, by label, the order in which requests reached it. */
  function client(m: FirstPaint) {
    const sent: string[] = [];
    const wrapped = m.afterTableShown({
      run: (kind, payload) => {
        sent.push(`${kind} ${(payload as unknown as { label: string }).label}`);
        return Promise.resolve({ ok: true, value: undefined } as never);
      },
    });
    const send = (label: string) => void wrapped.run('sessionPatch', { label } as never);
    return { sent, send };
  }

  it('sends at once, in the caller\'s task, when nothing is held', async () => {
    const m = await load();
    m.markTableShown();
    await vi.advanceTimersByTimeAsync(20);
    const { sent, send } = client(m);
    send('edit');
    expect(sent).toEqual(['sessionPatch edit']);
  });

  it('keeps the order while a hold is released: a later request never overtakes a waiting one', async () => {
    const m = await load();
    const { sent, send } = client(m);
    send('open');
    m.markTableShown();
    // The hold is released (timers run, promise callbacks not yet): the open has not gone out when the edit is made.
    vi.advanceTimersByTime(20);
    expect(sent).toEqual([]);
    send('edit 1');
    await vi.advanceTimersByTimeAsync(0);
    send('edit 2');
    expect(sent).toEqual(['sessionPatch open', 'sessionPatch edit 1', 'sessionPatch edit 2']);
    m.holdChecksUntilTableShown();
    send('second open');
    expect(sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1500);
    expect(sent.at(-1)).toBe('sessionPatch second open');
  });
});
