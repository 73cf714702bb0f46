import { CLASSIFICATION_NAMES, CODE_LEVELS, type Classification } from './code-book';

/**
 * Structural checks of classification codes that need no official list: digits only, a length that is one of the
 * levels (类/款/项), the parent (款 of a 项, 类 of a 款) present in the same table, no duplicates.
 */

export type CodeProblemKind = 'notDigits' | 'badLength' | 'missingParent' | 'duplicate';

export interface CodeProblem {
  kind: CodeProblemKind;
  code: string;
  /** Index of the row in the list given (the later one for duplicates). */
  index: number;
  message: string;
}

const LEVEL_NAMES = ['类', '款', '项'];

/**
 * The problem of one code on its own (digits, length), or undefined. `allowed` narrows the levels that may be used
 * here (a project table takes only 项); the message names levels by their place in `levels`, written for people:
 * "类为3位，款为5位，项为7位".
 */
export function codeShapeProblem(code: string, levels: readonly number[], allowed: readonly number[] = levels): Omit<CodeProblem, 'index'> | undefined {
  if (!/^\d+$/.test(code)) return { kind: 'notDigits', code, message: `编码“${code}”只能由数字组成` };
  if (!allowed.includes(code.length)) {
    const name = (n: number) => LEVEL_NAMES[levels.indexOf(n)] ?? `第${levels.indexOf(n) + 1}级`;
    const scheme = levels.map((n) => `${name(n)}为${n}位`).join('，');
    const message =
      allowed.length === levels.length
        ? `编码“${code}”是${code.length}位，不是有效的科目编码（${scheme}）`
        : `此处只能使用${allowed.map((n) => `${name(n)}级科目（${n}位）`).join('或')}，“${code}”是${code.length}位`;
    return { kind: 'badLength', code, message };
  }
  return undefined;
}

/** The parent code one level up ("2080505" → "20805"), or undefined for a 类 or a malformed code. */
export function parentCode(code: string, levels: readonly number[]): string | undefined {
  const level = levels.indexOf(code.length);
  return level > 0 ? code.slice(0, levels[level - 1]) : undefined;
}

/**
 * Checks the codes of one table's rows in order. `levels` defaults to the classification's. Problems are returned
 * in row order; messages are Chinese and name the code.
 */
export function checkCodes(
  codes: readonly string[],
  options: { classification?: Classification; levels?: readonly number[] } = {},
): CodeProblem[] {
  const levels = options.levels ?? CODE_LEVELS[options.classification ?? 'functional'];
  const kindName = options.classification ? CLASSIFICATION_NAMES[options.classification] : '';
  const present = new Set(codes);
  const seen = new Set<string>();
  const problems: CodeProblem[] = [];
  codes.forEach((code, index) => {
    const shape = codeShapeProblem(code, levels);
    if (shape) {
      problems.push({ ...shape, index, message: kindName ? `${kindName}${shape.message}` : shape.message });
    } else {
      const parent = parentCode(code, levels);
      if (parent !== undefined && !present.has(parent)) {
        const level = levels.indexOf(code.length);
        problems.push({
          kind: 'missingParent', code, index,
          message: `编码“${code}”所属的${LEVEL_NAMES[level - 1] ?? '上级'}“${parent}”不在表中`,
        });
      }
    }
    if (seen.has(code)) problems.push({ kind: 'duplicate', code, index, message: `编码“${code}”重复出现` });
    seen.add(code);
  });
  return problems;
}
