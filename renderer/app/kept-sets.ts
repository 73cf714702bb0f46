import type { Host } from '../../core/ipc/contract';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { readStoredSets, type StoredSetRead } from '../../core/template/edit/stored-sets';

/**
 * The officer's own template sets as the page sees the host's store: 加载模板集…, the set editor's 保存 and startup
 * all go through here, so a set is kept and read back the same way whichever way it came.
 */

/**
 * Keeps a valid set file in the host's store so it is there next time; a Chinese reason when it is not kept (the
 * id of a built-in set, a full disk), else null.
 */
export async function keepTemplateSet(host: Host, id: string, text: string): Promise<string | null> {
  if (getBuiltinTemplateSet(id)) return `模板标识“${id}”与内置模板相同，未保存到本机，只在本次使用`;
  try {
    await host.saveTemplateSet({ id, text });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The kept sets read through the loader (the host keeps texts; both hosts are read the same way). */
export async function readKept(host: Host): Promise<StoredSetRead[]> {
  return readStoredSets(await host.listTemplateSets());
}
