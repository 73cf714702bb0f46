import { cleanText } from '../../core/document/clean-text';

/**
 * What a paste may bring: far more than a budget table (10,000 rows × 12 columns) and far less than what freezes the
 * window. Another program can put anything on the clipboard.
 */
export const CLIPBOARD_LIMITS = { maxChars: 10_000_000, maxCells: 200_000 };

export type ClipboardBlock = { ok: true; block: string[][] } | { ok: false; message: string };

/**
 * The clipboard text as a block of cells, bounded and cleaned: over the limits it is refused with a Chinese message
 * (nothing is parsed further); each cell goes through the one text cleaner (after splitting, so that a VT inside a
 * cell becomes a line break in that cell, not a new row). Lengths and figures are checked by the commands.
 */
export function clipboardBlock(text: string, limits: typeof CLIPBOARD_LIMITS = CLIPBOARD_LIMITS): ClipboardBlock {
  if (text.length > limits.maxChars) {
    return { ok: false, message: `剪贴板中的内容过大（${text.length} 个字符，超过 ${limits.maxChars} 个），未粘贴。请分批复制后粘贴。` };
  }
  const block = parseTsv(text, limits.maxCells);
  if (block === null) return { ok: false, message: `剪贴板中的单元格过多（超过 ${limits.maxCells} 个），未粘贴。请分批复制后粘贴。` };
  return { ok: true, block: block.map((row) => row.map(cleanText)) };
}

/**
 * Tab-separated text as Excel and WPS put it on the clipboard.
 * A cell that contains a tab, a line break or a quote is wrapped in double quotes, with inner quotes doubled;
 * rows end in CRLF (Windows) or LF, and the block usually ends with one trailing line break. With `maxCells`, null
 * when the block has more cells (counted while parsing, so a huge paste stops early).
 */
export function parseTsv(text: string): string[][];
export function parseTsv(text: string, maxCells: number): string[][] | null;
export function parseTsv(text: string, maxCells = Infinity): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let cellStart = true;
  let cells = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (cellStart && ch === '"') {
      // Quoted cell: read up to the closing quote; "" is a literal quote.
      const closed = readQuoted(text, i + 1);
      if (closed) {
        cell = closed.value;
        i = closed.end;
        cellStart = false;
        continue;
      }
      // An unmatched quote is just a character (Excel writes 5" without quoting when no tab/newline follows).
    }
    cellStart = false;
    if (ch === '\t') {
      if (++cells > maxCells) return null;
      row.push(cell);
      cell = '';
      cellStart = true;
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      if (++cells > maxCells) return null;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      cellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (!cellStart || cell !== '' || row.length > 0) {
    if (cells + 1 > maxCells) return null;
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function readQuoted(text: string, from: number): { value: string; end: number } | null {
  let value = '';
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      // A closing quote counts only if the cell ends here; otherwise the quote was literal text.
      const next = text[i + 1];
      if (next === undefined || next === '\t' || next === '\r' || next === '\n') return { value, end: i + 1 };
      return null;
    }
    value += ch;
    i += 1;
  }
  return null;
}

/** The inverse: what a copy puts on the clipboard so that Excel/WPS paste the same rectangle back. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteCell).join('\t')).join('\r\n') + '\r\n';
}

function quoteCell(value: string): string {
  if (/[\t\r\n"]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}
