/* eslint-disable no-control-regex -- matching control characters is what this file is for */
/**
 * The one text cleaner. Every text enters the document through it (typing, paste, import, file load) and leaves
 * through it (both exporters, as the last defence), so that a docx's document.xml is always well-formed XML and an
 * xlsx always opens in Excel.
 *
 * XML 1.0 cannot carry C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF or an unpaired surrogate. Of those, VT
 * (U+000B) is Word's manual line break (Excel writes it as `_x000B_`, which exceljs decodes back to U+000B) and FF
 * a page break someone pasted: both become a line break, which is what the officer meant. CRLF and CR become LF so
 * that a text compares, counts and prints the same whichever system it was typed on. The rest is dropped; an
 * unpaired surrogate becomes U+FFFD so that the reader sees something was there.
 */

/** Excel's limit on the characters of one cell; a longer text cannot be exported and is refused when typed. */
export const MAX_TEXT_LENGTH = 32_767;

// One scan finds whether anything needs doing: most texts are clean and are returned as they are.
const NEEDS_CLEANING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\r\uFFFE\uFFFF\uD800-\uDFFF]/;
const BREAKS = /\r\n?|[\u000B\u000C]/g;
const DROPPED = /[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether cleanText would change the text. */
export function needsCleaning(text: string): boolean {
  return NEEDS_CLEANING.test(text);
}

export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(BREAKS, '\n').replace(DROPPED, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** True when the text has nothing XML 1.0 cannot carry (after cleanText it always has). */
export function isXmlSafe(text: string): boolean {
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text) && !new RegExp(LONE_SURROGATE.source).test(text);
}

/** Removes from serialized XML what XML 1.0 cannot carry (markup never holds such characters, only text does). */
export function stripXmlUnsafe(xml: string): string {
  return xml.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Whether a text is over Excel's per-cell limit. */
export function isTooLong(text: string): boolean {
  return text.length > MAX_TEXT_LENGTH;
}

/** The Chinese sentence for a text over the limit, naming the field (for refusals, findings and export errors). */
export function tooLongMessage(field: string, length: number): string {
  return `${field}有 ${length} 个字符，超过了 Excel 单元格最多 ${MAX_TEXT_LENGTH} 个字符的限制，请删减到 ${MAX_TEXT_LENGTH} 个字符以内`;
}

/**
 * Cleans every string inside a JSON value in place (officer inputs are lists and objects of texts), without recursion
 * so that a hostile nesting cannot overflow the stack. Returns the value (a new string when the value is a string).
 */
export function cleanJsonTexts<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (value === null || typeof value !== 'object') return value;
  const stack: (Record<string, unknown> | unknown[])[] = [value as Record<string, unknown>];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [k, v] of entries) {
      if (typeof v === 'string') {
        const c = cleanText(v);
        if (c !== v) (node as Record<string | number, unknown>)[k] = c;
      } else if (v !== null && typeof v === 'object') {
        stack.push(v as Record<string, unknown>);
      }
    }
  }
  return value;
}
