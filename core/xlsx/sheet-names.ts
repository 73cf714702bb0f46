/** Small helpers for sheet names, column letters and the display width of Chinese text. */

const INVALID = /[\\/?*[\]:]/g;

/**
 * "表1 部门收支总体情况表": a valid sheet name (no \ / ? * [ ] :, not starting or ending with ', at most 31
 * characters), unique in the workbook.
 */
export function sheetNameFor(no: string, title: string, used: Set<string>): string {
  const base = `${no} ${title}`.replace(INVALID, '_').replace(/^'+|'+$/g, '').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  used.add(name.toLowerCase());
  return name;
}

export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Display width in Excel's units: CJK and full-width characters (U+1100 and above) count 2, others 1. */
export function textWidth(text: string): number {
  // By code unit, not by regular expression per character: the export measures every text of a 10,000-row table.
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A surrogate pair is one character, counted 2 like the rest of the range above U+1100.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    w += unit >= 0x1100 ? 2 : 1;
  }
  return w;
}
