import { stat } from 'node:fs/promises';
import { realpathSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { writeFilesAtomic, type BatchEntry } from '../node/atomic-batch';
import { readLock } from '../node/lock-file';
import { ioErrorMessage, isIoError, type IoAction } from '../node/io-errors';
import { diskChange, readWithStamp, type FileStamp } from '../node/file-stamp';
import type { BudgetDocument } from '../core/document/document';
import { serializeDocumentBytes } from '../core/file/serialize';
import { parseDocument, type ParseDocumentResult } from '../core/file/parse';
import { templateResolver } from './template-source';

/**
 * File helpers shared by the subcommands. The CLI never loses work:
 * - an output that is one of the command's inputs (same real path or same file by dev+ino: `./w.ysgk`, a symlink,
 *   a hard link) is refused, always;
 * - an existing output is refused unless --overwrite, and then the old file is kept as "<file>.bak";
 * - a document another program (the app) holds locked is refused unless --overwrite;
 * - all outputs of one command are written all or none, each atomically (node/atomic-batch.ts);
 * - every failure is a CliFailure whose message is Chinese and names the user's file, never a temp file.
 */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** How files are written; tests inject a failing one (disk full, file in use…) through CliIO.writeFiles. */
export type WriteFiles = (entries: readonly BatchEntry[]) => Promise<void>;

export interface Output {
  /** As the user typed it (messages name this). */
  path: string;
  bytes: Uint8Array;
}

export interface WritePolicy {
  /** --overwrite: replace existing outputs (keeping .bak) and write although the app holds the document's lock. */
  overwrite: boolean;
  /** Files the command reads; no output may be one of them. */
  inputs: readonly string[];
  /** Verb for messages: 保存 (documents) or 导出. */
  action?: IoAction;
  writeFiles?: WriteFiles;
}

/** The write policy of a command run: --overwrite from its options, the injected writer from its CliIO. */
export function policyOf(
  io: { writeFiles?: WriteFiles },
  options: Readonly<Record<string, string | true>>,
  inputs: readonly string[],
  action: IoAction,
): WritePolicy {
  return { overwrite: options.overwrite === true, inputs, action, ...(io.writeFiles ? { writeFiles: io.writeFiles } : {}) };
}

function realOrResolved(full: string): string {
  try {
    return realpathSync.native(full);
  } catch {
    return full;
  }
}

/** Same file on disk: equal real paths, or equal device and inode (a hard link). */
export function sameFile(cwd: string, a: string, b: string): boolean {
  const fa = resolve(cwd, a);
  const fb = resolve(cwd, b);
  if (realOrResolved(fa) === realOrResolved(fb)) return true;
  try {
    const sa = statSync(fa, { bigint: true });
    const sb = statSync(fb, { bigint: true });
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function describeHolder(info: { holder: string; machine: string; since: string }): string {
  const since = new Date(info.since);
  const when = Number.isNaN(since.getTime())
    ? info.since
    : `${since.getFullYear()}-${String(since.getMonth() + 1).padStart(2, '0')}-${String(since.getDate()).padStart(2, '0')} ${String(since.getHours()).padStart(2, '0')}:${String(since.getMinutes()).padStart(2, '0')}`;
  return `${info.holder || '另一用户'}（计算机 ${info.machine || '未知'}，自 ${when} 起）`;
}

/**
 * Every check that needs no bytes: run it before the (possibly long) work so a refused command fails at once.
 * Throws CliFailure (exit 2).
 */
export async function checkOutputs(cwd: string, outputs: readonly string[], policy: Omit<WritePolicy, 'writeFiles'>): Promise<void> {
  for (const [i, out] of outputs.entries()) {
    for (const input of policy.inputs) {
      if (sameFile(cwd, out, input)) {
        throw new CliFailure(`输出文件“${out}”就是输入文件“${input}”，未写入任何文件：这样会用输出覆盖输入。请另选输出文件名。`);
      }
    }
    for (const other of outputs.slice(0, i)) {
      if (sameFile(cwd, out, other)) throw new CliFailure(`“${other}”与“${out}”是同一个文件，未写入任何文件。请为每个输出另选文件名。`);
    }
    const full = resolve(cwd, out);
    const info = await stat(full).catch(() => null);
    if (info?.isDirectory()) throw new CliFailure(ioErrorMessage(policy.action ?? '写入', out, { code: 'EISDIR' }));
    if (info && !policy.overwrite) {
      throw new CliFailure(`“${out}”已存在，未写入任何文件。要替换它请加 --overwrite（原文件将保存为“${out}.bak”），或另选文件名。`);
    }
    if (!policy.overwrite) await refuseLocked(full, out);
  }
}

/** The app (or another CLI run) has the document open: writing it now would be overwritten by its next save. */
async function refuseLocked(full: string, userPath: string): Promise<void> {
  const lock = await readLock(full).catch(() => null);
  if (!lock || (lock.pid === process.pid && lock.machine === hostname())) return;
  throw new CliFailure(
    `“${userPath}”正由 ${describeHolder(lock)}在预算公开编制助手中打开，未写入。请先在该程序中关闭文件后重试，或加 --overwrite 仍然写入（对方未保存的修改可能与此冲突）。`,
  );
}

/** Checks, then writes all outputs or none. Returns the full paths written, in order. */
export async function writeOutputs(cwd: string, outputs: readonly Output[], policy: WritePolicy): Promise<string[]> {
  await checkOutputs(cwd, outputs.map((o) => o.path), policy);
  const entries: BatchEntry[] = [];
  for (const o of outputs) {
    const full = resolve(cwd, o.path);
    const exists = await stat(full).then(() => true, () => false);
    entries.push({ target: full, bytes: o.bytes, backup: exists });
  }
  try {
    await (policy.writeFiles ?? writeFilesAtomic)(entries);
  } catch (error) {
    throw new CliFailure(writeFailureMessage(cwd, outputs, error, policy.action ?? '写入'));
  }
  return entries.map((e) => e.target);
}

function writeFailureMessage(cwd: string, outputs: readonly Output[], error: unknown, action: IoAction): string {
  const failed = (error as { failedTarget?: unknown } | null)?.failedTarget;
  const culprit = outputs.find((o) => typeof failed === 'string' && resolve(cwd, o.path) === failed) ?? (outputs.length === 1 ? outputs[0] : undefined);
  const names = outputs.map((o) => `“${o.path}”`).join('、');
  const nothing = outputs.length > 1 ? `${names}均未写入。` : '';
  if (!isIoError(error)) return `无法${action}${names}：${INTERNAL_ERROR}`;
  return `${ioErrorMessage(action, culprit?.path ?? outputs.map((o) => o.path).join('、'), error)}${nothing}`;
}

export const INTERNAL_ERROR = '程序内部错误，操作未完成。请将所用文件和命令行反馈给技术支持。';

/** A document as a file to write (new, sample, import). */
export function documentOutput(path: string, doc: BudgetDocument): Output {
  return { path, bytes: serializeDocumentBytes(doc) };
}

export type ReadDocumentResult = (ParseDocumentResult & { ok: false }) | (ParseDocumentResult & { ok: true; stamp: FileStamp });

/** Reads and parses a document; the failure message is Chinese and names the file. */
export async function readDocument(cwd: string, path: string): Promise<ReadDocumentResult> {
  const full = resolve(cwd, path);
  let bytes: Uint8Array;
  let stamp: FileStamp;
  try {
    ({ bytes, stamp } = await readWithStamp(full));
  } catch (error) {
    return { ok: false, message: ioErrorMessage('打开', path, error) };
  }
  let r: ParseDocumentResult;
  try {
    // A document made from a bureau's set names it by id: the per-user store (`templates add`) knows it.
    r = parseDocument(bytes, { resolveTemplate: await templateResolver() });
  } catch (error) {
    // The parser guards nesting depth itself; this is the last line should a RangeError still escape it.
    if (error instanceof RangeError) return { ok: false, message: `无法打开“${path}”：${TOO_DEEP}` };
    throw error;
  }
  return r.ok ? { ...r, stamp } : { ok: false, message: `${path}：${r.message}` };
}

export const TOO_DEEP = '文件内容嵌套过深或结构异常，无法读取。请确认这是本程序保存的文件且没有损坏。';

/**
 * Updates a document in place (recompute --apply): keeps "<file>.bak", refuses when the app holds the document's
 * lock (unless --overwrite) or when the file changed on disk since it was read.
 */
export async function writeInPlace(
  cwd: string,
  path: string,
  bytes: Uint8Array,
  policy: { overwrite: boolean; stamp: FileStamp; writeFiles?: WriteFiles },
): Promise<string> {
  const full = resolve(cwd, path);
  if (!policy.overwrite) await refuseLocked(full, path);
  await refuseChangedSince(cwd, path, policy.stamp);
  try {
    await (policy.writeFiles ?? writeFilesAtomic)([{ target: full, bytes, backup: true }]);
  } catch (error) {
    throw new CliFailure(writeFailureMessage(cwd, [{ path, bytes }], error, '保存'));
  }
  return full;
}

/**
 * For commands that update a file in place: refuse when the file changed on disk since we read it (another program
 * saved meanwhile), so its save is not silently lost.
 */
export async function refuseChangedSince(cwd: string, path: string, stamp: FileStamp): Promise<void> {
  const change = await diskChange(resolve(cwd, path), stamp).catch(() => null);
  if (change) {
    throw new CliFailure(
      change.missing
        ? `“${path}”在处理期间被移走或删除，未写入。请确认文件位置后重新运行。`
        : `“${path}”在处理期间被其他程序修改，未写入（以免覆盖对方的修改）。请重新运行本命令。`,
    );
  }
}
