import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { importXlsx as importWorkbook } from './import-xlsx';
import type { ImportXlsxOptions } from './import-xlsx';
import { importCodeListXlsx } from './import-code-list';
import { INPUT_LIMITS } from './input-guard';
import { mergeArea } from './merge-guard';
import { loadFailureMessage } from './import/sheet-reader';
import { expenditureTable2024, workbookBytes } from './testing/workbook-builders';

/** Workbooks here print no year; the file name carries it, as officers' files usually do. */
const importXlsx = (bytes: Uint8Array, options: ImportXlsxOptions = {}) => importWorkbook(bytes, { fileName: '预算公开2024年.xlsx', ...options });

/** Rewrites one part of a workbook written by exceljs, the way a hostile or broken generator would. */
async function patchPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}`);
  zip.file(part, edit(await file.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Appends merges to a sheet as a second <mergeCells> list (as the fuzzer does), next to any it already has. */
const addMerges = (bytes: Uint8Array, refs: string[], part = 'xl/worksheets/sheet1.xml') =>
  patchPart(bytes, part, (xml) =>
    xml.replace('</worksheet>', `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells></worksheet>`),
  );

const table = () =>
  expenditureTable2024([['208', null, null, '社会保障和就业支出', 10, 6, 4]], { sheet: '支出总表' });

async function refusal(bytes: Uint8Array, limits = INPUT_LIMITS): Promise<string> {
  const r = await importXlsx(bytes, { limits });
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
}

/** Chinese only: apart from product names and the cell range quoted back, no Latin words (library text). */
function expectPurelyChinese(message: string, ...quoted: string[]): void {
  let rest = message;
  for (const q of [...quoted, 'Excel', 'WPS', '.xlsx']) rest = rest.split(q).join('');
  expect(rest).toMatch(/[\u4e00-\u9fff]/);
  expect(rest).not.toMatch(/[A-Za-z]{2,}/);
}

describe('giant merged ranges are refused before exceljs expands them', () => {
  it('a merge over the whole sheet names the sheet and the range', async () => {
    const bytes = await addMerges(await workbookBytes([table()]), ['A1:XFD1048576']);
    const message = await refusal(bytes);
    expect(message).toContain('工作表“支出总表”');
    expect(message).toContain('A1:XFD1048576');
    expect(message).toContain('共 171.8 亿个单元格');
    expectPurelyChinese(message, 'A1:XFD1048576');
  });

  it('a merge over a whole column, also written as exceljs reads "1:1048576"', async () => {
    const base = await workbookBytes([table()]);
    for (const ref of ['A1:A1048576', '1:1048576', 'A1:ZZ100000', "'支出总表'!B1:B1048576"]) {
      const message = await refusal(await addMerges(base, [ref]));
      expect(message).toContain('范围过大的合并单元格');
      expect(message).toContain(ref);
    }
  });

  it('names the right sheet when the giant merge is on the second of several sheets', async () => {
    const bytes = await workbookBytes([table(), expenditureTable2024([], { sheet: '附表&说明' })]);
    const message = await refusal(await addMerges(bytes, ['C3:C200000'], 'xl/worksheets/sheet2.xml'));
    expect(message).toContain('工作表“附表&说明”');
  });

  it('too many merges, or too many merged cells in all, on one sheet', async () => {
    const base = await workbookBytes([table()]);
    const small = Array.from({ length: 6 }, (_, i) => `J${i + 10}:K${i + 10}`);
    expect(await refusal(await addMerges(base, small), { ...INPUT_LIMITS, maxMergesPerSheet: 5 })).toContain('超过 5 处');
    const blocks = ['J10:M20', 'J30:M40', 'J50:M60'];
    expect(await refusal(await addMerges(base, blocks), { ...INPUT_LIMITS, maxMergedCellsPerSheet: 100 })).toContain('共覆盖超过 100 个单元格');
  });

  it('the code-list import goes through the same check', async () => {
    const bytes = await addMerges(await workbookBytes([table()]), ['A1:XFD1048576']);
    const r = await importCodeListXlsx(bytes, { classification: 'functional', year: 2024 });
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toContain('范围过大的合并单元格');
  });

  it('ordinary header and title merges still import cleanly', async () => {
    const t = { ...table(), merges: ['A4:D4', 'E4:G4', 'A5:C5', 'D5:D6'] };
    const bytes = await addMerges(await workbookBytes([t]), ['A20:G25']);
    const r = await importXlsx(bytes);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.document.tables.t3?.rows.find((row) => row.id === '208')?.values).toMatchObject({ total: 1000 });
  });
});

describe('mergeArea reads a ref the way exceljs does', () => {
  it('counts cells of ordinary, reversed, absolute and sheet-qualified ranges', () => {
    expect(mergeArea('A1:XFD1048576')).toBe(16_384 * 1_048_576);
    expect(mergeArea('A1:C3')).toBe(9);
    expect(mergeArea('C3:A1')).toBe(9);
    expect(mergeArea('$A$1:$B$2')).toBe(4);
    expect(mergeArea('Sheet1!A1:B2')).toBe(4);
    expect(mergeArea("'a b'!A1:B2")).toBe(4);
  });

  it('parts without a row or column count as 1 (exceljs expands "1:3" to A1:A3)', () => {
    expect(mergeArea('1:3')).toBe(3);
    expect(mergeArea('A:C')).toBe(3);
    expect(mergeArea('A1')).toBe(1);
    expect(mergeArea('')).toBe(1);
    // Beyond column XFD exceljs fails before expanding anything (and the load error is reported).
    expect(mergeArea('A1:ZZZZ9')).toBe(1);
  });
});

describe('refusals after a failed load are purely Chinese', () => {
  it('translates the common library errors and drops the rest', () => {
    const richText = loadFailureMessage(new TypeError("Cannot read properties of undefined (reading 'richText')"));
    expect(richText).toContain('共享字符串');
    expectPurelyChinese(richText);
    expect(loadFailureMessage(new Error('Cannot merge already merged cells'))).toContain('相互重叠的合并单元格');
    expect(loadFailureMessage(new Error('Out of bounds. Invalid column letter: ZZZZ'))).toContain('超出 Excel 范围');
    expect(loadFailureMessage(new Error('End of data reached (data length = 10, asked index = 40). Corrupted zip ?'))).toContain('压缩包');
    for (const m of ['x is not a function', 'Invalid Address: 1A', 'Something else entirely']) expectPurelyChinese(loadFailureMessage(new Error(m)));
  });

  it('a sheet whose text cells point past the shared-string table', async () => {
    const bytes = await patchPart(await workbookBytes([table()]), 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(/(<c [^>]*t="s"[^>]*><v>)\d+(<\/v>)/, '$1999999$2'),
    );
    const message = await refusal(bytes);
    expect(message).toContain('共享字符串');
    expectPurelyChinese(message);
  });

  it('overlapping merges', async () => {
    const bytes = await addMerges(await workbookBytes([table()]), ['J1:K2', 'K2:L3']);
    const message = await refusal(bytes);
    expect(message).toContain('相互重叠的合并单元格');
    expectPurelyChinese(message);
  });
});
