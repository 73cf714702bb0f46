import type { BudgetDocument, CellRef } from '../../core/document/document';
import { structureOf } from '../../core/structure/structure-model';
import { TOTAL_ROW_ID } from '../../core/structure/table-structure';
import type { SumTerm } from '../../core/structure/formula';
import { leafLabel } from '../../core/template/header-layout';
import type { TableDef, TemplateSet } from '../../core/template/template.schema';

/**
 * Why a cell is computed, in words the officer can act on: the sum it shows (the column formula, the code tree, the
 * fixed rows' formula or the organisation subtotal, as core/structure models them) and which cells to change
 * instead. The grid shows it when someone types into, double-clicks or pastes over a computed cell, and as the
 * cell's tooltip.
 */
export interface ComputedReason {
  /** What the cell equals, e.g. "= 下级科目之和" or "= 基本支出 + 项目支出". */
  formula: string;
  /** What to edit instead, e.g. "下级科目" or "基本支出或项目支出". */
  edit: string;
}

/** The status-bar sentence for a computed cell. */
export function explainComputed(reason: ComputedReason): string {
  return `此格自动计算（${reason.formula}），请修改${reason.edit}`;
}

/** The reason a computed cell is computed, or null when the structure says it is an input. */
export function computedReason(doc: BudgetDocument, template: TemplateSet, ref: CellRef): ComputedReason | null {
  const ts = structureOf(doc, template).table(ref.table);
  if (!ts) return null;
  const def = ts.def;
  // Same order as the editor's isComputedCell: a column formula wins over a sum row (合计 × 合计 is basic + project).
  const columnFormula = ts.shape.formulas.find((f) => f.col === ref.col);
  if (columnFormula) return termsReason(columnFormula.terms, (id) => columnLabel(def, id));
  if (!ts.shape.amountColSet.has(ref.col)) return null;
  const i = ts.positionOf(ref.row);
  if (i < 0) return null;
  const row = ts.rows[i];
  // An organisation row is never typed in, even before any row names it (the grid treats it as computed).
  if (row.org !== undefined) {
    // A 部门 row sums its 单位 rows; a 单位 row sums the code rows that name it.
    const members = row.org === 'department' ? '所属单位' : '本单位各科目';
    return { formula: `= ${members}之和`, edit: `${members}的数字` };
  }
  if (ts.computed[i] !== 1) return null;
  const model = def.rows.kind;
  if (model === 'coded' || model === 'projects') {
    if (row.id === TOTAL_ROW_ID) return model === 'projects' ? { formula: '= 各项目之和', edit: '各项目' } : { formula: '= 各类科目之和', edit: '下级科目' };
    return model === 'projects' ? { formula: '= 所属项目之和', edit: '所属项目' } : { formula: '= 下级科目之和', edit: '下级科目' };
  }
  const terms = ts.shape.fixedTerms.get(row.id);
  if (!terms) return null;
  return termsReason(terms, (id) => rowLabel(ts.shape.labels.get(id) ?? id));
}

/** A fixed row's label without its printed numbering or 其中 ("一、", "（二）", "其中："), as a sentence names it. */
function rowLabel(label: string): string {
  return label.replace(/^(其中[:：]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、])/, '') || label;
}

function columnLabel(def: TableDef, id: string): string {
  const col = def.columns.find((c) => c.id === id);
  return col ? leafLabel(col) : id;
}

function termsReason(terms: readonly SumTerm[], label: (id: string) => string): ComputedReason {
  const formula = terms.map((t, k) => `${k === 0 ? (t.sign < 0 ? '− ' : '') : t.sign < 0 ? ' − ' : ' + '}${label(t.ref)}`).join('');
  const names = [...new Set(terms.map((t) => label(t.ref)))];
  const edit = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join('、')}或${names.at(-1)}`;
  return { formula: `= ${formula}`, edit };
}
