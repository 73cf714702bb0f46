/**
 * Checks the bytes of a supposed .xlsx before exceljs sees them, so that hostile or unusable files fail fast with a
 * Chinese message instead of exhausting memory or hanging: not a zip, an encrypted (password-protected) OLE
 * container or an old .xls, a zip bomb, a sheet too large to be a budget table. Only the zip's central directory is
 * read (no decompression); the merged ranges inside the sheets are checked next by `merge-guard.ts`.
 */

export const INPUT_LIMITS = {
  /** The file itself. */
  maxFileBytes: 20 * 1024 * 1024,
  /** One part (a sheet's XML) once inflated: a 10 000-row budget sheet is about 5 MB; 25 MB loads in seconds. */
  maxEntryBytes: 25 * 1024 * 1024,
  /** All parts together once inflated. */
  maxTotalBytes: 80 * 1024 * 1024,
  /** Inflated/compressed ratio above which a large part is treated as a zip bomb. */
  maxRatio: 200,
  maxEntries: 5_000,
  /** Cells read from one sheet (checked after loading). */
  maxCellsPerSheet: 1_000_000,
  /**
   * Merged ranges, checked in the sheet XML before exceljs loads it (`merge-guard.ts`): exceljs creates every
   * covered cell (1 million merged cells take ~3 s and ~270 MB) and compares each merge with all earlier ones
   * (5 000 merges ~1 s, 10 000 ~13 s). A budget table merges a title, header cells and a few notes.
   */
  maxCellsPerMerge: 10_000,
  maxMergedCellsPerSheet: 200_000,
  maxMergesPerSheet: 5_000,
};

export type GuardResult = { ok: true } | { ok: false; message: string };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (const ch of text) pattern.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

export function checkXlsxBytes(bytes: Uint8Array, limits = INPUT_LIMITS): GuardResult {
  if (bytes.length === 0) return { ok: false, message: '文件是空的（0 字节），不是 Excel 工作簿。' };
  if (bytes.length > limits.maxFileBytes) {
    return { ok: false, message: `文件过大（${MB(bytes.length)}），超过导入上限 ${MB(limits.maxFileBytes)}。预算表通常不足 1 MB，请确认选择的文件。` };
  }
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    if (containsUtf16(bytes.subarray(0, Math.min(bytes.length, 4 * 1024 * 1024)), 'EncryptionInfo')) {
      return { ok: false, message: '该工作簿设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 再导入。' };
    }
    return { ok: false, message: '这是旧版 Excel 97-2003 工作簿（.xls）。请在 Excel 或 WPS 中“另存为” .xlsx 格式后再导入。' };
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    return { ok: false, message: '文件不是 Excel 工作簿（.xlsx）：内容格式无法识别。请选择 Excel 2007 及以上版本保存的 .xlsx 文件。' };
  }
  // End of central directory: last 22 bytes plus an optional comment of up to 65 535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  const damaged = { ok: false as const, message: '文件已损坏或不完整（压缩包目录缺失），无法作为 Excel 工作簿读取。请重新导出或另存后再试。' };
  if (eocd < 0) return damaged;
  const entries = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) {
    return { ok: false, message: '文件内容过大（ZIP64 格式），超过导入上限。请确认选择的是预算表工作簿。' };
  }
  if (entries > limits.maxEntries) return { ok: false, message: `工作簿包含的部件过多（${entries} 个），疑似异常文件，已拒绝导入。` };
  if (cdOffset + cdSize > bytes.length) return damaged;
  let pos = cdOffset;
  let total = 0;
  const names = new Set<string>();
  for (let n = 0; n < entries; n++) {
    if (pos + 46 > bytes.length || u32(bytes, pos) !== 0x02014b50) return damaged;
    const flags = u16(bytes, pos + 8);
    let compressed = u32(bytes, pos + 20);
    let size = u32(bytes, pos + 24);
    const nameLen = u16(bytes, pos + 28);
    const extraLen = u16(bytes, pos + 30);
    if (size === 0xffffffff || compressed === 0xffffffff) {
      // Some writers always use ZIP64 fields: the real sizes are in the extra field 0x0001.
      const real = zip64Sizes(bytes, pos + 46 + nameLen, extraLen, size === 0xffffffff, compressed === 0xffffffff);
      if (!real) return damaged;
      size = real.size ?? size;
      compressed = real.compressed ?? compressed;
    }
    const commentLen = u16(bytes, pos + 32);
    let name = '';
    for (let k = 0; k < nameLen; k++) name += String.fromCharCode(bytes[pos + 46 + k]);
    names.add(name);
    if (flags & 1) return { ok: false, message: '该工作簿的内容已加密，无法读取。请取消密码后另存为 .xlsx 再导入。' };
    if (size > limits.maxEntryBytes) {
      return { ok: false, message: `工作簿中的“${name}”解压后达 ${MB(size)}，超过单个工作表 ${MB(limits.maxEntryBytes)} 的上限。请只保留预算公开表后再导入。` };
    }
    if (size > 1024 * 1024 && size > compressed * limits.maxRatio) {
      return { ok: false, message: `工作簿中的“${name}”压缩比异常（疑似“压缩炸弹”），为安全起见已拒绝导入。` };
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      return { ok: false, message: `工作簿解压后超过 ${MB(limits.maxTotalBytes)}，超过导入上限。请只保留预算公开表后再导入。` };
    }
    pos += 46 + nameLen + extraLen + commentLen;
  }
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) return { ok: false, message: '这是 Word 文档（.docx），不是 Excel 工作簿。请选择 .xlsx 文件。' };
    return { ok: false, message: '文件是压缩包但不是 Excel 工作簿（缺少 xl/workbook.xml）。请选择 .xlsx 文件。' };
  }
  return { ok: true };
}

function zip64Sizes(bytes: Uint8Array, start: number, length: number, hasSize: boolean, hasCompressed: boolean): { size?: number; compressed?: number } | undefined {
  const u64 = (o: number) => u32(bytes, o) + u32(bytes, o + 4) * 0x100000000;
  for (let p = start; p + 4 <= start + length && p + 4 <= bytes.length; ) {
    const id = u16(bytes, p);
    const len = u16(bytes, p + 2);
    if (id === 0x0001) {
      let o = p + 4;
      const out: { size?: number; compressed?: number } = {};
      if (hasSize) {
        out.size = u64(o);
        o += 8;
      }
      if (hasCompressed) out.compressed = u64(o);
      return out;
    }
    p += 4 + len;
  }
  return undefined;
}
