import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { checkXlsxBytes, INPUT_LIMITS } from './input-guard';
import { importXlsx } from './import-xlsx';
import { expenditureTable2024, workbookBytes } from './testing/workbook-builders';

const bytesOf = (text: string) => new TextEncoder().encode(text);

/**
 * A zip made of headers only: the guard reads the central directory and never inflates, so the sizes it declares
 * are what is tested (a 50 MB sheet, a bomb) without building those files.
 */
function headerOnlyZip(entries: { name: string; compressed: number; size: number; flags?: number; zip64?: boolean }[]): Uint8Array {
  const parts: number[] = [];
  const u16 = (n: number) => parts.push(n & 0xff, (n >> 8) & 0xff);
  const u32 = (n: number) => parts.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  const name = (s: string) => [...s].forEach((c) => parts.push(c.charCodeAt(0)));
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(parts.length);
    u32(0x04034b50); u16(20); u16(e.flags ?? 0); u16(8); u16(0); u16(0); u32(0); u32(e.compressed); u32(e.size);
    u16(e.name.length); u16(0); name(e.name);
  }
  const cd = parts.length;
  entries.forEach((e, i) => {
    const big = e.zip64 ? 0xffffffff : undefined;
    u32(0x02014b50); u16(20); u16(20); u16(e.flags ?? 0); u16(8); u16(0); u16(0); u32(0); u32(big ?? e.compressed); u32(big ?? e.size);
    u16(e.name.length); u16(e.zip64 ? 20 : 0); u16(0); u16(0); u16(0); u32(0); u32(offsets[i]); name(e.name);
    if (e.zip64) {
      // ZIP64 extra field: uncompressed then compressed size, 8 bytes each.
      u16(0x0001); u16(16); u32(e.size); u32(0); u32(e.compressed); u32(0);
    }
  });
  const cdSize = parts.length - cd;
  u32(0x06054b50); u16(0); u16(0); u16(entries.length); u16(entries.length); u32(cdSize); u32(cd); u16(0);
  return new Uint8Array(parts);
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function oleFile(withEncryption: boolean): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set(OLE, 0);
  if (withEncryption) {
    const name = 'EncryptionInfo';
    for (let i = 0; i < name.length; i++) bytes[1024 + i * 2] = name.charCodeAt(i);
  }
  return bytes;
}

async function message(bytes: Uint8Array, limits = INPUT_LIMITS): Promise<string> {
  const r = await importXlsx(bytes, { limits });
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
}

describe('bad input gives a clear Chinese message, never a crash', () => {
  it('not an xlsx (a text file, an empty file, a truncated zip, a Word file)', async () => {
    expect(await message(bytesOf('编码,名称\n208,社会保障和就业支出\n'))).toContain('不是 Excel 工作簿');
    expect(await message(new Uint8Array(0))).toContain('空的');
    const good = await workbookBytes([expenditureTable2024([])]);
    expect(await message(good.subarray(0, good.length - 40))).toContain('损坏');
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<w:document/>');
    expect(await message(await docx.generateAsync({ type: 'uint8array' }))).toContain('Word 文档');
  });

  it('password-protected workbook (encrypted OLE container) and an old .xls', async () => {
    expect(await message(oleFile(true))).toContain('设置了打开密码');
    expect(await message(oleFile(false))).toContain('.xls');
  });

  it('a zip bomb (real deflate of 5 MB of zeros) and a declared bomb', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', '0'.repeat(5 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await message(bomb)).toContain('压缩炸弹');
    const declared = headerOnlyZip([
      { name: 'xl/workbook.xml', compressed: 100, size: 200 },
      { name: 'xl/worksheets/sheet1.xml', compressed: 10_000, size: 20 * 1024 * 1024 },
    ]);
    expect(checkXlsxBytes(declared)).toMatchObject({ ok: false });
  });

  it('a 50 MB sheet and a workbook too large in total', async () => {
    const big = headerOnlyZip([
      { name: 'xl/workbook.xml', compressed: 100, size: 200 },
      { name: 'xl/worksheets/sheet1.xml', compressed: 5 * 1024 * 1024, size: 50 * 1024 * 1024 },
    ]);
    expect(await message(big)).toContain('超过单个工作表');
    const many = headerOnlyZip([
      { name: 'xl/workbook.xml', compressed: 100, size: 200 },
      ...[1, 2, 3, 4].map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, compressed: 4 * 1024 * 1024, size: 24 * 1024 * 1024 })),
    ]);
    expect(await message(many)).toContain('解压后超过');
  });

  it('reads the real sizes of ZIP64 entries', () => {
    const small = headerOnlyZip([{ name: 'xl/workbook.xml', compressed: 100, size: 200, zip64: true }]);
    expect(checkXlsxBytes(small)).toEqual({ ok: true });
    const big = headerOnlyZip([
      { name: 'xl/workbook.xml', compressed: 100, size: 200 },
      { name: 'xl/worksheets/sheet1.xml', compressed: 5 * 1024 * 1024, size: 50 * 1024 * 1024, zip64: true },
    ]);
    const r = checkXlsxBytes(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('超过单个工作表');
  });

  it('a file over the size limit is refused before anything is parsed', () => {
    const r = checkXlsxBytes(new Uint8Array(INPUT_LIMITS.maxFileBytes + 1));
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain('文件过大');
  });

  it('an encrypted zip entry', () => {
    const r = checkXlsxBytes(headerOnlyZip([{ name: 'xl/workbook.xml', compressed: 100, size: 200, flags: 1 }]));
    expect(r).toMatchObject({ ok: false });
  });

  it('a sheet with more cells than the limit', async () => {
    const bytes = await workbookBytes([expenditureTable2024([['208', null, null, '社会保障和就业支出', 1, 1, null]])]);
    expect(await message(bytes, { ...INPUT_LIMITS, maxCellsPerSheet: 20 })).toContain('数据量过大');
  });

  it('an unknown template id', async () => {
    const bytes = await workbookBytes([expenditureTable2024([])]);
    const r = await importXlsx(bytes, { templateId: 'no-such-set' });
    expect(r.ok).toBe(false);
  });
});
