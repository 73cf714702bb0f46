import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync, strFromU8, strToU8, unzipSync } from 'fflate';
import { readCentralDirectory } from './central-directory';
import { repackStored, unzipBounded } from './bounded-unzip';
import { lyingZipBomb, rawZip, zerosDeflateStream } from './hostile-zips';
import { INPUT_LIMITS } from '../input-guard';
import { importXlsx } from '../import-xlsx';
import { importCodeListXlsx } from '../import-code-list';
import { expenditureTable2024, workbookBytes } from '../testing/workbook-builders';

const listed = (bytes: Uint8Array) => {
  const cd = readCentralDirectory(bytes, INPUT_LIMITS.maxEntries);
  if (!cd.ok) throw new Error(cd.problem);
  return cd.entries;
};

describe('bounded unzip', () => {
  it('the test bomb really is one: its deflate stream inflates far beyond its size', () => {
    const stream = zerosDeflateStream(64 * 1024);
    expect(inflateSync(stream).length).toBeGreaterThan(50 * 1024 * 1024);
  });

  it('stops a part whose central directory lies about its size, with the Chinese message', () => {
    const bomb = lyingZipBomb(8 * 1024 * 1024);
    expect(listed(bomb).find((e) => e.name.endsWith('sheet1.xml'))?.declaredSize).toBe(1024);
    const r = unzipBounded(bomb, listed(bomb), INPUT_LIMITS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^工作簿解压后超过 25 MB，疑似异常文件/);
  });

  it('counts the total across parts as well as each part', () => {
    const part = deflateSync(new Uint8Array(600 * 1024));
    const bytes = rawZip([1, 2, 3].map((n) => ({ name: `xl/p${n}.xml`, data: part, method: 8, declaredSize: 10 })));
    const r = unzipBounded(bytes, listed(bytes), { maxEntryBytes: 1024 * 1024, maxTotalBytes: 1536 * 1024, maxEntries: 10 });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain('工作簿解压后超过 2 MB');
    const fits = unzipBounded(bytes, listed(bytes), { maxEntryBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024, maxEntries: 10 });
    expect(fits.ok).toBe(true);
    expect(unzipBounded(bytes, listed(bytes), { maxEntryBytes: 1 << 30, maxTotalBytes: 1 << 30, maxEntries: 2 })).toMatchObject({ ok: false });
  });

  it('a stored part larger than the budget is refused too; a corrupt stream is "damaged"', () => {
    const stored = rawZip([{ name: 'a.xml', data: new Uint8Array(2048), method: 0, declaredSize: 1 }]);
    expect(unzipBounded(stored, listed(stored), { maxEntryBytes: 1024, maxTotalBytes: 1 << 20, maxEntries: 5 })).toMatchObject({ ok: false });
    const corrupt = rawZip([{ name: 'a.xml', data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 8, declaredSize: 4 }]);
    const r = unzipBounded(corrupt, listed(corrupt), INPUT_LIMITS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('已损坏');
  });

  it('repacks the parts stored, byte for byte, and a part named __proto__ cannot break it', () => {
    const bytes = rawZip([
      { name: 'xl/workbook.xml', data: strToU8('<workbook/>'), method: 0, declaredSize: 11 },
      { name: '__proto__', data: strToU8('x'), method: 0, declaredSize: 1 },
      { name: 'xl/sheet.xml', data: deflateSync(strToU8('y')), method: 8, declaredSize: 1 },
    ]);
    const r = unzipBounded(bytes, listed(bytes), INPUT_LIMITS);
    if (!r.ok) throw new Error(r.message);
    const again = unzipSync(repackStored(r.entries));
    expect(strFromU8(again['xl/workbook.xml'])).toBe('<workbook/>');
    expect(strFromU8(again['xl/sheet.xml'])).toBe('y');
    const repacked = listed(repackStored(r.entries));
    expect(repacked.map((e) => e.name)).toEqual(['xl/workbook.xml', 'xl/sheet.xml']);
    expect(repacked.every((e) => e.method === 0)).toBe(true);
  });
});

describe('import goes through the bounded unzip', () => {
  it('a lying zip bomb fails the import with the Chinese message (was: heap out of memory)', async () => {
    const r = await importXlsx(lyingZipBomb());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('工作簿解压后超过');
    const codes = await importCodeListXlsx(lyingZipBomb(), { classification: 'functional', year: 2024 });
    expect(codes.errors.join('')).toContain('工作簿解压后超过');
  });

  it('an ordinary workbook still imports', async () => {
    const bytes = await workbookBytes([expenditureTable2024([['208', null, null, '社会保障和就业支出', 10, 6, 4]])]);
    const r = await importXlsx(bytes, { meta: { year: 2024 } });
    expect(r.ok).toBe(true);
  });
});
