import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostService, type HostServiceDeps } from './host-service';
import { diskDeps } from './testing/host-deps.testutil';
import { RecentFiles } from './recent-files';
import { TemplateStore } from '../node/template-store';
import { codedTable, testSet } from '../core/testing/builders';
import { draftFromSet, draftToText } from '../core/template/edit/set-draft';

vi.mock('electron', () => ({}));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-host-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

async function setup(overrides: Partial<HostServiceDeps> = {}) {
  const recent = new RecentFiles(join(dir, 'recent.json'), false);
  await recent.load();
  const mocks = {
    showOpenDialog: vi.fn(async (_o: { title: string }) => null as string | null),
    showSaveDialog: vi.fn(async (_o: { defaultPath: string }) => null as string | null),
    showMessageBox: vi.fn(async (_o: object) => 0),
    onDocumentState: vi.fn(),
    onRecentChanged: vi.fn(),
    onSaveAbandoned: vi.fn(),
  };
  const deps: HostServiceDeps = { ...mocks, ...diskDeps(dir, recent), ...overrides };
  return { service: new HostService(deps), deps: { ...mocks, recent } };
}

describe('HostService', () => {
  it('is the Electron host', async () => {
    const { service } = await setup();
    expect(await service.kind()).toBe('electron');
  });

  it('hands the command-line file to the renderer once, then allows saving over it', async () => {
    const path = join(dir, '双击打开.ysgk');
    writeFileSync(path, '{"v":1}');
    const { service, deps } = await setup({ startupPath: path });
    const file = await service.startupFile();
    expect(file).toMatchObject({ path, name: '双击打开.ysgk' });
    expect(dec(file!.bytes)).toBe('{"v":1}');
    expect(await service.startupFile()).toBeNull();
    await service.saveFile({ path, suggestedName: 'x', bytes: enc('{"v":2}'), kind: 'document' });
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
    expect(readFileSync(path, 'utf8')).toBe('{"v":2}');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('{"v":1}');
  });

  it('opens a document through the dialog and remembers it as recent', async () => {
    const path = join(dir, 'a.ysgk');
    writeFileSync(path, 'A');
    const { service, deps } = await setup();
    deps.showOpenDialog.mockResolvedValueOnce(path);
    const file = await service.openFile('document');
    expect(file!.name).toBe('a.ysgk');
    expect(await service.recentFiles()).toEqual([{ path, name: 'a.ysgk' }]);
    expect(deps.onRecentChanged).toHaveBeenCalled();
    expect(deps.showOpenDialog.mock.calls[0]![0].title).toBe('打开预算公开文档');
  });

  it('imports a workbook without adding it to the recent documents', async () => {
    const path = join(dir, 'b.xlsx');
    writeFileSync(path, 'PK');
    const { service, deps } = await setup();
    deps.showOpenDialog.mockResolvedValueOnce(path);
    expect((await service.openFile('xlsx'))!.name).toBe('b.xlsx');
    expect(await service.recentFiles()).toEqual([]);
  });

  it('returns null when a dialog is cancelled', async () => {
    const { service, deps } = await setup();
    expect(await service.openFile('document')).toBeNull();
    expect(await service.saveFile({ suggestedName: 'a', bytes: enc('x'), kind: 'xlsx' })).toBeNull();
    expect(deps.onSaveAbandoned).toHaveBeenCalled();
  });

  it('never writes to a path the renderer made up: it asks with a dialog instead', async () => {
    const { service, deps } = await setup();
    const forged = join(dir, 'forged.ysgk');
    const chosen = join(dir, 'chosen');
    deps.showSaveDialog.mockResolvedValueOnce(chosen);
    const result = await service.saveFile({ path: forged, suggestedName: 'x', bytes: enc('D'), kind: 'document' });
    expect(existsSync(forged)).toBe(false);
    expect(deps.showSaveDialog.mock.calls[0]![0].defaultPath).toBe(join(dir, 'forged.ysgk'));
    expect(result).toMatchObject({ path: `${chosen}.ysgk`, name: 'chosen.ysgk' }); // extension added for GTK dialogs
    expect(readFileSync(`${chosen}.ysgk`, 'utf8')).toBe('D');
  });

  it('strips folders from a suggested name', async () => {
    const { service, deps } = await setup();
    await service.saveFile({ suggestedName: '../../etc/预算:表.xlsx', bytes: enc('x'), kind: 'xlsx' });
    expect(deps.showSaveDialog.mock.calls[0]![0].defaultPath).toBe(join(dir, '预算_表.xlsx'));
  });

  it('exports without a backup and keeps exports out of the recent list', async () => {
    const { service, deps } = await setup();
    const target = join(dir, 'out.docx');
    writeFileSync(target, 'old');
    deps.showSaveDialog.mockResolvedValueOnce(target);
    await service.saveFile({ suggestedName: 'out.docx', bytes: enc('new'), kind: 'docx' });
    expect(existsSync(`${target}.bak`)).toBe(false);
    expect(await service.recentFiles()).toEqual([]);
  });

  it('reports a failed write in Chinese and releases the close guard', async () => {
    const { service, deps } = await setup();
    deps.showSaveDialog.mockResolvedValueOnce(join(dir, 'missing-folder', 'a.ysgk'));
    await expect(service.saveFile({ suggestedName: 'a', bytes: enc('x'), kind: 'document' })).rejects.toThrow(/无法保存“.*a\.ysgk”：文件或文件夹不存在。/);
    expect(deps.onSaveAbandoned).toHaveBeenCalled();
  });

  it('reopens only files on the recent list, and drops a vanished one from it', async () => {
    const path = join(dir, 'r.ysgk');
    writeFileSync(path, 'R');
    const { service, deps } = await setup();
    await expect(service.openRecent('/etc/passwd')).rejects.toThrow('不在最近打开列表');
    await deps.recent.add(path);
    expect(dec((await service.openRecent(path))!.bytes)).toBe('R');
    rmSync(path);
    await expect(service.openRecent(path)).rejects.toThrow(/无法打开“.*r\.ysgk”：文件或文件夹不存在/);
    expect(await service.recentFiles()).toEqual([]);
  });

  it('keeps a recovery copy named after the document, and a save clears it', async () => {
    const { service, deps } = await setup();
    await service.setDocumentState({ title: '2024年预算.ysgk', dirty: true });
    expect(deps.onDocumentState).toHaveBeenCalledWith('2024年预算.ysgk', true);
    await service.writeRecovery(enc('autosave'));
    const recovered = await service.takeRecovery();
    expect(recovered).toMatchObject({ path: '', name: '2024年预算（恢复）.ysgk' });
    expect(dec(recovered!.bytes)).toBe('autosave');
    deps.showSaveDialog.mockResolvedValueOnce(join(dir, 's.ysgk'));
    await service.saveFile({ suggestedName: 's', bytes: enc('saved'), kind: 'document' });
    expect(await service.takeRecovery()).toBeNull();
    await service.writeRecovery(enc('again'));
    await service.clearRecovery();
    expect(await service.takeRecovery()).toBeNull();
  });

  it('after a clean exit, an autosave still in flight leaves no recovery copy behind', async () => {
    const { service } = await setup();
    await service.writeRecovery(enc('before'));
    const late = service.writeRecovery(enc('late'));
    service.endRecovery();
    await late;
    await service.writeRecovery(enc('later still'));
    expect(await service.takeRecovery()).toBeNull();
  });

  it('asks yes/no questions with the given label and 取消', async () => {
    const { service, deps } = await setup();
    deps.showMessageBox.mockResolvedValueOnce(0).mockResolvedValueOnce(1);
    const request = { title: '导出', message: '仍有 3 个错误，是否导出？', okLabel: '仍然导出' };
    expect(await service.confirm(request)).toBe(true);
    expect(await service.confirm(request)).toBe(false);
    expect(deps.showMessageBox.mock.calls[0]![0]).toMatchObject({ buttons: ['仍然导出', '取消'], cancelId: 1, defaultId: 1 });
  });
});

