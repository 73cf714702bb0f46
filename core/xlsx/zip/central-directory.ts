import { strFromU8 } from 'fflate';

/**
 * Reads a zip's central directory (the list of parts at the end of the file) without inflating anything. The sizes
 * it declares are only a hint for a fast early refusal: a hostile file can lie about them, so `bounded-unzip.ts`
 * counts the bytes it really inflates.
 */
export interface ZipEntryInfo {
  name: string;
  /** General-purpose flags; bit 0 = encrypted. */
  flags: number;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** As declared; never trusted for memory. */
  declaredSize: number;
  localHeaderOffset: number;
}

export type CentralDirectory =
  | { ok: true; entries: ZipEntryInfo[] }
  | { ok: false; problem: 'damaged' | 'zip64' | 'tooManyEntries'; count?: number };

export function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
export function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}

export function readCentralDirectory(bytes: Uint8Array, maxEntries: number): CentralDirectory {
  const damaged = { ok: false as const, problem: 'damaged' as const };
  // End of central directory: last 22 bytes plus an optional comment of up to 65 535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return damaged;
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return { ok: false, problem: 'zip64' };
  if (count > maxEntries) return { ok: false, problem: 'tooManyEntries', count };
  if (cdOffset + cdSize > bytes.length) return damaged;
  const entries: ZipEntryInfo[] = [];
  let pos = cdOffset;
  for (let n = 0; n < count; n++) {
    if (pos + 46 > bytes.length || u32(bytes, pos) !== 0x02014b50) return damaged;
    const flags = u16(bytes, pos + 8);
    const method = u16(bytes, pos + 10);
    let compressedSize = u32(bytes, pos + 20);
    let declaredSize = u32(bytes, pos + 24);
    const nameLen = u16(bytes, pos + 28);
    const extraLen = u16(bytes, pos + 30);
    const commentLen = u16(bytes, pos + 32);
    let localHeaderOffset = u32(bytes, pos + 42);
    if (pos + 46 + nameLen + extraLen + commentLen > bytes.length) return damaged;
    if (declaredSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // Some writers always use ZIP64 fields: the real values are in the extra field 0x0001, in this order.
      const real = zip64Fields(bytes, pos + 46 + nameLen, extraLen, [declaredSize, compressedSize, localHeaderOffset]);
      if (!real) return damaged;
      [declaredSize, compressedSize, localHeaderOffset] = real;
    }
    entries.push({ name: entryName(bytes.subarray(pos + 46, pos + 46 + nameLen), (flags & 0x800) !== 0), flags, method, compressedSize, declaredSize, localHeaderOffset });
    pos += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

function zip64Fields(bytes: Uint8Array, start: number, length: number, values: number[]): number[] | undefined {
  const u64 = (o: number) => u32(bytes, o) + u32(bytes, o + 4) * 0x100000000;
  for (let p = start; p + 4 <= start + length && p + 4 <= bytes.length; ) {
    const id = u16(bytes, p);
    const len = u16(bytes, p + 2);
    if (id === 0x0001) {
      let o = p + 4;
      const out = [...values];
      for (let i = 0; i < out.length; i++) {
        if (out[i] !== 0xffffffff) continue;
        if (o + 8 > p + 4 + len || o + 8 > bytes.length) return undefined;
        out[i] = u64(o);
        o += 8;
      }
      return out;
    }
    p += 4 + len;
  }
  return undefined;
}

/** UTF-8 when flag 11 says so, else byte-per-char (the names exceljs looks for are ASCII either way). */
function entryName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) {
    try {
      return strFromU8(raw);
    } catch {
      // fall through: a broken name is still a name to refuse or ignore
    }
  }
  let s = '';
  for (const b of raw) s += String.fromCharCode(b);
  return s;
}
