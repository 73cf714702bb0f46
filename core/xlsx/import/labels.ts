/**
 * Text normalisation for matching what budget systems and officers print against the template's labels: spaces
 * used for letter spacing ("项 目"), full-width brackets and quotes, "情况" dropped by some releases
 * ("政府性基金预算支出表"), leading numbering ("1.", "一、", "其中：").
 */

const CN_DIGITS = '零一二三四五六七八九十';

export function norm(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[“”"「」『』‘’']/g, '')
    .replace(/：/g, ':');
}

/** A title for comparison: normalised, without "情况" and without a trailing "(续)". */
export function titleKey(text: string): string {
  return norm(text).replace(/情况/g, '').replace(/\(续\)$/, '');
}

/** Leading table number of a title cell: "表1", "表一", "表 十一", "附表3". */
const NUMBER = /^(附)?表\s*([0-9]+|[零一二三四五六七八九十]+)[\s.:：、-]*/;

export function splitTableNumber(text: string): { no?: number; rest: string } {
  const m = NUMBER.exec(text.trim());
  if (!m) return { rest: text.trim() };
  return { no: parseNumber(m[2]), rest: text.trim().slice(m[0].length) };
}

export function parseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + CN_DIGITS.indexOf(s[1]);
  if (s.endsWith('十')) return CN_DIGITS.indexOf(s[0]) * 10;
  if (s.length === 3 && s[1] === '十') return CN_DIGITS.indexOf(s[0]) * 10 + CN_DIGITS.indexOf(s[2]);
  return CN_DIGITS.indexOf(s);
}

/** A row label without numbering and "其中：" so "1. 一般公共预算拨款" matches "1.一般公共预算拨款" and "一般公共预算拨款". */
export function labelKey(text: string): string {
  return norm(text)
    .replace(/^其中[:：]?/, '')
    .replace(/^([一二三四五六七八九十]+、|\d+[.、．]|\(\d+\)|\([一二三四五六七八九十]+\))/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/\(小计\)$/, '');
}

/** Looser column-label form: "政府性基金预算拨款" ~ "政府性基金预算" ~ "政府性基金", "小计" ~ "合计". */
export function looseLabel(text: string): string {
  let s = norm(text);
  if (s === '小计' || s === '总计') return '合计';
  s = s.replace(/拨款$/, '').replace(/预算$/, '').replace(/\(补助\)/, '');
  return s;
}

export function isTotalLabel(text: string): boolean {
  return /^(合计|总计|本年合计)$/.test(norm(text));
}
