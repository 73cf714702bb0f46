import { describe, expect, it, vi } from 'vitest';
import type { Host, OpenedFile, UnitFilesRequest, UnitFileRead } from '../../core/ipc/contract';
import { serializeDocumentBytes } from '../../core/file/serialize';
import { mergeUnits, snapshotsOf } from '../../core/merge/merge-units';
import { setFor, withDerived } from '../../core/testing/builders';
import { MERGE_SET, unitDocuments, unitFileName } from '../../core/testing/merge-units';
import { planRemerge, readUnits } from './MergeDialog';
import type { Prompts } from './use-prompts';

const template = setFor(MERGE_SET);
const FOLDER = '/县财政局/各单位报送';

/** The desktop host's answer to 重新汇总 (electron/host-service.ts): absolute paths read, relative ones only beside a saved document. */
function desktopHost(disk: Map<string, Uint8Array>): Host {
  return {
    readUnitFiles: async ({ documentPath, files }: UnitFilesRequest): Promise<UnitFileRead[]> => files.map((file) => {
      const full = file.startsWith('/') ? file : documentPath ? `${documentPath.replace(/\/[^/]*$/, '')}/${file}` : null;
      if (!full) return { file, opened: null, reason: '部门文档尚未保存，无法确定该单位文件的位置' };
      const bytes = disk.get(full);
      return bytes ? { file, opened: { path: full, name: full.split('/').pop()!, bytes } } : { file, opened: null, reason: '找不到该文件' };
    }),
  } as unknown as Host;
}

describe('汇总下属单位 in the app, before the 部门 document is first saved', () => {
  it('records each unit by the absolute path the desktop dialog gave, so 重新汇总 of the unsaved document finds them', async () => {
    const docs = unitDocuments();
    const disk = new Map(docs.map((d, i) => [`${FOLDER}/${unitFileName(i)}`, serializeDocumentBytes(d)]));
    const chosen: OpenedFile[] = [...disk].map(([path, bytes]) => ({ path, name: path.split('/').pop()!, bytes }));
    const read = await readUnits(chosen);
    expect(read.unreadable).toEqual([]);
    const merged = mergeUnits(read.units.map((u) => u.unit), template, '测试局');
    if (!merged.ok) throw new Error(merged.message);
    expect(snapshotsOf(merged.doc).map((s) => s.file)).toEqual([...disk.keys()]);

    // A unit sends a new version; the 部门 document has never been saved (no path of its own).
    docs[1]!.tables.t3!.rows.find((r) => r.code?.length === 7 && (r.values.basic ?? 0) > 0)!.values.basic! += 100;
    disk.set(`${FOLDER}/${unitFileName(1)}`, serializeDocumentBytes(withDerived(docs[1]!)));
    const prompts = { confirm: vi.fn() } as unknown as Prompts;
    const plan = await planRemerge(desktopHost(disk), prompts, merged.doc, template, null);
    if (!plan?.ok) throw new Error(plan ? plan.message : '取消');
    expect(plan.changedUnits).toEqual(['下属单位2']);
    expect(plan.changes.length).toBeGreaterThan(0);
    expect(prompts.confirm).not.toHaveBeenCalled();
  });
});
