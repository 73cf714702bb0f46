/**
 * Text normalisation for matching what budget systems and officers print against the template's labels: spaces
 * and line breaks used for letter spacing or wrapping ("科 目 编 码", "功能分类\n科目编码"), full-width brackets,
 * digits and quotes, "情况" dropped by some releases ("政府性基金预算支出表"), leading numbering ("1.", "一、",
 * "（一）", "其中："). Column headers and fixed rows also carry synonyms in the template (schema `synonyms`).
 */

const CN_DIGITS = '零一二三四五六七八九十';

const FULL_WIDTH: Record<string, string> = {
  '（': '(', '）': ')', '【': '[', '】': ']', '［': '[', '］': ']', '〔': '[', '〕': ']', '：': ':', '，': ',', '．': '.',
  '、': '、', '／': '/', '－': '-', '—': '-',
};

export function norm(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (/[\s\u3000\u00a0\u200b]/.test(ch)) continue;
    if (/[“”"「」『』‘’']/.test(ch)) continue;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0); // full-width digits
    else out += FULL_WIDTH[ch] ?? ch;
  }
  return out;
}

/** Leading numbering of a label: "一、", "1.", "1、", "(一)", "(1)", "①", "第一部分". */
const NUMBERING = /^([一二三四五六七八九十]+[、.]|\d+[.、]|\(\d+\)|\([一二三四五六七八九十]+\)|[①-⑳])/;

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
    .replace(/^其中:?/, '')
    .replace(NUMBERING, '')
    .replace(/^其中:?/, '')
    .replace(/\(小计\)$/, '');
}

/** A column header for comparison: normalised, numbering removed ("一、合计" is "合计"). */
export function columnKey(text: string): string {
  return norm(text).replace(NUMBERING, '');
}

/** Looser column-label form: "政府性基金预算拨款" ~ "政府性基金预算" ~ "政府性基金", "小计" ~ "合计". */
export function looseLabel(text: string): string {
  let s = columnKey(text);
  if (s === '小计' || s === '总计') return '合计';
  s = s.replace(/拨款$/, '').replace(/预算$/, '').replace(/\(补助\)/, '').replace(/收入$/, '');
  return s;
}

export function isTotalLabel(text: string): boolean {
  return /^(合计|总计|本年合计|合计数)$/.test(norm(text));
}

/** Whether a printed label names one of the candidates (the template's label and its synonyms). */
export function sameLabel(printed: string, candidates: readonly string[], key: (s: string) => string = columnKey): boolean {
  const k = key(printed);
  return k !== '' && candidates.some((c) => key(c) === k);
}

/**
 * Notes printed in or under a table: "注：…", "备注：…", "说明：…", "附注：…", "……因此表八为空表。", "本表无数据".
 * A long sentence alone on its row is a note too (no template label is that long).
 */
export function isNoteText(text: string): boolean {
  const t = norm(text);
  if (/^(注|备注|说明|附注|注释)\d*[:.、]/.test(t)) return true;
  if (/为空表|空表[。.]?$|无数据[。.]?$|未安排.{0,40}(支出|预算|经费)/.test(t)) return true;
  return t.length > 24 && /[，。；,;]/.test(t);
}
