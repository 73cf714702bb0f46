import type { Amount } from '../amount/amount';
import type { CellRef } from '../document/document';
import type { Severity } from '../template/template.schema';

/** One finding of a check (审核结果): a table rule, a code check, or a text/completeness check. */
export interface Finding {
  /** Stable while the same rule fails at the same place: rule id + binding (e.g. the row code). */
  id: string;
  rule: string;
  /** The rule's Chinese name. */
  ruleName: string;
  severity: Severity;
  scope: '表内' | '表间' | '文字';
  /** Chinese, with both figures and the difference: "表3 2101501 合计 138.64 ≠ 基本支出 + 项目支出 138.00，相差 0.64". */
  message: string;
  /** The cells involved; the first is the one to focus. */
  cells: CellRef[];
  /** For text/completeness findings: the document.inputs key to open. */
  input?: string;
  /** A value that would satisfy the rule, where one exists. */
  fix?: { cell: CellRef; value: Amount };
  /**
   * For an equality between two sides: left − right (`diff`) and each cell's signed weight in it, so a fix can be
   * offered on either side (one cell changed by −diff / coef makes the sides equal).
   */
  balance?: { diff: number; terms: { cell: CellRef; coef: number }[] };
}

/** The JSON shape `validate --json` prints, with tables by printed number and columns by leaf header label. */
export interface PrintedFinding {
  severity: Severity;
  rule: string;
  message: string;
  cells: { table: string; row: string; column: string }[];
}