describe('settings', () => {
  it('answers null for an unknown key, stores, and says in Chinese when the disk refuses', async () => {
    const { service } = await setup();
    expect(await service.getSetting('importMap:x')).toBeNull();
    await service.setSetting({ key: 'importMap:x', value: { template: 'x' } });
    expect(await service.getSetting('importMap:x')).toEqual({ template: 'x' });
    const failing = await setup({ settings: { get: async () => null, set: async () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOSPC' })) } });
    await expect(failing.service.setSetting({ key: 'k', value: 1 })).rejects.toThrow('设置未能保存：磁盘空间不足');
  });
});

describe('the officer\'s template sets', () => {
  const setText = (id: string) => draftToText(draftFromSet(testSet([codedTable('t1', ['total'], { no: '表1' })], { id })));

  it('are kept in the folder the command line reads: a set saved by the app is valid for `templates`, one added there is listed here', async () => {
    const { service } = await setup();
    const cli = new TemplateStore(join(dir, 'templates'));
    expect(await service.listTemplateSets()).toEqual([]);
    await service.saveTemplateSet({ id: 'bureau-app', text: setText('bureau-app') });
    const stored = await cli.list();
    expect(stored.map((s) => [s.id, s.result.ok])).toEqual([['bureau-app', true]]);
    await cli.save('bureau-cli', setText('bureau-cli'));
    expect((await service.listTemplateSets()).map((s) => s.id)).toEqual(['bureau-app', 'bureau-cli']);
    expect((await service.listTemplateSets())[1]!.text).toBe(setText('bureau-cli'));
    expect(await service.removeTemplateSet('bureau-cli')).toBe(true);
    expect(await service.removeTemplateSet('bureau-cli')).toBe(false);
    expect((await cli.list()).map((s) => s.id)).toEqual(['bureau-app']);
  });

  it('refuses a file that is not the set its id names, and says in Chinese when the disk refuses', async () => {
    const { service } = await setup();
    await expect(service.saveTemplateSet({ id: 'bureau-a', text: setText('bureau-b') })).rejects.toThrow('模板集未保存：文件内容不是模板“bureau-a”');
    await expect(service.saveTemplateSet({ id: 'bureau-a', text: '{ not json' })).rejects.toThrow('模板集未保存');
    const full = Object.assign(new Error('x'), { code: 'ENOSPC' });
    const failing = await setup({ templates: { texts: async () => [], save: async () => Promise.reject(full), remove: async () => false } });
    await expect(failing.service.saveTemplateSet({ id: 'bureau-a', text: setText('bureau-a') })).rejects.toThrow('模板集“bureau-a”未能保存：磁盘空间不足');
  });
});
