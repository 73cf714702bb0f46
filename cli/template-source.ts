import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { builtinTemplateSets, getBuiltinTemplateSet, parseTemplateSetText } from '../core/template/registry';
import type { TemplateSet } from '../core/template/template.schema';
import { ioErrorMessage } from '../node/io-errors';
import { TemplateStore } from '../node/template-store';

/**
 * What `--template` names: a built-in set's id, a set kept in the per-user store (`templates add`), or a set file
 * (`--template 财政局模板.json`). A file is validated exactly like a built-in set; every message is Chinese and
 * names the file.
 */
export type TemplateChoice = { ok: true; set: TemplateSet; file?: string } | { ok: false; message: string };

/** Set files are JSON; anything else that names an existing file is read as one too. */
function looksLikeFile(value: string): boolean {
  return /\.json$/i.test(value) || value.includes('/') || value.includes('\\');
}

/** A set file's text (limited in size: a set is a few hundred kB at most). */
export async function readSetFile(cwd: string, path: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const full = resolve(cwd, path);
  try {
    const info = await stat(full);
    if (info.isDirectory()) return { ok: false, message: `无法打开“${path}”：这是一个文件夹` };
    if (info.size > 20 * 1024 * 1024) return { ok: false, message: `“${path}”过大，不像是模板文件` };
    return { ok: true, text: await readFile(full, 'utf8') };
  } catch (error) {
    return { ok: false, message: ioErrorMessage('打开', path, error) };
  }
}

export async function parseSetFile(cwd: string, path: string, store = new TemplateStore()): Promise<TemplateChoice> {
  const read = await readSetFile(cwd, path);
  if (!read.ok) return read;
  const result = parseTemplateSetText(read.text, await store.lookup());
  if (!result.ok) return { ok: false, message: `模板文件“${path}”有 ${result.errors.length} 处错误：\n${result.errors.map((e) => `  ${e}`).join('\n')}` };
  return { ok: true, set: result.set, file: path };
}

export async function chooseTemplate(cwd: string, value: string, store = new TemplateStore()): Promise<TemplateChoice> {
  const builtin = getBuiltinTemplateSet(value);
  if (builtin) return { ok: true, set: builtin };
  if (!looksLikeFile(value)) {
    const stored = await store.get(value);
    if (stored) {
      return stored.result.ok
        ? { ok: true, set: stored.result.set }
        : { ok: false, message: `已保存的模板“${value}”（${stored.file}）有错误：\n${stored.result.errors.map((e) => `  ${e}`).join('\n')}` };
    }
    const exists = await stat(resolve(cwd, value)).then(() => true, () => false);
    if (!exists) return { ok: false, message: `未知的模板“${value}”，可用的模板有：${(await knownIds(store)).join('、')}；也可以给出模板文件，如 --template 模板.json` };
  }
  return parseSetFile(cwd, value, store);
}

/** Built-in ids, then stored ones. */
export async function knownIds(store = new TemplateStore()): Promise<string[]> {
  const stored = await store.list().catch(() => []);
  return [...builtinTemplateSets().map((s) => s.id), ...stored.map((s) => s.id)];
}

/**
 * Finds a document's set among the built-in and the stored ones, synchronously as `parseDocument` asks: the store
 * is read once, before. A document made with `new --template 模板.json` names a set the built-in list lacks.
 */
export async function templateResolver(store = new TemplateStore()): Promise<(id: string) => TemplateSet | undefined> {
  const stored = await store.list().catch(() => []);
  return (id) => {
    if (getBuiltinTemplateSet(id)) return getBuiltinTemplateSet(id);
    const found = stored.find((s) => s.id === id)?.result;
    return found?.ok ? found.set : undefined;
  };
}
