import type { Command, CommandContext, CommandResult } from './command';
import type { BudgetDocument } from '../document/document';
import { mergeChangeSets, emptyChangeSet } from './command';
import { CellWriter, propagate } from './cell-writer';
import { composite } from './composite.command';
import { rawSetCells } from './raw';
import { structureOf } from '../structure/structure-model';
import { sumColumnsForRow } from '../structure/table-shape';

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
  const model = structureOf(doc, ctx.template);
  const before = model.table(table);
  const parents = new Set<string>();
  const orphans = new Set<string>();
  if (before) {
    for (const id of affectedBefore) {
      const i = before.positionOf(id);
      if (i < 0) continue;
      for (const p of before.dependents(i)) parents.add(before.rows[p].id);
      for (const c of before.terms(i)) orphans.add(before.rows[c].id);
    }
  }
  const result = raw.apply(doc, ctx);
  const after = model.table(table);
  const w = new CellWriter(doc, ctx.template);
  if (after) {
    const depsOf = (id: string): string[] => {
      const i = after.positionOf(id);
      return i < 0 ? [] : [...after.dependents(i)].map((p) => after.rows[p].id);
    };
    const rows = new Set<string>(parents);
    for (const id of affectedAfter) {
      rows.add(id);
      for (const p of depsOf(id)) rows.add(p);
    }
    for (const c of orphans) for (const p of depsOf(c)) rows.add(p);
    const dirty = new Map<string, Set<string>>();
    for (const id of rows) {
      if (after.positionOf(id) < 0) continue;
      dirty.set(id, new Set([...sumColumnsForRow(after.shape, id), ...after.shape.formulaColSet]));
    }
    propagate(w, table, dirty);
  }
  const computed = emptyChangeSet();
  const { cells, restore } = w.outcome();
  computed.cells = cells;
  const inverse = restore.length === 0 ? result.inverse : composite(label, [rawSetCells(label, restore), result.inverse]);
  return { inverse, changes: mergeChangeSets([result.changes, computed]) };
}
