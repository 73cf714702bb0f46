import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../node/atomic-write';
import type { BudgetDocument } from '../core/document/document';
import { serializeDocumentBytes } from '../core/file/serialize';
import { parseDocument, type ParseDocumentResult } from '../core/file/parse';

/** File helpers shared by the subcommands: every write is atomic (node/atomic-write.ts). */

export async function writeDocument(cwd: string, path: string, doc: BudgetDocument): Promise<string> {
  const full = resolve(cwd, path);
  await writeFileAtomic(full, serializeDocumentBytes(doc), { backup: false });
  return full;
}

export async function writeBytes(cwd: string, path: string, bytes: Uint8Array): Promise<string> {
  const full = resolve(cwd, path);
  await writeFileAtomic(full, bytes, { backup: false });
  return full;
}

/** Reads and parses a document; the failure message is Chinese and names the file. */
export async function readDocument(cwd: string, path: string): Promise<ParseDocumentResult> {
  const full = resolve(cwd, path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : code === 'EACCES' ? '没有读取权限' : '无法读取';
    return { ok: false, message: `无法打开“${path}”：${why}` };
  }
  const r = parseDocument(bytes);
  return r.ok ? r : { ok: false, message: `${path}：${r.message}` };
}
