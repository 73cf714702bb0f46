import { CODE_LEVELS, normalizeName, type Classification, type CodeBook } from './code-book';

/**
 * Searching the year's code lists for the 插入科目行 picker: by code prefix ("2050" finds 20501, 2050101 …) and by
 * name ("学前教育", or several words "医疗 行政"), each hit with its 类/款/项 path so the officer sees where a code
 * sits. Pure: the picker and tests call it the same way.
 */
export interface CodeHit {
  code: string;
  name: string;
  /** 0 = 类, 1 = 款, 2 = 项 (index into the classification's levels). */
  level: number;
  /** Ancestors from 类 down, then the code itself: "205 教育 › 20502 普通教育 › 2050201 学前教育". */
  path: { code: string; name: string | undefined }[];
}

export interface SearchOptions {
  year?: number;
  /** Code lengths that may be inserted here (a project table: only 项). Default: every level. */
  allowed?: readonly number[];
  /** Codes already in the table: not offered again. */
  exclude?: ReadonlySet<string>;
  limit?: number;
}

export interface SearchResult {
  hits: CodeHit[];
  /** The hit whose code is exactly the query (Enter inserts it). */
  exact: CodeHit | undefined;
  /** More hits than the limit were found. */
  truncated: boolean;
}

export const LEVEL_LABELS = ['类', '款', '项'] as const;

export function searchCodes(book: CodeBook, classification: Classification, query: string, options: SearchOptions = {}): SearchResult {
  const levels = CODE_LEVELS[classification];
  const allowed = options.allowed ?? levels;
  const limit = options.limit ?? 200;
  const q = query.trim();
  const digits = /^\d+$/.test(q);
  const words = digits ? [] : q.split(/[\s\u3000]+/).filter(Boolean).map(normalizeName);
  const nameOf = (code: string) => book.name(classification, code, options.year);

  const seen = new Set<string>();
  const found: { hit: CodeHit; score: number }[] = [];
  for (const entry of book.entries(classification)) {
    if (seen.has(entry.code) || !allowed.includes(entry.code.length) || options.exclude?.has(entry.code)) continue;
    seen.add(entry.code);
    const name = nameOf(entry.code) ?? entry.name;
    const path = levels
      .filter((n) => n < entry.code.length)
      .map((n) => ({ code: entry.code.slice(0, n), name: nameOf(entry.code.slice(0, n)) }))
      .concat({ code: entry.code, name });
    let score: number;
    if (q === '') score = 2;
    else if (digits) {
      if (!entry.code.startsWith(q)) continue;
      score = entry.code === q ? 0 : 1;
    } else {
      // Every word must appear in the name or in an ancestor's name ("医疗 行政" finds 2101101 行政单位医疗).
      const own = normalizeName(name);
      const all = path.map((p) => normalizeName(p.name ?? '')).join('›');
      if (!words.every((w) => all.includes(w))) continue;
      score = own === words.join('') ? 0 : words.every((w) => own.includes(w)) ? 1 : 2;
    }
    found.push({ hit: { code: entry.code, name, level: levels.indexOf(entry.code.length), path }, score });
  }
  found.sort((a, b) => a.score - b.score || (a.hit.code < b.hit.code ? -1 : a.hit.code > b.hit.code ? 1 : 0));
  const hits = found.slice(0, limit).map((f) => f.hit);
  return { hits, exact: digits ? hits.find((h) => h.code === q) : undefined, truncated: found.length > limit };
}

/** "205 教育 › 20502 普通教育" — the ancestors of a hit, for the picker's second line. */
export function pathLabel(hit: CodeHit): string {
  return hit.path
    .slice(0, -1)
    .map((p) => `${p.code}${p.name ? ` ${p.name}` : ''}`)
    .join(' › ');
}
