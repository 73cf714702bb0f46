import type { Command, CommandContext, CommandResult } from './command';
import type { BudgetDocument } from '../document/document';
import { mergeChangeSets, emptyChangeSet } from './command';
import { CellWriter, propagate } from './cell-writer';
import { composite } from './composite.command';
import { documentIndex } from './doc-index';
import { rawSetCells } from './raw';
import { sumColumnsForRow } from './table-model';

/**
 * Applies a row-structure primitive (insert, delete, re-code) and recomputes only the sums whose list of terms
 * changed: the parents of the affected rows before and after, the affected rows themselves, and the new parents of
 * their former children. The inverse restores those cells verbatim, then reverses the structure change.
 */
export function applyStructural(
  doc: BudgetDocument,
  ctx: CommandContext,
  label: string,
  table: string,
  raw: Command,
  affectedBefore: readonly string[],
  affectedAfter: readonly string[],
): CommandResult {
  const idx = documentIndex(doc, ctx.template);
  const before = idx.table(table);
  const parents = new Set<string>();
  const orphans = new Set<string>();
  if (before) {
    for (const id of affectedBefore) {
      for (const p of before.dependents.get(id) ?? []) parents.add(p);
      for (const c of before.terms.get(id) ?? []) orphans.add(c.ref);
    }
  }
  const result = raw.apply(doc, ctx);
  const after = idx.table(table);
  const w = new CellWriter(doc, ctx.template);
  if (after) {
    const rows = new Set<string>(parents);
    for (const id of affectedAfter) {
      rows.add(id);
      for (const p of after.dependents.get(id) ?? []) rows.add(p);
    }
    for (const c of orphans) for (const p of after.dependents.get(c) ?? []) rows.add(p);
    const dirty = new Map<string, Set<string>>();
    for (const id of rows) {
      if (!after.pos.has(id)) continue;
      dirty.set(id, new Set([...sumColumnsForRow(after.model, id), ...after.model.formulaColSet]));
    }
    propagate(w, table, dirty);
  }
  const computed = emptyChangeSet();
  computed.cells = w.changedCells();
  const restore = w.inverseEntries();
  const inverse = restore.length === 0 ? result.inverse : composite(label, [rawSetCells(label, restore), result.inverse]);
  return { inverse, changes: mergeChangeSets([result.changes, computed]) };
}
