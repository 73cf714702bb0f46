import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostService } from './host-service';
import { diskDeps } from './testing/host-deps.testutil';
import { RecentFiles } from './recent-files';

vi.mock('electron', () => ({}));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-units-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function service(chosen: string[] | null) {
  const recent = new RecentFiles(join(dir, 'recent.json'), false);
  await recent.load();
  const deps = diskDeps(dir, recent);
  const dialog = vi.fn(async () => chosen);
  const s = new HostService({
    showOpenDialog: async () => null,
    showOpenFilesDialog: dialog,
    showSaveDialog: async () => null,
    showMessageBox: async () => 0,
    onDocumentState: () => undefined,
    onRecentChanged: () => undefined,
    onSaveAbandoned: () => undefined,
    ...deps,
  });
  return { s, known: deps.known, dialog };
}

describe('HostService: 汇总下属单位 and 重新汇总', () => {
  it('reads every unit file chosen in one dialog, without locking them', async () => {
    writeFileSync(join(dir, 'a.ysgk'), 'A');
    writeFileSync(join(dir, 'b.ysgk'), 'B');
    const { s, dialog } = await service([join(dir, 'a.ysgk'), join(dir, 'b.ysgk')]);
    const files = await s.openUnitFiles();
    expect(files?.map((f) => [f.name, new TextDecoder().decode(f.bytes), f.lockedBy, f.stamp])).toEqual([
      ['a.ysgk', 'A', undefined, undefined],
      ['b.ysgk', 'B', undefined, undefined],
    ]);
    expect(dialog).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('下属单位') }));
  });

  it('is null when the dialog is cancelled', async () => {
    const { s } = await service(null);
    expect(await s.openUnitFiles()).toBeNull();
  });

  it('re-reads units beside a document it handed out, or absolute; names every file it cannot read and reads no other kind', async () => {
    writeFileSync(join(dir, 'a.ysgk'), 'A');
    writeFileSync(join(dir, 'secret.txt'), 'no');
    const { s, known } = await service(null);
    const documentPath = join(dir, '部门.ysgk');
    known.add(documentPath);
    const read = await s.readUnitFiles({ documentPath, files: ['a.ysgk', join(dir, 'a.ysgk'), '缺.ysgk', 'secret.txt'] });
    expect(read.map((r) => [r.file, r.opened ? new TextDecoder().decode(r.opened.bytes) : null])).toEqual([
      ['a.ysgk', 'A'], [join(dir, 'a.ysgk'), 'A'], ['缺.ysgk', null], ['secret.txt', null],
    ]);
    expect(read[2]!.reason).toContain('缺.ysgk');
    expect(read[3]!.reason).toContain('.ysgk');
    // A relative name means nothing without a document the host knows.
    const unknown = await s.readUnitFiles({ documentPath: join(dir, 'other.ysgk'), files: ['a.ysgk'] });
    expect(unknown[0]!.opened).toBeNull();
    expect(unknown[0]!.reason).toContain('尚未保存');
  });
});
