import { formatAmount } from '../amount/amount';
import type { RelOp } from './ast';

/** Chinese finding messages: both figures and the difference, e.g. "表3 2101501 行政运行：合计 138.64 ≠ 基本支出 + 项目支出 138.00，相差 0.64". */

export interface SideTerm {
  sign: 1 | -1;
  /** The term as words ("基本支出", "表3 合计"); numbers come as their printed value. */
  label: string;
  isNumber?: boolean;
}

export interface ComparisonMessageInput {
  table: string;
  row: string;
  left: SideTerm[];
  right: SideTerm[];
  l: number;
  r: number;
  op: RelOp;
  rounding: boolean;
  /** The rule's own pattern, with {表} {行} {左} {右} {左值} {右值} {差额}. */
  pattern?: string;
}

const VIOLATION: Record<RelOp, string> = { '=': '≠', '<=': '>', '>=': '<' };

export function sideText(terms: SideTerm[]): string {
  return terms
    .map((t, i) => (i === 0 ? (t.sign < 0 ? `-${t.label}` : t.label) : `${t.sign < 0 ? ' - ' : ' + '}${t.label}`))
    .join('');
}

export function comparisonMessage(m: ComparisonMessageInput): string {
  const fmt = (v: number): string => formatAmount(v);
  const diff = fmt(Math.abs(m.l - m.r));
  const side = (terms: SideTerm[], v: number): string => (terms.every((t) => t.isNumber) ? fmt(v) : `${sideText(terms)} ${fmt(v)}`);
  if (m.pattern) {
    return m.pattern
      .replaceAll('{表}', m.table)
      .replaceAll('{行}', m.row)
      .replaceAll('{左}', sideText(m.left))
      .replaceAll('{右}', sideText(m.right))
      .replaceAll('{左值}', fmt(m.l))
      .replaceAll('{右值}', fmt(m.r))
      .replaceAll('{差额}', diff) + (m.rounding ? '（尾差）' : '');
  }
  const where = m.row ? `${m.table} ${m.row}` : m.table;
  const tail = m.rounding ? '（尾差，多由四舍五入造成，请做舍位平衡）' : '';
  return `${where}：${side(m.left, m.l)} ${VIOLATION[m.op]} ${side(m.right, m.r)}，相差 ${diff}${tail}`;
}
