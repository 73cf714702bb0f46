/**
 * Sentence patterns: "{单位名称}收入预算{合计}，其中：" with named placeholders. A placeholder without a value prints
 * nothing, so a bureau's pattern that names an unknown value degrades to a shorter sentence rather than "{…}".
 */
export type Vars = Record<string, string | number | undefined>;

export function fillPattern(pattern: string, vars: Vars): string {
  return pattern.replace(/\{([^{}]+)\}/g, (_whole, name: string) => {
    const v = vars[name];
    return v === undefined ? '' : String(v);
  });
}

/** Placeholder names used by a pattern (for the tests that check every pattern is fed). */
export function patternNames(pattern: string): string[] {
  return [...pattern.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: numbering of duties, sections, glossary entries. */
export function chineseNumeral(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** Typed text joined into a sentence must not carry its own final stop: "住房公积金支出。" → "住房公积金支出". */
export function trimEndPunct(text: string): string {
  return text.trim().replace(/[。；;，,.、\s]+$/u, '');
}

/** "2024-02-18" → "2024年2月18日" (the closing line). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
