import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecoveryStore, recoveredName } from './recovery';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-rec-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('RecoveryStore', () => {
  it('has nothing to offer after a clean start', async () => {
    expect(await new RecoveryStore(join(dir, 'recovery')).read()).toBeNull();
  });

  it('offers the last autosaved copy until cleared', async () => {
    const store = new RecoveryStore(join(dir, 'recovery'), () => new Date('2024-03-01T08:00:00Z'));
    await store.write(new TextEncoder().encode('{"a":1}'), '若羌县医疗保障局.ysgk');
    await store.write(new TextEncoder().encode('{"a":2}'), '若羌县医疗保障局.ysgk');
    const again = new RecoveryStore(join(dir, 'recovery')); // a new process after a crash
    const found = await again.read();
    expect(new TextDecoder().decode(found!.bytes)).toBe('{"a":2}');
    expect(found!.title).toBe('若羌县医疗保障局.ysgk');
    expect(found!.savedAt).toBe('2024-03-01T08:00:00.000Z');
    expect(await again.read()).not.toBeNull(); // reading does not consume: a second crash loses nothing
    await again.clear();
    expect(await again.read()).toBeNull();
  });

  it('still offers the data when its info file is damaged', async () => {
    const folder = join(dir, 'recovery');
    mkdirSync(folder);
    const store = new RecoveryStore(folder);
    writeFileSync(store.dataPath, 'data');
    writeFileSync(store.infoPath, '{broken');
    expect((await store.read())!.title).toBe('');
  });

  it('names the restored document so it is not mistaken for the saved one', () => {
    expect(recoveredName('2024年预算.ysgk')).toBe('2024年预算（恢复）.ysgk');
    expect(recoveredName('')).toBe('未命名（恢复）.ysgk');
    expect(recoveredName('a/b:c')).toBe('a_b_c（恢复）.ysgk');
  });
});
