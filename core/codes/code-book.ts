import functionalData from '../../templates/codes/functional.json';
import economicData from '../../templates/codes/economic.json';

/**
 * Known classification codes and their names per year. The official lists change every year and no complete
 * machine-readable copy exists, so the book starts from the codes seen in published releases and grows: the
 * officer imports the year's list (CSV) and codes are learnt from imported tables.
 */

export type Classification = 'functional' | 'economic';

export interface CodeEntry {
  code: string;
  name: string;
  /** Years the name is known for; empty = confirmed in some release, year unknown (used for any year). */
  years: number[];
}

/** Code lengths per level: 类/款/项 for functional, 类/款 for economic. */
export const CODE_LEVELS: Record<Classification, readonly number[]> = {
  functional: [3, 5, 7],
  economic: [3, 5],
};

export const CLASSIFICATION_NAMES: Record<Classification, string> = {
  functional: '支出功能分类',
  economic: '支出经济分类',
};

export class CodeBook {
  /** Bumped by every learn(): lets a reader keep derived lookups until the book's content changes. */
  revision = 0;
  private readonly byCode: Record<Classification, Map<string, CodeEntry[]>> = {
    functional: new Map(),
    economic: new Map(),
  };

  constructor(entries: Partial<Record<Classification, readonly CodeEntry[]>> = {}) {
    for (const classification of ['functional', 'economic'] as const) {
      for (const entry of entries[classification] ?? []) {
        for (const year of entry.years.length > 0 ? entry.years : [undefined]) this.learn(classification, entry.code, entry.name, year);
      }
    }
  }

  /** The codes shipped with the program (templates/codes/*.json). A fresh book each call: books are mutable. */
  static builtin(): CodeBook {
    return new CodeBook({ functional: functionalData.codes, economic: economicData.codes });
  }

  /**
   * The name of a code for a year: the name recorded for that year, else the latest known before it, else the
   * earliest after it, else a name of unknown year.
   */
  name(classification: Classification, code: string, year?: number): string | undefined {
    const entries = this.byCode[classification].get(code);
    if (!entries || entries.length === 0) return undefined;
    if (year === undefined) return latest(entries)?.name ?? entries[0].name;
    const dated = entries.flatMap((e) => e.years.map((y) => ({ y, name: e.name })));
    const exact = dated.find((d) => d.y === year);
    if (exact) return exact.name;
    const before = dated.filter((d) => d.y < year).sort((a, b) => b.y - a.y)[0];
    if (before) return before.name;
    const after = dated.filter((d) => d.y > year).sort((a, b) => a.y - b.y)[0];
    if (after) return after.name;
    return entries[0].name;
  }

  has(classification: Classification, code: string): boolean {
    return (this.byCode[classification].get(code)?.length ?? 0) > 0;
  }

  /** True when the book holds a list for exactly that year (imported or seen), so a missing code means something. */
  hasYear(classification: Classification, year: number): boolean {
    for (const entries of this.byCode[classification].values()) if (entries.some((e) => e.years.includes(year))) return true;
    return false;
  }

  /** Records a code's name for a year (or for an unknown year). A different name for the same year replaces it. */
  learn(classification: Classification, code: string, name: string, year?: number): void {
    this.revision += 1;
    const map = this.byCode[classification];
    const entries = map.get(code) ?? [];
    const trimmed = name.trim();
    let kept = entries;
    if (year !== undefined) {
      // The year's name replaces another name for that year; a name left with no year at all is dropped.
      kept = [];
      for (const e of entries) {
        if (e.name === trimmed || !e.years.includes(year)) kept.push(e);
        else if (e.years.length > 1) kept.push({ ...e, years: e.years.filter((y) => y !== year) });
      }
    }
    let entry = kept.find((e) => e.name === trimmed);
    if (!entry) {
      entry = { code, name: trimmed, years: [] };
      kept.push(entry);
    }
    if (year !== undefined && !entry.years.includes(year)) entry.years = [...entry.years, year].sort((a, b) => a - b);
    map.set(code, kept);
  }

  /** Learns every (code, name) of a table's rows; rows without a code or a name are skipped. */
  learnRows(classification: Classification, rows: readonly { code?: string; name?: string }[], year: number): void {
    for (const row of rows) if (row.code && row.name) this.learn(classification, row.code, row.name, year);
  }

  /**
   * A 提示 when a printed name differs from the year's list (a stale name is a known inspection fault), or
   * undefined when it matches or the code is unknown.
   */
  nameWarning(classification: Classification, code: string, name: string, year: number): string | undefined {
    const expected = this.name(classification, code, year);
    if (expected === undefined || normalizeName(expected) === normalizeName(name)) return undefined;
    return `科目 ${code} 的名称“${name}”与${year}年${CLASSIFICATION_NAMES[classification]}科目名称“${expected}”不一致`;
  }

  entries(classification: Classification): CodeEntry[] {
    return [...this.byCode[classification].values()].flat().map((e) => ({ ...e, years: [...e.years] }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}

function latest(entries: CodeEntry[]): CodeEntry | undefined {
  let best: CodeEntry | undefined;
  let bestYear = -Infinity;
  for (const e of entries) {
    for (const y of e.years) if (y > bestYear) { bestYear = y; best = e; }
  }
  return best;
}

/** Names compare without spaces and with full-width/half-width brackets treated alike. */
export function normalizeName(name: string): string {
  return name.replace(/[\s\u3000]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}
