/**
 * The parsed form of one rule expression (see LANGUAGE.md). Parsing knows nothing about templates; compile.ts
 * resolves tables, rows and columns against a template set.
 */

/** A row selector inside brackets: t3[类], t3[*], t3[2080505], t3[302*], t3[children]. */
export type SelectorAst =
  | { kind: 'all' }
  /** Rows whose code starts with the digits and is longer (the 款 under 302: `302*`). */
  | { kind: 'descendants'; prefix: string }
  /** A keyword (类 款 项 children under) or a literal row id / code (total, inTotal, 30217). */
  | { kind: 'name'; name: string };

export interface RefAst {
  table: string;
  selectors: SelectorAst[];
  /** Column id, leaf header label, or '*' (every amount column, one rule per column). */
  column: string;
}

export type TermAst =
  | { kind: 'ref'; sign: 1 | -1; ref: RefAst }
  | { kind: 'sum'; sign: 1 | -1; ref: RefAst }
  | { kind: 'number'; sign: 1 | -1; text: string };

export type RelOp = '=' | '<=' | '>=';

export interface ComparisonAst {
  kind: 'comparison';
  left: TermAst[];
  op: RelOp;
  right: TermAst[];
}

/** A built-in check over whole tables: validCodes(t3), nonNegative(*). */
export interface CheckAst {
  kind: 'check';
  check: string;
  /** Table ids, or ['*'] for every table the check applies to. */
  tables: string[];
}

export type RuleAst = ComparisonAst | CheckAst;
