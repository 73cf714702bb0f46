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

/** Display width in Excel's units: CJK and full-width characters count 2, others 1. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}
