import { readCentralDirectory, type ZipEntryInfo } from './zip/central-directory';

/**
 * Checks the bytes of a supposed .xlsx before exceljs sees them, so that hostile or unusable files fail fast with a
 * Chinese message instead of exhausting memory or hanging: not a zip, an encrypted (password-protected) OLE
 * container or an old .xls, a zip bomb, a sheet too large to be a budget table. Only the zip's central directory is
 * read here (no decompression) for a fast refusal; its sizes can lie, so `zip/bounded-unzip.ts` then inflates with a
 * hard byte budget, and the merged ranges inside the sheets are checked by `merge-guard.ts`.
 */

export const INPUT_LIMITS = {
  /** The file itself. */
  maxFileBytes: 20 * 1024 * 1024,
  /**
   * One part (a sheet's XML) once inflated: a 10 000-row budget sheet is about 5 MB; 25 MB loads in seconds. Checked
   * on the declared size first, then enforced on the bytes really inflated (`zip/bounded-unzip.ts`).
   */
  maxEntryBytes: 25 * 1024 * 1024,
  /** All parts together once inflated (declared, then really inflated). */
  maxTotalBytes: 80 * 1024 * 1024,
  /** Declared inflated/compressed ratio above which a large part is treated as a zip bomb (fast refusal). */
  maxRatio: 200,
  /** Parts in the zip (a workbook has a few dozen). */
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
  const r = guardXlsxBytes(bytes, limits);
  return r.ok ? { ok: true } : r;
}

/** `checkXlsxBytes` that also hands back the parts it listed, for the bounded inflate that follows. */
export function guardXlsxBytes(bytes: Uint8Array, limits = INPUT_LIMITS): { ok: true; entries: ZipEntryInfo[] } | { ok: false; message: string } {
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
  const directory = readCentralDirectory(bytes, limits.maxEntries);
  const damaged = { ok: false as const, message: '文件已损坏或不完整（压缩包目录缺失），无法作为 Excel 工作簿读取。请重新导出或另存后再试。' };
  if (!directory.ok) {
    if (directory.problem === 'zip64') return { ok: false, message: '文件内容过大（ZIP64 格式），超过导入上限。请确认选择的是预算表工作簿。' };
    if (directory.problem === 'tooManyEntries') return { ok: false, message: `工作簿包含的部件过多（${directory.count} 个），疑似异常文件，已拒绝导入。` };
    return damaged;
  }
  // The declared sizes allow a fast refusal of an honest oversized file; the real bound is `unzipBounded`.
  let total = 0;
  const names = new Set<string>();
  for (const { name, flags, declaredSize: size, compressedSize: compressed } of directory.entries) {
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
  }
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) return { ok: false, message: '这是 Word 文档（.docx），不是 Excel 工作簿。请选择 .xlsx 文件。' };
    return { ok: false, message: '文件是压缩包但不是 Excel 工作簿（缺少 xl/workbook.xml）。请选择 .xlsx 文件。' };
  }
  return { ok: true, entries: directory.entries };
}
