import { Inflate, zipSync, type Zippable } from 'fflate';
import { u16, u32, type ZipEntryInfo } from './central-directory';

/**
 * Inflates every part of a zip through fflate's streaming `Inflate`, counting the bytes that really come out: the
 * sizes the central directory declares can lie (a zip bomb that says 1 KB and inflates to gigabytes), so they are
 * never used to size anything. Inflating stops the moment a part or the whole workbook crosses its budget. exceljs
 * then gets `repackStored(entries)`: the same parts stored without compression, so neither exceljs nor jszip ever
 * inflates a stream an attacker controls.
 */
export interface UnzipBudget {
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxEntries: number;
}

export type UnzipResult = { ok: true; entries: Map<string, Uint8Array> } | { ok: false; message: string };

/**
 * Compressed bytes fed to the inflater per step. Deflate expands at most ~1032×, so one step yields at most ~4 MB
 * beyond a budget before the count stops it.
 */
const STEP = 4 * 1024;

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const DAMAGED = '文件已损坏或不完整（压缩包内容无法解开），无法作为 Excel 工作簿读取。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。';
const suspicious = (limit: number) =>
  `工作簿解压后超过 ${MB(limit)}，疑似异常文件（“压缩炸弹”或非预算表内容），为安全起见已停止导入。请确认选择的是预算公开表工作簿，或在 Excel 或 WPS 中只保留预算公开表后另存再导入。`;

class OverBudget extends Error {
  constructor(readonly limit: number) {
    super('over budget');
  }
}

export function unzipBounded(bytes: Uint8Array, list: readonly ZipEntryInfo[], budget: UnzipBudget): UnzipResult {
  if (list.length > budget.maxEntries) return { ok: false, message: `工作簿包含的部件过多（${list.length} 个），疑似异常文件，已拒绝导入。` };
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  for (const info of list) {
    if (info.name.endsWith('/')) continue; // a folder entry holds nothing
    if (info.flags & 1) return { ok: false, message: '该工作簿的内容已加密，无法读取。请取消密码后另存为 .xlsx 再导入。' };
    const data = compressedData(bytes, info);
    if (!data) return { ok: false, message: DAMAGED };
    const room = Math.min(budget.maxEntryBytes, budget.maxTotalBytes - total);
    const limit = room === budget.maxEntryBytes ? budget.maxEntryBytes : budget.maxTotalBytes;
    let out: Uint8Array;
    try {
      if (info.method === 0) {
        if (data.length > room) throw new OverBudget(limit);
        out = data;
      } else if (info.method === 8) out = inflateWithin(data, room, limit);
      else return { ok: false, message: '工作簿使用了不支持的压缩方式，无法读取。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。' };
    } catch (error) {
      if (error instanceof OverBudget) return { ok: false, message: suspicious(error.limit) };
      return { ok: false, message: DAMAGED };
    }
    total += out.length;
    // The first of duplicate names wins, as for jszip's reader (later ones cannot be addressed anyway).
    if (!entries.has(info.name)) entries.set(info.name, out);
  }
  return { ok: true, entries };
}

/** The compressed bytes of one part, located through its local header; undefined when they lie outside the file. */
function compressedData(bytes: Uint8Array, info: ZipEntryInfo): Uint8Array | undefined {
  const at = info.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) return undefined;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + info.compressedSize;
  if (end > bytes.length) return undefined;
  return bytes.subarray(start, end);
}

function inflateWithin(data: Uint8Array, room: number, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > room) throw new OverBudget(limit);
    chunks.push(chunk);
    if (final) finished = true;
  });
  for (let at = 0; at < data.length && !finished; at += STEP) {
    const end = Math.min(data.length, at + STEP);
    inflater.push(data.subarray(at, end), end === data.length);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** The parts again as a zip whose entries are stored (level 0): what exceljs loads. */
export function repackStored(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const files = Object.create(null) as Zippable;
  for (const [name, data] of entries) {
    // fflate collects names in a plain object, where "__proto__" would replace its prototype; exceljs reads no
    // such part, so it is left out.
    if (name === '__proto__') continue;
    files[name] = [data, { level: 0 }];
  }
  return zipSync(files, { level: 0 });
}
