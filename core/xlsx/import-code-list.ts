import { parseCodeCsv, type CodeCsvResult } from '../codes/code-csv';
import type { Classification } from '../codes/code-book';
import { INPUT_LIMITS } from './input-guard';
import { loadWorkbook, type SheetGrid } from './import/sheet-reader';
import { norm } from './import/labels';

/**
 * A year's official classification list from Excel (code, name). The sheet's code and name columns are found by
 * their headers (编码/代码, 名称) or by content; codes may be numbers, "208 05 05" or "[2080505]名称" in one cell.
 * The rows are then validated by the same code as the CSV import (core/codes/code-csv.ts), so both give the same
 * messages — with the sheet's row numbers.
 */
export async function importCodeListXlsx(
  bytes: Uint8Array,
  options: { classification: Classification; year: number; limits?: typeof INPUT_LIMITS },
): Promise<CodeCsvResult> {
  const loaded = await loadWorkbook(bytes, options.limits ?? INPUT_LIMITS);
  if (!loaded.ok) return { ok: false, entries: [], errors: [loaded.message] };
  const candidates = loaded.sheets.map((grid) => ({ grid, layout: findColumns(grid) })).filter((c) => c.layout);
  candidates.sort((a, b) => (b.layout?.codeRows ?? 0) - (a.layout?.codeRows ?? 0));
  const best = candidates[0];
  if (!best || !best.layout) return { ok: false, entries: [], errors: ['工作簿中没有找到“编码、名称”两列的科目表'] };
  const { grid, layout } = best;
  const lines = ['编码,名称'];
  const sheetRow: number[] = [0];
  for (let r = layout.firstRow; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    let code = (row[layout.code]?.text ?? '').replace(/\s/g, '');
    let name = layout.name !== undefined ? (row[layout.name]?.text ?? '') : '';
    const combined = /^[[【]?(\d+)[\]】]?\s*(.*)$/.exec(row[layout.code]?.text ?? '');
    if (combined && combined[2] && !name) {
      code = combined[1];
      name = combined[2];
    } else if (combined) code = code.replace(/[[\]【】]/g, '');
    if (!code && !name) continue;
    lines.push(`${csvField(code)},${csvField(name)}`);
    sheetRow.push(r + 1);
  }
  const result = parseCodeCsv(`${lines.join('\n')}\n`, { classification: options.classification, year: options.year });
  const sheet = `工作表“${grid.name}”`;
  return {
    ...result,
    errors: result.errors.map((e) => e.replace(/^第(\d+)行/, (_, n: string) => `${sheet}第${sheetRow[Number(n) - 1] ?? n}行`)),
  };
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function findColumns(grid: SheetGrid): { code: number; name?: number; firstRow: number; codeRows: number } | undefined {
  // A header row within the first rows: 编码/代码 and 名称.
  for (let r = 0; r < Math.min(grid.rows.length, 10); r++) {
    const row = grid.rows[r] ?? [];
    const code = row.findIndex((c) => /编码|代码/.test(norm(c.text)) && !/名称/.test(c.text));
    const name = row.findIndex((c) => /名称/.test(norm(c.text)));
    if (code >= 0) return { code, ...(name >= 0 ? { name } : {}), firstRow: r + 1, codeRows: countCodes(grid, code, r + 1) };
  }
  // No header: the column with the most code-like cells, the name in the next non-empty column.
  let best: { code: number; name?: number; firstRow: number; codeRows: number } | undefined;
  for (let c = 0; c < grid.width; c++) {
    const n = countCodes(grid, c, 0);
    if (n > 0 && (!best || n > best.codeRows)) {
      let name: number | undefined;
      for (let k = c + 1; k < grid.width && name === undefined; k++) if (grid.rows.some((row) => (row[k]?.text ?? '') !== '' && row[k]?.num === undefined)) name = k;
      best = { code: c, ...(name !== undefined ? { name } : {}), firstRow: 0, codeRows: n };
    }
  }
  return best;
}

function countCodes(grid: SheetGrid, col: number, from: number): number {
  let n = 0;
  for (let r = from; r < grid.rows.length; r++) if (/^[[【]?\d{3}/.test(grid.rows[r]?.[col]?.text ?? '')) n++;
  return n;
}
