import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { importXlsx } from '../import-xlsx';
import { expenditureTable2024, workbookBytes } from '../testing/workbook-builders';

/** The same workbook with one part removed (as a broken writer or a bad copy leaves it). */
function without(bytes: Uint8Array, part: string): Uint8Array {
  const files = unzipSync(bytes);
  const kept: Zippable = {};
  for (const [name, data] of Object.entries(files)) if (name !== part) kept[name] = data;
  return zipSync(kept);
}

describe('loadWorkbook', () => {
  it('a sheet using shared strings whose sharedStrings.xml is missing is reported as damaged, not as "no table"', async () => {
    const bytes = await workbookBytes([expenditureTable2024([['208', null, null, '社会保障和就业支出', 10, 6, 4]])]);
    expect(Object.keys(unzipSync(bytes))).toContain('xl/sharedStrings.xml');
    const r = await importXlsx(without(bytes, 'xl/sharedStrings.xml'), { meta: { year: 2024 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('工作簿已损坏');
      expect(r.message).toContain('另存为 .xlsx');
      expect(r.message).not.toContain('没有找到');
    }
  });

  it('a workbook without shared strings and without t="s" cells loads', async () => {
    const bytes = await workbookBytes([{ top: [], header: [[1, 2]], body: [] }]);
    const r = await importXlsx(without(bytes, 'xl/sharedStrings.xml'), { meta: { year: 2024 } });
    if (!r.ok) expect(r.message).not.toContain('工作簿已损坏');
  });
});
