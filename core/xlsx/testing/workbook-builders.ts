import ExcelJS from 'exceljs';

/**
 * Test helpers that write small workbooks the way budget systems and officers lay them out: a title, an optional
 * 编制部门/单位 line, header rows (merges given as ranges), body rows. Cells are strings, numbers, null (blank) or
 * { formula } without a cached result.
 */
export type TestCell = string | number | null | { formula: string; result?: number };

export interface TestTable {
  /** Sheet to put the table on (created on first use). */
  sheet?: string;
  /** Rows above the header: ['表3'], ['部门支出总体情况表'], ['编制部门：测试局', …, '单位：万元']. */
  top: TestCell[][];
  header: TestCell[][];
  /** "A4:C4" style merges relative to the sheet (1-based, as Excel shows them). */
  merges?: string[];
  body: TestCell[][];
  /** Blank rows after the table before the next one on the same sheet. */
  gap?: number;
}

export async function workbookBytes(tables: TestTable[], configure?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const nextRow = new Map<string, number>();
  for (const t of tables) {
    const name = t.sheet ?? `Sheet${wb.worksheets.length + 1}`;
    const ws = wb.getWorksheet(name) ?? wb.addWorksheet(name);
    let r = nextRow.get(name) ?? 1;
    const start = r;
    for (const line of [...t.top, ...t.header, ...t.body]) {
      line.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r, c + 1);
        cell.value = typeof v === 'object' ? ({ formula: v.formula, ...(v.result !== undefined ? { result: v.result } : {}) } as ExcelJS.CellFormulaValue) : v;
      });
      r++;
    }
    for (const m of t.merges ?? []) ws.mergeCells(m);
    nextRow.set(name, r + (t.gap ?? 1));
    void start;
  }
  configure?.(wb);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** A 表3-like table (部门支出总体情况表) with split code columns as the 2024 release prints it. */
export function expenditureTable2024(body: TestCell[][], options: { sheet?: string; unit?: string; compiler?: string } = {}): TestTable {
  return {
    sheet: options.sheet,
    top: [['表3'], ['部门支出总体情况表'], [`编制部门：${options.compiler ?? '测试局'}`, null, null, null, null, null, `单位：${options.unit ?? '万元'}`]],
    header: [
      ['科目', '科目', '科目', '科目', '支出预算', '支出预算', '支出预算'],
      ['功能分类科目编码', '功能分类科目编码', '功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['类', '款', '项', '功能分类科目名称', '合计', '基本支出', '项目支出'],
    ],
    body,
  };
}
