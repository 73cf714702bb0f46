/**
 * UTF-8 without TextEncoder/TextDecoder: core compiles with no DOM or Node types, and a strict decoder lets a
 * damaged or non-UTF-8 file (GBK saved by another tool) be refused with a clear message instead of mojibake.
 */
export function encodeUtf8(text: string): Uint8Array {
  // Written into one buffer of the largest size (3 bytes per UTF-16 unit) rather than a list of numbers: a
  // consolidated 部门 document is megabytes of text, and saving it spent most of its time here.
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) out[n++] = cp;
    else if (cp < 0x800) {
      out[n++] = 0xc0 | (cp >> 6);
      out[n++] = 0x80 | (cp & 63);
    } else if (cp < 0x10000) {
      out[n++] = 0xe0 | (cp >> 12);
      out[n++] = 0x80 | ((cp >> 6) & 63);
      out[n++] = 0x80 | (cp & 63);
    } else {
      out[n++] = 0xf0 | (cp >> 18);
      out[n++] = 0x80 | ((cp >> 12) & 63);
      out[n++] = 0x80 | ((cp >> 6) & 63);
      out[n++] = 0x80 | (cp & 63);
    }
  }
  return out.slice(0, n);
}

/** Decodes strict UTF-8; returns null at the first invalid byte sequence. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  const parts: string[] = [];
  let chunk: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let cp: number;
    let n: number;
    if (b < 0x80) {
      cp = b;
      n = 0;
    } else if (b >= 0xc2 && b < 0xe0) {
      cp = b & 31;
      n = 1;
    } else if (b >= 0xe0 && b < 0xf0) {
      cp = b & 15;
      n = 2;
    } else if (b >= 0xf0 && b < 0xf5) {
      cp = b & 7;
      n = 3;
    } else return null;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 63);
    }
    if ((n === 2 && cp < 0x800) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    chunk.push(cp);
    if (chunk.length >= 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
    i += n + 1;
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}
