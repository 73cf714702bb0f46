/**
 * Tab-separated text as Excel and WPS put it on the clipboard.
 * A cell that contains a tab, a line break or a quote is wrapped in double quotes, with inner quotes doubled;
 * rows end in CRLF (Windows) or LF, and the block usually ends with one trailing line break.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let cellStart = true;
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
      row.push(cell);
      cell = '';
      cellStart = true;
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
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
