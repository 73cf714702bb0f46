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

/** The problem of one code on its own (digits, length), or undefined. */
export function codeShapeProblem(code: string, levels: readonly number[]): Omit<CodeProblem, 'index'> | undefined {
  if (!/^\d+$/.test(code)) return { kind: 'notDigits', code, message: `编码“${code}”只能由数字组成` };
  if (!levels.includes(code.length)) {
    const allowed = levels.map((n, i) => `${LEVEL_NAMES[i] ?? `第${i + 1}级`}${n}位`).join('、');
    return { kind: 'badLength', code, message: `编码“${code}”长度为${code.length}位，应为${allowed}` };
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
