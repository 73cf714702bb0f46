import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectInputs } from '../node/unit-files';
import { HostService } from './host-service';
import { diskDeps } from './testing/host-deps.testutil';
import { RecentFiles } from './recent-files';

vi.mock('electron', () => ({}));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-folder-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function service(folder: string | null) {
  const recent = new RecentFiles(join(dir, 'recent.json'), false);
  await recent.load();
  const deps = diskDeps(dir, recent);
  const known = deps.known;
  const s = new HostService({
    showOpenDialog: async () => null,
    showSaveDialog: async () => null,
    showMessageBox: async () => 0,
    showFolderDialog: async () => folder,
    listUnitFiles: async (f) => (await collectInputs(f, [f])).inputs,
    onDocumentState: () => undefined,
    onRecentChanged: () => undefined,
    onSaveAbandoned: () => undefined,
    ...deps,
  });
  return { s, known };
}

describe('HostService.openFolder (批量审核)', () => {
  it('reads every .ysgk and .xlsx under the chosen folder, skips other files and Excel lock files, and hands the paths out', async () => {
    const units = join(dir, '报送');
    mkdirSync(join(units, '乡镇'), { recursive: true });
    writeFileSync(join(units, 'a.ysgk'), '{}');
    writeFileSync(join(units, '乡镇', 'b.xlsx'), 'x');
    writeFileSync(join(units, '~$b.xlsx'), 'lock');
    writeFileSync(join(units, '说明.txt'), 'no');
    const { s, known } = await service(units);
    const folder = await s.openFolder();
    expect(folder?.name).toBe('报送');
    expect(folder?.files.map((f) => f.path).sort()).toEqual([join(units, 'a.ysgk'), join(units, '乡镇', 'b.xlsx')].sort());
    expect(folder?.skipped).toEqual([]);
    expect(known.has(join(units, 'a.ysgk'))).toBe(true);
  });

  it('is null when the dialog is cancelled', async () => {
    const { s } = await service(null);
    expect(await s.openFolder()).toBeNull();
  });
});
