import type { Random } from './random';

/** Format-blind mutations: what a bad disk, a cut download or a USB stick pulled out mid-copy does to a file. */
export type ByteMutation = (input: Uint8Array, rnd: Random) => Uint8Array;

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x3c, 0x3e, 0xef, 0xbb, 0xbf];

export const BYTE_MUTATIONS: Record<string, ByteMutation> = {
  flipBits: (input, rnd) => {
    const out = input.slice();
    for (let n = 1 + rnd.int(16); n > 0 && out.length > 0; n -= 1) out[rnd.int(out.length)]! ^= 1 << rnd.int(8);
    return out;
  },
  interestingBytes: (input, rnd) => {
    const out = input.slice();
    for (let n = 1 + rnd.int(8); n > 0 && out.length > 0; n -= 1) out[rnd.int(out.length)] = rnd.pick(INTERESTING);
    return out;
  },
  truncate: (input, rnd) => input.slice(0, rnd.int(input.length + 1)),
  dropHead: (input, rnd) => input.slice(rnd.int(Math.max(1, input.length))),
  deleteRange: (input, rnd) => {
    const from = rnd.int(input.length + 1);
    const to = Math.min(input.length, from + 1 + rnd.int(4096));
    return concat(input.slice(0, from), input.slice(to));
  },
  insertGarbage: (input, rnd) => {
    const at = rnd.int(input.length + 1);
    return concat(input.slice(0, at), rnd.bytes(1 + rnd.int(512)), input.slice(at));
  },
  duplicateRange: (input, rnd) => {
    const from = rnd.int(input.length + 1);
    const to = Math.min(input.length, from + 1 + rnd.int(8192));
    const at = rnd.int(input.length + 1);
    return concat(input.slice(0, at), input.slice(from, to), input.slice(at));
  },
  zeroTail: (input, rnd) => {
    // What a power cut on a non-journaled FAT32 stick leaves: the right length, zeros at the end.
    const out = input.slice();
    out.fill(0, rnd.int(out.length + 1));
    return out;
  },
  invalidUtf8: (input, rnd) => {
    const at = rnd.int(input.length + 1);
    return concat(input.slice(0, at), new Uint8Array([rnd.pick([0xc3, 0xe4, 0xf0, 0xff, 0xfe])]), input.slice(at));
  },
  utf16: (input) => {
    // A file re-saved by Notepad as "Unicode": UTF-16LE with BOM.
    const text = new TextDecoder().decode(input);
    const out = new Uint8Array(2 + text.length * 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      out[2 + i * 2] = c & 0xff;
      out[3 + i * 2] = c >> 8;
    }
    return out;
  },
};

export const GARBAGE: Record<string, (rnd: Random) => Uint8Array> = {
  empty: () => new Uint8Array(0),
  randomBytes: (rnd) => rnd.bytes(rnd.int(65536)),
  text: () => new TextEncoder().encode('这不是一个预算文件，只是一段文字。\n'),
  zipHeaderOnly: (rnd) => concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), rnd.bytes(rnd.int(300))),
  oleHeader: (rnd) => concat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), rnd.bytes(rnd.int(4096))),
  pdf: () => new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF'),
  nulls: (rnd) => new Uint8Array(rnd.int(100_000)),
  jsonScalar: (rnd) => new TextEncoder().encode(rnd.pick(['null', '0', '"x"', '[]', '{}', 'true', '1e309', '-0'])),
  deepJson: (rnd) => {
    const depth = 1000 + rnd.int(200_000);
    return new TextEncoder().encode('['.repeat(depth) + ']'.repeat(depth));
  },
  csvLike: (rnd) => new TextEncoder().encode(Array.from({ length: rnd.int(200) }, () => `${rnd.int(1e9)},"名称${rnd.int(99)}"`).join('\r\n')),
};

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
