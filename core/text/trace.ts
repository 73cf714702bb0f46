import type { Amount } from '../amount/amount';
import type { CellRef } from '../document/document';

/**
 * Where every figure of a generated sentence comes from. A paragraph keeps, beside its text, one span per printed
 * amount or percentage (its position, the cells and last-year keys it is computed from and how), the statements it
 * makes without a figure ("未安排", "持平", "新增"…) with the figures that make them true, and the stretches it quotes
 * verbatim (the officer's reasons, the set's own wording). A reviewer can follow a figure back to its cells, and a
 * test can recompute every figure from its trace.
 */

/** How a span's value follows from its sources: current = Σ cells + Σ inputs, prior = Σ priorYear[priorKeys]. */
export type FigureOp =
  /** The current figure itself. */
  | 'sum'
  /** |current − prior| (增加/减少/新增 …). */
  | 'change'
  /** |current − prior| / prior, in hundredths of a percent (增长/下降 …%). */
  | 'rate'
  /** current / Σ whole, by largest remainder within `share.group` so that the group prints 100.00%. */
  | 'share'
  /**
   * current / Σ `of`, half up, on its own (完成预算 % = 决算数 / 预算数; 中小企业 share of 政府采购): a rate that need
   * not add up with others to 100.00%.
   */
  | 'ratio';

export interface FigureSpan {
  /** Offset of the printed figure in the paragraph text. */
  start: number;
  /** As printed, with its unit: "824.50万元", "96.97%". */
  text: string;
  /** Hundredths of the amount unit, or hundredths of a percent. */
  value: number;
  kind: 'amount' | 'percent';
  op: FigureOp;
  cells: CellRef[];
  priorKeys: string[];
  /** Officer-entered amounts the figure adds, as input paths ("other.procurement#goods"). */
  inputs?: string[];
  share?: { group: string; whole: CellRef[] };
  /** The divisor of a ratio: its cells and input paths. */
  of?: { cells: CellRef[]; inputs?: string[] };
}

/** Words that state a fact without printing a figure; each must be backed by a claim of the same paragraph. */
export type ClaimWord = '未安排' | '无' | '持平' | '新增';

/**
 * 未安排 / 无: current = 0; 持平: current = prior; 新增: prior = 0 and current > 0. Current and prior are read as for
 * a span (cells and inputs, priorKeys).
 */
export interface Claim {
  word: ClaimWord;
  cells: CellRef[];
  priorKeys: string[];
  inputs?: string[];
}

/** Text the paragraph quotes as it is: the officer's words (with the input key) or a figure of the set's wording. */
export interface VerbatimRange {
  start: number;
  length: number;
  input?: string;
}

export interface Traced {
  text: string;
  spans: FigureSpan[];
  claims: Claim[];
  verbatim: VerbatimRange[];
}

/** A figure with its sources, before it is printed. */
export interface Fig {
  value: Amount;
  cells: CellRef[];
  inputs?: string[];
}

export const plain = (text: string): Traced => ({ text, spans: [], claims: [], verbatim: [] });

export const isTraced = (v: unknown): v is Traced => typeof v === 'object' && v !== null && 'spans' in v && 'text' in v;

/** Text quoted as it is (an officer's reason): no figure in it is the generator's. */
export const quoted = (text: string, input?: string): Traced =>
  ({ text, spans: [], claims: [], verbatim: text ? [{ start: 0, length: text.length, ...(input ? { input } : {}) }] : [] });

export function withClaim(t: Traced, claim: Claim): Traced {
  return { ...t, claims: [...t.claims, claim] };
}

function shift(t: Traced, by: number): Traced {
  if (by === 0) return t;
  return {
    text: t.text,
    spans: t.spans.map((s) => ({ ...s, start: s.start + by })),
    claims: t.claims,
    verbatim: t.verbatim.map((v) => ({ ...v, start: v.start + by })),
  };
}

/** Concatenation that keeps every span at its place. */
export function concat(parts: readonly (string | Traced)[]): Traced {
  const out: Traced = plain('');
  for (const p of parts) {
    const t = typeof p === 'string' ? plain(p) : shift(p, out.text.length);
    out.text += t.text;
    out.spans.push(...t.spans);
    out.claims.push(...t.claims);
    out.verbatim.push(...t.verbatim);
  }
  return out;
}

export function joinTraced(parts: readonly (string | Traced)[], separator: string): Traced {
  const seq: (string | Traced)[] = [];
  parts.forEach((p, i) => {
    if (i > 0) seq.push(separator);
    seq.push(p);
  });
  return concat(seq);
}

/** A figure with its unit inside the set's wording ("50万元以上大型设备"): marked verbatim, it is not a traced figure. */
const LITERAL_FIGURE = /\d+(?:\.\d+)?\s*(?:万元|元|%)/g;

function literal(text: string): Traced {
  const t = plain(text);
  for (const m of text.matchAll(LITERAL_FIGURE)) t.verbatim.push({ start: m.index ?? 0, length: m[0].length });
  return t;
}

export type TracedVars = Record<string, string | number | Traced | undefined>;

/**
 * fillPattern with traces: a placeholder filled with a traced value brings its spans, claims and verbatim ranges to
 * their place in the sentence; a placeholder the pattern does not use brings nothing (a bureau's shorter pattern
 * states fewer facts). A placeholder without a value prints nothing. `defaults` fills what `vars` does not name (the
 * document's common words), without copying both into one object for each of thousands of sentences.
 */
export function fillTraced(pattern: string, vars: TracedVars, defaults?: TracedVars): Traced {
  const parts: Traced[] = [];
  for (const seg of segmentsOf(pattern)) {
    if (typeof seg !== 'string') {
      parts.push(seg);
      continue;
    }
    // As if `{ ...defaults, ...vars }` were filled in: a key vars has wins, even when its value is undefined.
    const v = defaults && !Object.hasOwn(vars, seg) ? defaults[seg] : vars[seg];
    if (v !== undefined) parts.push(isTraced(v) ? v : plain(String(v)));
  }
  return concat(parts);
}

/**
 * A pattern as its literal pieces (traced once: nothing changes a Traced after it is made) and placeholder names, in
 * order. A document's sentences use a few dozen patterns thousands of times.
 */
const patternSegments = new Map<string, (string | Traced)[]>();
function segmentsOf(pattern: string): (string | Traced)[] {
  let segs = patternSegments.get(pattern);
  if (segs) return segs;
  segs = [];
  let last = 0;
  for (const m of pattern.matchAll(/\{([^{}]+)\}/g)) {
    const at = m.index ?? 0;
    if (at > last) segs.push(literal(pattern.slice(last, at)));
    segs.push(m[1]);
    last = at + m[0].length;
  }
  if (last < pattern.length) segs.push(literal(pattern.slice(last)));
  if (patternSegments.size >= 2000) patternSegments.clear(); // a bound for sets that write their own patterns
  patternSegments.set(pattern, segs);
  return segs;
}
