/**
 * Amounts are exact integers: hundredths of the printed unit (0.01 万元, or 分 when the unit is 元).
 * Binary floating point never touches a sum: 0.1 + 0.2 would break a 合计.
 */
export type Amount = number;

export type ParseResult = { ok: true; value: Amount } | { ok: false; message: string };

const AMOUNT_PATTERN = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/**
 * Parses what an officer types or pastes: "1,234.56", "1234.5", "-3", "" (blank = 0).
 * Full-width digits and the full-width comma/point that Chinese IMEs produce are accepted.
 * More than two decimals is refused rather than rounded: silently rounding a typed figure hides a mistake.
 */
export function parseAmount(input: string | number | null | undefined): ParseResult {
  if (input === null || input === undefined) return { ok: true, value: 0 };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: '金额不是有效数字' };
    return parseAmount(numberToPlainString(input));
  }
  const text = normalizeDigits(input).replace(/[\s\u00a0]/g, '');
  if (text === '' || text === '-') return { ok: true, value: 0 };
  const m = AMOUNT_PATTERN.exec(text);
  if (!m || (m[2] === undefined && (m[3] === undefined || m[3] === ''))) {
    return { ok: false, message: `“${input.trim()}”不是有效金额，请输入数字，如 1234.56` };
  }
  const fraction = m[3] ?? '';
  if (fraction.length > 2) {
    return { ok: false, message: `“${input.trim()}”超过两位小数，金额最多保留两位小数` };
  }
  const whole = (m[2] ?? '0').replace(/,/g, '');
  if (whole.length > 13) return { ok: false, message: `“${input.trim()}”数值过大` };
  const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  return { ok: true, value: m[1] === '-' ? -cents : cents };
}

/** Parses or throws; for data the program itself wrote (templates, tests). */
export function amount(input: string | number): Amount {
  const r = parseAmount(input);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

export interface FormatOptions {
  /** Print zero as an empty cell (the 2024 releases) instead of "0.00" (the 2021 releases). */
  blankZero?: boolean;
  /** Group thousands with commas ("1,234.56"); releases print without. */
  thousands?: boolean;
}

export function formatAmount(value: Amount, options: FormatOptions = {}): string {
  if (value === 0 && options.blankZero) return '';
  const negative = value < 0;
  const abs = Math.abs(value);
  let whole = String(Math.floor(abs / 100));
  const fraction = String(abs % 100).padStart(2, '0');
  if (options.thousands) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Shortest plain form for prose: 824.50 → "824.5", 25.00 → "25", as the releases write figures in sentences. */
export function formatAmountShort(value: Amount): string {
  return formatAmount(value).replace(/\.?0+$/, '') || '0';
}

/** The numeric value in printed units, for exceljs cells only (never for arithmetic). */
export function toPrintedNumber(value: Amount): number {
  return value / 100;
}

/**
 * 元 → 万元 conversion of one figure, half away from zero at the 0.01 万元 digit.
 * Input is 分 (integer), output hundredths of 万元. Used with rounding balance (舍位平衡) on import.
 */
export function fenToWanCents(fen: number): Amount {
  const sign = fen < 0 ? -1 : 1;
  const abs = Math.abs(fen);
  return sign * Math.floor((abs + 5000) / 10000);
}

export function sumAmounts(values: Iterable<Amount>): Amount {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function normalizeDigits(s: string): string {
  // Typed and pasted figures are nearly always plain ASCII: only full-width input needs the four replacements (a
  // pasted column of 10,000 figures would run 40,000 of them for nothing).
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) ascii = s.charCodeAt(i) < 128;
  if (ascii) return s;
  return s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/，/g, ',').replace(/．|。/g, '.').replace(/－/g, '-');
}

function numberToPlainString(n: number): string {
  // Numbers from a spreadsheet may carry float noise (12.300000000000001); two decimals is all a cell holds.
  const rounded = Math.round(n * 100) / 100;
  if (Math.abs(rounded - n) > 1e-6) return n.toFixed(6).replace(/0+$/, '');
  return rounded.toFixed(2);
}
