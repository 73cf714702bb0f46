import type { BudgetDocument } from '../document/document';
import type { ChangeSet, Command, CommandContext } from '../commands/command';
import { History } from '../commands/history';
import { documentIndex } from '../commands/doc-index';
import { isComputedCell } from '../commands/cell-writer';
import type { CellRef } from '../document/document';
import type { Finding } from '../rules/finding';
import type { RuleEngine, RuleEngineFactory } from '../rules/engine.types';
import type { TemplateSet } from '../template/template.schema';

export type SessionEventKind = 'execute' | 'undo' | 'redo' | 'saved';

export interface SessionEvent {
  kind: SessionEventKind;
  /** Label of the command executed, undone or redone. */
  label: string;
  changes: ChangeSet;
  version: number;
  dirty: boolean;
}

export type ExecuteResult = { ok: true; changes: ChangeSet } | { ok: false; message: string };

export interface SessionOptions {
  template: TemplateSet;
  doc: BudgetDocument;
  /** The rule engine; omitted → no findings (tests, tools). */
  ruleEngineFactory?: RuleEngineFactory;
  historyLimit?: number;
}

const NO_ENGINE: RuleEngine = { checkAll: () => [], update: () => undefined, findings: () => [] };

/**
 * One open document: the document itself, its template set, the undo history and the rule engine, kept in step.
 * Every change goes through execute(cmd) (or undo/redo): the command mutates the document in place, the ChangeSet
 * goes to the rule engine for an incremental re-check, the version increases and subscribers hear about it.
 */
export class DocumentSession {
  readonly template: TemplateSet;
  readonly doc: BudgetDocument;
  readonly history: History;
  readonly engine: RuleEngine;
  private ctx: CommandContext;
  private versionNo = 0;
  private savedState: number;
  private listeners = new Set<(event: SessionEvent) => void>();

  constructor(options: SessionOptions) {
    this.template = options.template;
    this.doc = options.doc;
    this.ctx = { template: options.template };
    this.history = new History(options.historyLimit);
    this.savedState = this.history.stateId();
    this.engine = options.ruleEngineFactory ? options.ruleEngineFactory(options.template, options.doc) : NO_ENGINE;
    this.engine.checkAll();
  }

  get version(): number {
    return this.versionNo;
  }

  get dirty(): boolean {
    return this.history.stateId() !== this.savedState;
  }

  findings(): readonly Finding[] {
    return this.engine.findings();
  }

  execute(cmd: Command): ExecuteResult {
    return this.run('execute', () => this.history.execute(cmd, this.doc, this.ctx));
  }

  undo(): ExecuteResult {
    return this.run('undo', () => this.history.undo(this.doc, this.ctx));
  }

  redo(): ExecuteResult {
    return this.run('redo', () => this.history.redo(this.doc, this.ctx));
  }

  canUndo(): boolean {
    return this.history.canUndo();
  }

  canRedo(): boolean {
    return this.history.canRedo();
  }

  undoLabel(): string | null {
    return this.history.undoLabel();
  }

  redoLabel(): string | null {
    return this.history.redoLabel();
  }

  /** Call after the document was written to disk: the current state becomes the clean one. */
  markSaved(): void {
    this.savedState = this.history.stateId();
    this.emit({ kind: 'saved', label: '', changes: emptyChanges(), version: this.versionNo, dirty: false });
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Position of a row in its table (-1 if absent), from the index the commands maintain. */
  rowPosition(table: string, rowId: string): number {
    return documentIndex(this.doc, this.template).position(table, rowId);
  }

  /** Whether a cell is computed and therefore read-only in the grid. */
  isComputed(ref: CellRef): boolean {
    return isComputedCell(this.doc, this.template, ref);
  }

  private run(kind: SessionEventKind, step: () => { label: string; changes: ChangeSet } | null): ExecuteResult {
    let done;
    try {
      done = step();
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    if (!done) return { ok: false, message: kind === 'undo' ? '没有可撤销的操作' : '没有可重做的操作' };
    this.versionNo += 1;
    this.engine.update(done.changes);
    this.emit({ kind, label: done.label, changes: done.changes, version: this.versionNo, dirty: this.dirty });
    return { ok: true, changes: done.changes };
  }

  private emit(event: SessionEvent): void {
    for (const l of [...this.listeners]) l(event);
  }
}

function emptyChanges(): ChangeSet {
  return { cells: [], tables: [], inputs: [], priorYear: [], meta: false };
}
