import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeDocument, serializeDocumentBytes } from '../core/file/serialize';
import type { BudgetDocument } from '../core/document/document';
import { snapshotsOf } from '../core/merge/merge-units';
import { withAbsoluteUnitFiles } from '../core/merge/unit-paths';
import { mergedDocument, mergeUnitsOf, unitDocuments, unitFileName } from '../core/testing/merge-units';
import { HostService } from './host-service';
import { diskDeps } from './testing/host-deps.testutil';
import { RecentFiles } from './recent-files';

vi.mock('electron', () => ({}));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-units-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function service(chosen: string[] | null, saveAs: () => string | null = () => null) {
  const recent = new RecentFiles(join(dir, 'recent.json'), false);
  await recent.load();
  const deps = diskDeps(dir, recent);
  const dialog = vi.fn(async () => chosen);
  const s = new HostService({
    showOpenDialog: async () => null,
    showOpenFilesDialog: dialog,
    showSaveDialog: async () => saveAs(),
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

describe('HostService: saving a consolidated 部门 document', () => {
  const filesIn = (path: string) => snapshotsOf(JSON.parse(readFileSync(path, 'utf8')) as BudgetDocument).map((s) => s.file);

  it('records its units relative to the folder it is first saved in, so the folder can move and 重新汇总 still finds them', async () => {
    const county = join(dir, '县财政局');
    mkdirSync(join(county, '各单位报送'), { recursive: true });
    mkdirSync(join(county, '部门'));
    const docs = unitDocuments();
    const units = docs.map((d, i) => {
      const path = join(county, i === 2 ? '部门' : '各单位报送', unitFileName(i));
      writeFileSync(path, serializeDocument(d));
      return path;
    });
    const elsewhere = join(dir, '下载', unitFileName(3));
    mkdirSync(join(dir, '下载'));
    writeFileSync(elsewhere, serializeDocument(docs[0]!));
    // As the app's 汇总 leaves it: unsaved, each unit by the absolute path the dialog gave.
    const doc = mergedDocument(mergeUnitsOf([...docs, docs[0]!]));
    snapshotsOf(doc).forEach((s, i) => (s.file = [...units, elsewhere][i]!));

    let target = join(county, '部门', '测试局.ysgk');
    const { s, known } = await service(null, () => target);
    const bytes = serializeDocumentBytes(withAbsoluteUnitFiles(doc, null));
    const saved = await s.saveFile({ suggestedName: '测试局.ysgk', bytes, kind: 'document' });
    expect(saved?.path).toBe(target);
    expect(filesIn(target)).toEqual(['../各单位报送/单位1.ysgk', '../各单位报送/单位2.ysgk', '单位3.ysgk', elsewhere]);
    // The bytes on disk are the document the host reports and keeps: its stamp is of what it wrote.
    expect(saved?.stamp?.size).toBe(readFileSync(target).byteLength);

    // 保存 again over the same file, the page resolving what it read: the same relative paths.
    const reread = JSON.parse(readFileSync(target, 'utf8')) as BudgetDocument;
    await s.saveFile({ path: target, suggestedName: '测试局.ysgk', bytes: serializeDocumentBytes(withAbsoluteUnitFiles(reread, target)), kind: 'document', ...(saved?.stamp ? { basedOn: saved.stamp } : {}) });
    expect(filesIn(target)).toEqual(['../各单位报送/单位1.ysgk', '../各单位报送/单位2.ysgk', '单位3.ysgk', elsewhere]);

    // 另存为 into another folder: each unit recorded again from there.
    const before = target;
    target = join(county, '汇总', '测试局.ysgk');
    mkdirSync(join(county, '汇总'));
    await s.saveFile({ suggestedName: '测试局.ysgk', bytes: serializeDocumentBytes(withAbsoluteUnitFiles(reread, before)), kind: 'document' });
    expect(filesIn(target)).toEqual(['../各单位报送/单位1.ysgk', '../各单位报送/单位2.ysgk', '../部门/单位3.ysgk', elsewhere]);

    // The whole county folder moved: the document read from its new place finds every unit.
    const moved = join(dir, '移动后', '县财政局');
    cpSync(county, moved, { recursive: true });
    rmSync(county, { recursive: true });
    const documentPath = join(moved, '汇总', '测试局.ysgk');
    known.add(documentPath);
    const read = await s.readUnitFiles({ documentPath, files: filesIn(documentPath) });
    expect(read.map((r) => r.opened?.path)).toEqual([
      join(moved, '各单位报送', '单位1.ysgk'), join(moved, '各单位报送', '单位2.ysgk'), join(moved, '部门', '单位3.ysgk'), elsewhere,
    ]);
  });

  it('writes any other document byte for byte', async () => {
    const target = join(dir, '单位.ysgk');
    const { s } = await service(null, () => target);
    const bytes = serializeDocumentBytes(unitDocuments([4])[0]!);
    await s.saveFile({ suggestedName: '单位.ysgk', bytes, kind: 'document' });
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes);
  });
});
