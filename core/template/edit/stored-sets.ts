import { getBuiltinTemplateSet, parseTemplateSetText, type ParseSetResult } from '../registry';

/**
 * The officer's own sets as a host keeps them (the per-user folder the CLI shares, or the browser's storage): one
 * set file's text per id. Reading them is the same for both hosts: each text through the one loader, an `extends`
 * resolved against the built-in sets and the other stored ones. A set that fails is reported with its id and its
 * errors and left out; it never stops the others or the program.
 */
export interface StoredSetText {
  id: string;
  text: string;
}

export interface StoredSetRead {
  id: string;
  result: ParseSetResult;
  /** The set's own `extends`, when it has one. */
  parent?: string;
}

export function readStoredSets(entries: readonly StoredSetText[]): StoredSetRead[] {
  const raw = new Map<string, unknown>();
  for (const e of entries) {
    try {
      raw.set(e.id, JSON.parse(e.text.replace(/^\uFEFF/, '')) as unknown);
    } catch {
      raw.set(e.id, undefined);
    }
  }
  return entries.map(({ id, text }) => {
    const json = raw.get(id);
    const parent = (json as { extends?: unknown } | undefined)?.extends;
    return { id, result: readOne(id, text, (other) => raw.get(other)), ...(typeof parent === 'string' ? { parent } : {}) };
  });
}

function readOne(id: string, text: string, others: (id: string) => unknown): ParseSetResult {
  if (getBuiltinTemplateSet(id)) return { ok: false, errors: [`模板标识“${id}”与内置模板相同，不能使用`] };
  const result = parseTemplateSetText(text, others);
  if (result.ok && result.set.id !== id) return { ok: false, errors: [`文件中的模板标识“${result.set.id}”与保存的标识“${id}”不同`] };
  return result;
}

/** One line naming a stored set that cannot be used, for the status line and the manager. */
export function storedSetProblem(read: StoredSetRead): string | null {
  if (read.result.ok) return null;
  const { errors } = read.result;
  return `已保存的模板“${read.id}”有 ${errors.length} 处错误，未加载：${errors[0] ?? ''}`;
}
