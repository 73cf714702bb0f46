import ExcelJS from 'exceljs';
import { guardXlsxBytes, INPUT_LIMITS } from '../input-guard';
import { checkWorksheetMerges, partText } from '../merge-guard';
import { repackStored, unzipBounded } from '../zip/bounded-unzip';

/**
 * Loads a workbook and turns every visible sheet into a plain grid of cells, so the table
 * finder and the row reader never touch exceljs types. Merged ranges repeat their label in every covered cell (as a
 * printed header reads). A formula without a cached value is marked, never evaluated.
 */
export interface SheetCell {
  /** Trimmed display text ("" for blank); numbers as their plain decimal text. */
  text: string;
  /** Set when the cell holds a number (or a formula with a numeric cached result). */
  num?: number;
  /** A formula whose result was not saved: its value is unknown. */
  noResult?: boolean;
  /** Covered by a merge but not its top-left cell. */
  mergedCopy?: boolean;
}

export interface SheetGrid {
  name: string;
  rows: SheetCell[][];
  /** Widest row. */
  width: number;
}

export type LoadResult = { ok: true; workbook: ExcelJS.Workbook; sheets: SheetGrid[] } | { ok: false; message: string };

const EMPTY: SheetCell = { text: '' };

export async function loadWorkbook(bytes: Uint8Array, limits = INPUT_LIMITS): Promise<LoadResult> {
  // 1. the central directory (fast refusal), 2. every part inflated within the byte budget, 3. merges and shared
  // strings checked in the inflated XML, 4. exceljs loads the parts re-stored uncompressed: it never inflates.
  const guard = guardXlsxBytes(bytes, limits);
  if (!guard.ok) return guard;
  const parts = unzipBounded(bytes, guard.entries, limits);
  if (!parts.ok) return parts;
  const merges = checkWorksheetMerges(parts.entries, limits);
  if (!merges.ok) return merges;
  const strings = checkSharedStrings(parts.entries);
  if (!strings.ok) return strings;
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer; it accepts any ArrayBuffer view at run time.
    await workbook.xlsx.load(repackStored(parts.entries) as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, message: loadFailureMessage(error) };
  }
  const sheets: SheetGrid[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.state !== 'visible') continue;
    const cells = ws.actualRowCount * Math.max(1, ws.actualColumnCount);
    if (cells > limits.maxCellsPerSheet) {
      return { ok: false, message: `工作表“${ws.name}”的数据量过大（约 ${cells} 个单元格，上限 ${limits.maxCellsPerSheet}），不像是预算公开表，已停止导入。` };
    }
    sheets.push(readSheet(ws));
  }
  return { ok: true, workbook, sheets };
}

/**
 * A sheet whose cells point into the shared-strings part (t="s") while that part is missing would load with every
 * text cell blank, and the import would then say no table was found: the truth is that the file is damaged.
 */
export function checkSharedStrings(parts: ReadonlyMap<string, Uint8Array>): { ok: true } | { ok: false; message: string } {
  // exceljs reads exactly this part name (a leading "/" stripped).
  const has = [...parts.keys()].some((name) => name.replace(/^\//, '') === 'xl/sharedStrings.xml');
  if (has) return { ok: true };
  for (const [name, data] of parts) {
    if (!/xl\/worksheets\/sheet\d+[.]xml$/.test(name)) continue;
    if (/<(?:[\w.-]+:)?c\b[^>]*?\st\s*=\s*["']s["']/.test(partText(data))) {
      return {
        ok: false,
        message: '工作簿已损坏：表格中的文字保存在工作簿的“共享字符串表”（xl/sharedStrings.xml）中，而该部分缺失，文字无法读取。请在 Excel 或 WPS 中打开该文件检查内容，另存为 .xlsx 后再导入；若仍无法打开，请向提供文件的单位重新索取。',
      };
    }
  }
  return { ok: true };
}

/**
 * The user sees Chinese only: the library's English error is translated into what is wrong with the file where it
 * is recognisable, and otherwise left out (it helps no finance officer).
 */
export function loadFailureMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const reason = LOAD_FAILURES.find(([pattern]) => pattern.test(detail))?.[1];
  return `无法读取该 Excel 工作簿${reason ? `：${reason}` : ''}。文件可能已损坏或不是标准的 .xlsx 格式，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。`;
}

const LOAD_FAILURES: [RegExp, string][] = [
  [/merge/i, '工作表中有相互重叠的合并单元格'],
  [/column letter|out of bounds|invalid address/i, '工作表中有超出 Excel 范围的单元格地址'],
  [/richText|sharedString/i, '工作表引用了不存在的文字内容（共享字符串表不完整）'],
  [/zip|signature|central directory|end of data|crc32|compress|inflate/i, '压缩包内容已损坏'],
  [/^\d+:\d+|xml|tag|entity|root|doctype|attribute|unexpected|unclosed|text data/i, '工作表的内部 XML 内容不完整或格式错误'],
];

function cellOf(cell: ExcelJS.Cell): SheetCell {
  const v = cell.value;
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return { text: plain(v), num: v };
  if (typeof v === 'string') return { text: v.trim() };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return { text: '', noResult: true };
      if (typeof result === 'number') return { text: plain(result), num: result };
      if (typeof result === 'object' && 'error' in result) return { text: String(result.error) };
      return { text: String(result).trim() };
    }
    if ('richText' in v) return { text: v.richText.map((r) => r.text).join('').trim() };
    if ('text' in v) return { text: String((v as { text: unknown }).text).trim() };
    if ('error' in v) return { text: String((v as { error: unknown }).error) };
  }
  return { text: String(v).trim() };
}

function plain(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const rounded = Math.round(n * 1e6) / 1e6;
  return String(rounded);
}

function readSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: SheetCell[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: SheetCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      let value: SheetCell;
      if (cell.isMerged && cell.master !== cell) {
        value = { ...cellOf(cell.master), mergedCopy: true };
      } else value = cellOf(cell);
      out[colNumber - 1] = value;
    });
    for (let i = 0; i < out.length; i++) if (!out[i]) out[i] = EMPTY;
    rows[rowNumber - 1] = out;
    width = Math.max(width, out.length);
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { name: ws.name, rows, width };
}

export function cellAt(grid: SheetGrid, row: number, col: number): SheetCell {
  return grid.rows[row]?.[col] ?? EMPTY;
}

/** "D7" for 0-based row and column. */
export function address(row: number, col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}
