import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecoveryStore } from '../node/recovery';
import { setAsideRecovery } from './recovery-aside';

vi.mock('electron', () => ({}));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-aside-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a recovery copy that cannot be opened', () => {
  it('is kept for support but no longer offered at startup', async () => {
    const store = new RecoveryStore(join(dir, 'recovery'));
    await store.write(new TextEncoder().encode('{"format":"budget-disclosure","meta":5'), '预算.ysgk');
    const kept = await setAsideRecovery(store, new Date('2026-12-04T21:30:00Z'));
    expect(kept).toBe(join(dir, 'recovery', '无法打开-2026-12-04T21-30-00-000Z.ysgk'));
    expect(readFileSync(kept!, 'utf8')).toBe('{"format":"budget-disclosure","meta":5');
    expect(await store.read()).toBeNull();
    expect(readdirSync(join(dir, 'recovery')).sort()).toEqual(['无法打开-2026-12-04T21-30-00-000Z.json', '无法打开-2026-12-04T21-30-00-000Z.ysgk']);
  });

  it('answers null when there is no copy', async () => {
    expect(await setAsideRecovery(new RecoveryStore(join(dir, 'none')))).toBeNull();
  });
});
