import { Deflate, strToU8 } from 'fflate';

/**
 * Builders of hostile zips for tests and the fuzzer, made at run time with fflate (no binary in the repository).
 */
export interface RawEntry {
  name: string;
  /** Bytes as stored in the zip (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** Uncompressed size written into both headers; a lie when it differs from the truth. */
  declaredSize: number;
}

/** A zip written byte by byte, so that its headers can say whatever a test needs. CRCs are 0 (nobody checks them). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    offset += b.length;
  };
  const header = (size: number) => {
    const b = new Uint8Array(size);
    const v = new DataView(b.buffer);
    return { b, u16: (o: number, n: number) => v.setUint16(o, n, true), u32: (o: number, n: number) => v.setUint32(o, n, true) };
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(offset);
    const name = strToU8(e.name);
    const h = header(30);
    h.u32(0, 0x04034b50); h.u16(4, 20); h.u16(8, e.method); h.u32(18, e.data.length); h.u32(22, e.declaredSize); h.u16(26, name.length);
    push(h.b);
    push(name);
    push(e.data);
  }
  const cdStart = offset;
  entries.forEach((e, i) => {
    const name = strToU8(e.name);
    const h = header(46);
    h.u32(0, 0x02014b50); h.u16(4, 20); h.u16(6, 20); h.u16(10, e.method); h.u32(20, e.data.length); h.u32(24, e.declaredSize);
    h.u16(28, name.length); h.u32(42, offsets[i]);
    push(h.b);
    push(name);
  });
  const end = header(22);
  end.u32(0, 0x06054b50); end.u16(8, entries.length); end.u16(10, entries.length); end.u32(12, offset - cdStart); end.u32(16, cdStart);
  push(end.b);
  const out = new Uint8Array(offset);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * A raw deflate stream of zeros about `compressedBytes` long (8 MB inflate to about 8 GB): byte-aligned units of
 * 1 MB of zeros (sync flush) repeated, then an empty final block. A repeated unit is valid because its
 * back-references only reach zeros.
 */
export function zerosDeflateStream(compressedBytes: number): Uint8Array {
  let pending: Uint8Array[] = [];
  const deflater = new Deflate({ level: 9 }, (chunk) => pending.push(chunk));
  const zeros = new Uint8Array(1024 * 1024);
  const unitOf = () => {
    deflater.push(zeros);
    deflater.flush(true);
    const unit = concat(pending);
    pending = [];
    return unit;
  };
  const first = unitOf();
  const unit = unitOf();
  const repeats = Math.max(1, Math.floor((compressedBytes - first.length) / unit.length));
  const out = new Uint8Array(first.length + repeats * unit.length + 2);
  out.set(first, 0);
  for (let i = 0; i < repeats; i++) out.set(unit, first.length + i * unit.length);
  // BFINAL=1, fixed Huffman, end of block: the standard empty final block.
  out.set([0x03, 0x00], out.length - 2);
  return out;
}

const text = (name: string, xml: string): RawEntry => ({ name, data: strToU8(xml), method: 0, declaredSize: strToU8(xml).length });

/**
 * An .xlsx-shaped zip whose sheet is a deflate stream of zeros `compressedBytes` long while both headers declare
 * `declaredSize` (1 KB): the central directory passes every size check, only counting the inflated bytes stops it.
 */
export function lyingZipBomb(compressedBytes = 8 * 1024 * 1024, declaredSize = 1024): Uint8Array {
  return rawZip([
    text('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    text('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'),
    { name: 'xl/worksheets/sheet1.xml', data: zerosDeflateStream(compressedBytes), method: 8, declaredSize },
  ]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
