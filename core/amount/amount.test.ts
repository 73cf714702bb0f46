import { describe, expect, it } from 'vitest';
import { formatAmount, formatAmountShort, parseAmount, fenToWanCents } from './amount';
import { percentOf, sharesLargestRemainder, formatPercent } from './percent';

describe('parseAmount', () => {
  it.each([
    ['1,234.56', 123456], ['1234.5', 123450], ['', 0], ['  ', 0], ['0', 0], ['-3', -300], ['.5', 50],
    ['１２３．４', 12340], ['824.50', 82450], ['12,345,678.9', 1234567890],
  ])('accepts %j', (text, cents) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: cents });
  });
  it.each(['abc', '12a', '1.234', '1,23', '--1', '1.2.3', '¥5'])('refuses %j with a Chinese message', (text) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/金额|小数|数值/);
  });
  it('takes spreadsheet numbers without float noise', () => {
    expect(parseAmount(0.1 + 0.2)).toEqual({ ok: true, value: 30 });
    expect(parseAmount(12.3)).toEqual({ ok: true, value: 1230 });
  });
});

describe('formatAmount', () => {
  it('prints two decimals, blank zero when asked', () => {
    expect(formatAmount(82450)).toBe('824.50');
    expect(formatAmount(0)).toBe('0.00');
    expect(formatAmount(0, { blankZero: true })).toBe('');
    expect(formatAmount(-5)).toBe('-0.05');
    expect(formatAmount(123456789, { thousands: true })).toBe('1,234,567.89');
    expect(formatAmountShort(82450)).toBe('824.5');
    expect(formatAmountShort(2500)).toBe('25');
  });
  it('converts 元 in 分 to 万元 hundredths half up', () => {
    expect(fenToWanCents(1234567)).toBe(123); // 12345.67 元 = 1.2345 万元 → 1.23
    expect(fenToWanCents(1235000)).toBe(124); // 1.235 → 1.24
  });
});

describe('percent', () => {
  it('computes two-decimal shares that sum to 100.00%', () => {
    expect(sharesLargestRemainder([79950, 2500])).toEqual([9697, 303]);
    const s = sharesLargestRemainder([1, 1, 1]);
    expect(s.reduce((a, b) => a! + b!, 0)).toBe(10000);
    expect(percentOf(634, 3280)).toBe(1933);
    expect(formatPercent(1933)).toBe('19.33');
    expect(percentOf(1, 0)).toBeNull();
  });
});
