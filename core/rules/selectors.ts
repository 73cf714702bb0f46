import type { SelectorAst } from './ast';
import { SLOT_BITS, type EvalContext } from './compiled';
import { isProjectRow, TOTAL_KEY, type RuleTable } from './rule-table';

/**
 * Row selectors and cell references of the rule language, resolved against a template: which rows a selector
 * takes, which column a name means, and the words a message uses for them.
 */

export class CompileError extends Error {}

export type Sel =
  | { kind: 'all' }
  | { kind: 'level'; level: number }
  | { kind: 'descendants'; prefix: string }
  | { kind: 'row'; id: string }
  | { kind: 'projects' }
  | { kind: 'org' }
  | { kind: 'children' }
  | { kind: 'under' };

export interface Ref {
  table: RuleTable;
  col: number;
  colId: string;
  sels: Sel[];
  /** A single literal row: the same row for every instance. */
  literal?: string;
  /** Selects every row (`*`): no per-row test needed. */
  every: boolean;
  /** Table and selectors, to merge identical row bindings (t3[*] on both sides binds once). */
  signature: string;
}

export interface Term {
  kind: 'ref' | 'sum' | 'number';
  sign: 1 | -1;
  ref?: Ref;
  value?: number;
  relative?: boolean;
  /** For row-binding refs: index into the rule's distinct binding tables. */
  slot?: number;
}

const LEVEL_WORDS: Record<string, number> = { 类: 0, 款: 1, 项: 2 };
const RELATIVE: Record<string, Sel> = { children: { kind: 'children' }, under: { kind: 'under' }, 下级: { kind: 'children' } };

export function tableOf(id: string, ctx: EvalContext): RuleTable {
  const no = ctx.tableNo.get(id);
  if (no === undefined) throw new CompileError(`表“${id}”不存在`);
  return ctx.tables[no];
}

export function resolveColumn(table: RuleTable, column: string): number {
  const byId = table.colIndex.get(column);
  if (byId !== undefined && byId < table.amountCols.length) return byId;
  const wanted = column.replace(/\s+/g, '');
  const hits = table.amountCols.filter((id) => table.columnLabel(id) === wanted);
  if (hits.length === 1) return table.colIndex.get(hits[0])!;
  if (hits.length > 1) throw new CompileError(`${table.def.no}有多个名为“${column}”的金额列，请写列标识（${hits.join('、')}）`);
  throw new CompileError(`${table.def.no}没有金额列“${column}”`);
}

export function resolveSel(sel: SelectorAst, inAggregate: boolean): Sel {
  if (sel.kind === 'all') return sel;
  if (sel.kind === 'descendants') return sel;
  if (sel.name === 'projects' || sel.name === '项目') return { kind: 'projects' };
  if (sel.name === 'org' || sel.name === '机构') return { kind: 'org' };
  const level = LEVEL_WORDS[sel.name];
  if (level !== undefined) return { kind: 'level', level };
  const relative = RELATIVE[sel.name];
  if (relative) {
    if (!inAggregate) throw new CompileError(`“${sel.name}”只能用在 sum(…) 里`);
    return relative;
  }
  return { kind: 'row', id: sel.name === '合计' ? TOTAL_KEY : sel.name };
}

export function selectorWord(sel: Sel): string {
  switch (sel.kind) {
    case 'all':
      return '各行';
    case 'level':
      return ['各类', '各款', '各项'][sel.level] ?? '各级';
    case 'descendants':
      return `${sel.prefix}下各科目`;
    case 'row':
      return sel.id;
    case 'projects':
      return '各项目';
    case 'org':
      return '各部门/单位汇总行';
    case 'children':
      return '下级科目';
    case 'under':
      return '所属各行';
  }
}

function matches(ref: Ref, rowIdx: number, sel: Sel): boolean {
  const table = ref.table;
  switch (sel.kind) {
    case 'all':
      return true;
    case 'level':
      return table.rowLevel[rowIdx] === sel.level && !table.isTotal(table.rows[rowIdx]);
    case 'descendants': {
      const code = table.rows[rowIdx].code;
      return code !== undefined && code.length > sel.prefix.length && code.startsWith(sel.prefix);
    }
    case 'row':
      return table.keys[rowIdx] === sel.id || table.rows[rowIdx].id === sel.id;
    case 'projects':
      return isProjectRow(table.rows[rowIdx]);
    case 'org': {
      // An organisation row whose rows were summed with other units' (one code under several units) has no
      // members of its own and cannot be checked on its own.
      const row = table.rows[rowIdx];
      return row.org !== undefined && table.children(row.id).length > 0;
    }
    default:
      return false;
  }
}

export function matchesAny(ref: Ref, rowIdx: number): boolean {
  for (const sel of ref.sels) if (matches(ref, rowIdx, sel)) return true;
  return false;
}

/** Rows an absolute aggregate sums; `*` inside sum() leaves the 合计 row out (it is never its own part). */
export function rowsMatching(ref: Ref): number[] {
  const out: number[] = [];
  const rows = ref.table.rows;
  const literalRows = ref.sels.some((s) => s.kind === 'row');
  for (let i = 0; i < rows.length; i++) {
    if (!literalRows && ref.table.isTotal(rows[i])) continue;
    if (matchesAny(ref, i)) out.push(i);
  }
  return out;
}

export function slotsOf(ref: Ref, rows: readonly number[]): number[] {
  const base = ref.table.tableNo * (1 << SLOT_BITS) + ref.col;
  return rows.map((row) => base + row * ref.table.stride);
}

export function findLiteralOrUndefined(table: RuleTable, id: string): number | undefined {
  return table.rowById(id) ?? table.byKey.get(id);
}
