import * as ohm from 'ohm-js';
import type { CheckAst, ComparisonAst, RefAst, RelOp, RuleAst, SelectorAst, TermAst } from './ast';

/**
 * The rule language's grammar (LANGUAGE.md documents it for template authors). Parsed with ohm-js: the grammar is
 * data a reader can check against the documentation, instead of a hand-written parser.
 */
const GRAMMAR_SOURCE = String.raw`
BudgetRule {
  Rule = Check end        -- check
       | Comparison end   -- comparison

  Check = ident "(" TableList ")"
  TableList = "*"                          -- all
            | NonemptyListOf<ident, ",">   -- list

  Comparison = Sum relop Sum
  relop = "<=" | ">=" | "≤" | "≥" | "==" | "="

  Sum = Sum "+" Term   -- plus
      | Sum "-" Term   -- minus
      | "-" Term       -- neg
      | Term

  Term = Aggregate | Ref | number
  Aggregate = "sum" "(" Ref ")"
  Ref = ident "[" NonemptyListOf<Selector, ","> "]" "." Column

  Selector = descendants | "*" -- all
           | name
  descendants = digit+ "*"
  Column = "*"    -- all
         | string
         | name

  ident = letter (alnum | "_")*
  name = (alnum | "_")+
  number = digit+ ("." digit+)?
  string = "\"" (~"\"" any)* "\""   -- ascii
         | "“" (~"”" any)* "”"     -- chinese
}
`;

type Compiled = { grammar: ohm.Grammar; semantics: ohm.Semantics };
let compiled: Compiled | undefined;

/**
 * The grammar is compiled on the first rule parsed, not when the module loads: compiling it is the largest single
 * cost of loading the page's code, and the page shows its first table without ever parsing a rule.
 */
function compile(): Compiled {
  if (compiled) return compiled;
  const grammar = ohm.grammar(GRAMMAR_SOURCE);
  compiled = { grammar, semantics: addAstOperation(grammar.createSemantics()) };
  return compiled;
}

const addAstOperation = (semantics: ohm.Semantics): ohm.Semantics => semantics.addOperation<unknown>('ast', {
  Rule_check(check, _end) {
    return check.ast();
  },
  Rule_comparison(cmp, _end) {
    return cmp.ast();
  },
  Check(name, _open, list, _close): CheckAst {
    return { kind: 'check', check: name.sourceString, tables: list.ast() as string[] };
  },
  TableList_all(_star) {
    return ['*'];
  },
  TableList_list(list) {
    return list.asIteration().children.map((c) => c.sourceString);
  },
  Comparison(left, op, right): ComparisonAst {
    const symbol = op.sourceString;
    const rel: RelOp = symbol === '<=' || symbol === '≤' ? '<=' : symbol === '>=' || symbol === '≥' ? '>=' : '=';
    return { kind: 'comparison', left: left.ast() as TermAst[], op: rel, right: right.ast() as TermAst[] };
  },
  Sum_plus(sum, _op, term) {
    return [...(sum.ast() as TermAst[]), withSign(term.ast() as TermAst, 1)];
  },
  Sum_minus(sum, _op, term) {
    return [...(sum.ast() as TermAst[]), withSign(term.ast() as TermAst, -1)];
  },
  Sum_neg(_op, term) {
    return [withSign(term.ast() as TermAst, -1)];
  },
  Sum(term) {
    const value = term.ast();
    return Array.isArray(value) ? value : [value];
  },
  Term(inner) {
    return inner.ast();
  },
  Aggregate(_sum, _open, ref, _close): TermAst {
    return { kind: 'sum', sign: 1, ref: (ref.ast() as { ref: RefAst }).ref };
  },
  Ref(table, _open, selectors, _close, _dot, column): TermAst {
    const ref: RefAst = {
      table: table.sourceString,
      selectors: selectors.asIteration().children.map((c) => c.ast() as SelectorAst),
      column: column.ast() as string,
    };
    return { kind: 'ref', sign: 1, ref };
  },
  Selector_all(_star): SelectorAst {
    return { kind: 'all' };
  },
  Selector(inner) {
    return inner.ast();
  },
  descendants(digits, _star): SelectorAst {
    return { kind: 'descendants', prefix: digits.sourceString };
  },
  name(_chars): SelectorAst {
    return { kind: 'name', name: this.sourceString };
  },
  Column_all(_star) {
    return '*';
  },
  Column(inner) {
    const value = inner.ast();
    return typeof value === 'string' ? value : (value as { name: string }).name;
  },
  string_ascii(_open, chars, _close) {
    return chars.sourceString;
  },
  string_chinese(_open, chars, _close) {
    return chars.sourceString;
  },
  number(_int, _dot, _frac): TermAst {
    return { kind: 'number', sign: 1, text: this.sourceString };
  },
});

function withSign(term: TermAst, sign: 1 | -1): TermAst {
  return { ...term, sign: (term.sign * sign) as 1 | -1 };
}

export type ParseRuleResult = { ok: true; ast: RuleAst } | { ok: false; message: string };

/**
 * Results by expression: every document opened with a set (and every trial copy the 修正 options check) parses the
 * same few dozen rules. ASTs are read-only data, so one result serves them all.
 */
const parsed = new Map<string, ParseRuleResult>();

/** Parses one rule expression; a syntax error comes back as a Chinese message with the position. */
export function parseRule(expr: string): ParseRuleResult {
  let result = parsed.get(expr);
  if (!result) {
    result = parseUncached(expr);
    parsed.set(expr, result);
  }
  return result;
}

function parseUncached(expr: string): ParseRuleResult {
  const { grammar, semantics } = compile();
  const match = grammar.match(expr);
  if (match.failed()) {
    const position = (match as unknown as { getRightmostFailurePosition(): number }).getRightmostFailurePosition();
    return { ok: false, message: `第 ${position + 1} 个字符处语法错误（${match.shortMessage ?? ''}）` };
  }
  return { ok: true, ast: semantics(match).ast() as RuleAst };
}
