import { formatAmount, type Amount } from '../amount/amount';
import { cloneDocument, type BudgetDocument, type CellRef, type RowData } from '../document/document';
import type { TableDef, TemplateSet } from '../template/template.schema';
import type { Command } from './command';
import { readCell } from './cell-writer';
import { structureOf } from '../structure/structure-model';
import { tableTitle } from '../template/header-layout';

/**
 * What a command would write, cell by cell (old → new), before it runs: 重新计算 and the generated fills show this
 * list and ask, because a published figure must never change without the officer choosing it. The command is
 * applied to a copy; the document itself is untouched.
 */
export interface CellChange {
  ref: CellRef;
  /** "表3 部门支出总体情况表" */
  table: string;
  /** "2080505 机关事业单位基本养老保险缴费支出", "合计", a fixed row's label. */
  row: string;
  /** The column's header path as printed: "支出预算/合计". */
  column: string;
  old: Amount | string;
  new: Amount | string;
  /** Printed forms ("489.40" → "489.39"; texts as they are). */
  oldText: string;
  newText: string;
}

export type PreviewResult = { ok: true; changes: CellChange[] } | { ok: false; message: string };

export function previewCommand(doc: BudgetDocument, template: TemplateSet, cmd: Command): PreviewResult {
  const copy = cloneDocument(doc);
  let cells: CellRef[];
  try {
    cells = cmd.apply(copy, { template }).changes.cells;
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const before = structureOf(doc, template);
  const after = structureOf(copy, template);
  const seen = new Set<string>();
  const changes: CellChange[] = [];
  for (const ref of cells) {
    const key = `${ref.table}\u0001${ref.row}\u0001${ref.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const def = template.tables.find((t) => t.id === ref.table);
    const col = def?.columns.find((c) => c.id === ref.col);
    if (!def || !col) continue;
    const amount = col.kind === 'amount';
    const oldRow = before.row(ref.table, ref.row);
    const newRow = after.row(ref.table, ref.row);
    const oldValue = oldRow ? readCell(oldRow, ref.col, amount) : amount ? 0 : '';
    const newValue = newRow ? readCell(newRow, ref.col, amount) : amount ? 0 : '';
    if (oldValue === newValue) continue;
    changes.push({
      ref,
      table: `${def.no} ${tableTitle(def, doc.meta.entityKind)}`,
      row: rowLabel(def, newRow ?? oldRow, ref.row),
      column: col.header.map((h) => h.replace(/\s+/g, '')).join('/'),
      old: oldValue,
      new: newValue,
      oldText: printed(oldValue),
      newText: printed(newValue),
    });
  }
  return { ok: true, changes };
}

/** The list as lines for the CLI and the confirmation dialog: "表3 … 208 社会保障和就业支出 合计：489.40 → 489.39". */
export function formatChanges(changes: readonly CellChange[]): string[] {
  return changes.map((c) => `${c.table}“${c.row}”的“${c.column}”：${c.oldText} → ${c.newText}`);
}

function printed(v: Amount | string): string {
  return typeof v === 'number' ? formatAmount(v) : v === '' ? '（空）' : v;
}

export function rowLabel(def: TableDef, row: RowData | undefined, id: string): string {
  const m = def.rows;
  const fixed = m.kind === 'fixed' ? m.rows : m.kind === 'sideBySide' ? [...m.sides[0], ...m.sides[1], ...m.totals] : [];
  const f = fixed.find((r) => r.id === id);
  if (f) return f.label;
  if (id === 'total' && (m.kind === 'coded' || m.kind === 'projects')) return m.total.label;
  if (!row) return id;
  return [row.code, row.name].filter(Boolean).join(' ') || id;
}
