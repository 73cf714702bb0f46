import type { BudgetDocument, CellRef } from '../document/document';
import type { TemplateSet } from '../template/template.schema';

/**
 * What a command touched, so that the rule engine re-checks only the rules that read those cells,
 * and the UI refreshes only what changed.
 */
export interface ChangeSet {
  /** Amount or text cells whose value changed (including computed cells a command recomputed). */
  cells: CellRef[];
  /** Tables whose row list changed (rows inserted, deleted, moved, or a row's code changed). */
  tables: string[];
  /** Officer text inputs (document.inputs keys) that changed. */
  inputs: string[];
  /** Last year's figure keys (document.priorYear) that changed. */
  priorYear: string[];
  /** Document metadata changed (unit name, year, entity kind …). */
  meta: boolean;
}

export interface CommandContext {
  template: TemplateSet;
}

export interface CommandResult {
  /** Applying the inverse to the changed document restores the document exactly (deep-equal). */
  inverse: Command;
  changes: ChangeSet;
}

/**
 * Every change to a document is a command: grid edits, pastes, row insertions, fixes, generated fills.
 * apply mutates the document in place (documents can be large; copying 10,000 rows per keystroke is not an option)
 * and returns the inverse. One history (history.ts) gives undo/redo for all of them.
 */
export interface Command {
  /** Chinese label for the 撤销/重做 menu: "编辑 表3 单元格", "粘贴 3×2", "插入行 2101501". */
  label: string;
  apply(doc: BudgetDocument, ctx: CommandContext): CommandResult;
}

export function emptyChangeSet(): ChangeSet {
  return { cells: [], tables: [], inputs: [], priorYear: [], meta: false };
}

export function mergeChangeSets(sets: readonly ChangeSet[]): ChangeSet {
  const out = emptyChangeSet();
  for (const s of sets) {
    out.cells.push(...s.cells);
    out.tables.push(...s.tables);
    out.inputs.push(...s.inputs);
    out.priorYear.push(...s.priorYear);
    out.meta = out.meta || s.meta;
  }
  out.tables = [...new Set(out.tables)];
  out.inputs = [...new Set(out.inputs)];
  out.priorYear = [...new Set(out.priorYear)];
  return out;
}
