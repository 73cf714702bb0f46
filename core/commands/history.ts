import type { BudgetDocument } from '../document/document';
import type { ChangeSet, Command, CommandContext } from './command';

interface Entry {
  /** Unique id of the state this entry leads to (for the saved/dirty mark). */
  state: number;
  label: string;
  /** Applying this command goes one step back (undo stack) or forward (redo stack). */
  command: Command;
}

export interface HistoryStep {
  label: string;
  changes: ChangeSet;
}

/**
 * Undo/redo over commands. Each entry keeps the command that reverses it (the inverse returned by apply); applying
 * that gives the command to go forward again, so redo needs no copy of the document.
 */
export class History {
  private undoStack: Entry[] = [];
  private redoStack: Entry[] = [];
  private nextState = 1;
  private current = 0;

  constructor(readonly limit = 500) {}

  /** Applies a command and records it; throws (leaving history unchanged) if the command refuses. */
  execute(cmd: Command, doc: BudgetDocument, ctx: CommandContext): HistoryStep {
    const result = cmd.apply(doc, ctx);
    const state = this.nextState++;
    this.undoStack.push({ state: this.current, label: cmd.label, command: result.inverse });
    this.current = state;
    this.redoStack = [];
    if (this.undoStack.length > this.limit) this.undoStack.splice(0, this.undoStack.length - this.limit);
    return { label: cmd.label, changes: result.changes };
  }

  undo(doc: BudgetDocument, ctx: CommandContext): HistoryStep | null {
    const entry = this.undoStack.pop();
    if (!entry) return null;
    let result;
    try {
      result = entry.command.apply(doc, ctx);
    } catch (error) {
      this.undoStack.push(entry);
      throw error;
    }
    this.redoStack.push({ state: this.current, label: entry.label, command: result.inverse });
    this.current = entry.state;
    return { label: entry.label, changes: result.changes };
  }

  redo(doc: BudgetDocument, ctx: CommandContext): HistoryStep | null {
    const entry = this.redoStack.pop();
    if (!entry) return null;
    let result;
    try {
      result = entry.command.apply(doc, ctx);
    } catch (error) {
      this.redoStack.push(entry);
      throw error;
    }
    this.undoStack.push({ state: this.current, label: entry.label, command: result.inverse });
    this.current = entry.state;
    return { label: entry.label, changes: result.changes };
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** "撤销 编辑单元格" is built by the menu from this label; null when nothing to undo. */
  undoLabel(): string | null {
    return this.undoStack.at(-1)?.label ?? null;
  }

  redoLabel(): string | null {
    return this.redoStack.at(-1)?.label ?? null;
  }

  /** Identifies the document state reached by the history; equal ids mean identical documents. */
  stateId(): number {
    return this.current;
  }

  get undoDepth(): number {
    return this.undoStack.length;
  }

  get redoDepth(): number {
    return this.redoStack.length;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}
