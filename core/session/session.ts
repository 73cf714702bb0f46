import type { BudgetDocument } from '../document/document';
import type { ChangeSet, Command, CommandContext } from '../commands/command';
import { History } from '../commands/history';
import { structureOf } from '../structure/structure-model';
import { isComputedCell } from '../commands/cell-writer';
import type { CellRef } from '../document/document';
import type { Finding } from '../rules/finding';
import type { RuleEngine, RuleEngineFactory } from '../rules/engine.types';
import type { TemplateSet } from '../template/template.schema';
import { sortFindings } from '../rules/finding-order';

/** Text checks over every figure cost ~2 ms on a normal document but far more on a 10,000-row one. */
const SYNC_TEXT_CHECK_ROWS = 3000;

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
  /** The text and completeness checks (core/checks/check-text.ts); omitted → none. */
  textChecks?: (doc: BudgetDocument, template: TemplateSet) => Finding[];
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
  private readonly textChecks?: (doc: BudgetDocument, template: TemplateSet) => Finding[];
  private textFindings: Finding[] = [];
  private textStale = false;
  private merged: { engine: readonly Finding[]; text: Finding[]; all: readonly Finding[] } | null = null;

  constructor(options: SessionOptions) {
    this.template = options.template;
    this.doc = options.doc;
    this.ctx = { template: options.template };
    this.history = new History(options.historyLimit);
    this.savedState = this.history.stateId();
    this.engine = options.ruleEngineFactory ? options.ruleEngineFactory(options.template, options.doc) : NO_ENGINE;
    this.engine.checkAll();
    this.textChecks = options.textChecks;
    this.refreshTextFindings();
  }

  get version(): number {
    return this.versionNo;
  }

  get dirty(): boolean {
    return this.history.stateId() !== this.savedState;
  }

  /**
   * Table findings (incremental) followed by the text findings. On a large document a plain cell edit leaves the
   * text findings stale until refreshTextFindings() — the editor calls it when typing pauses.
   */
  findings(): readonly Finding[] {
    const engine = this.engine.findings();
    if (this.textFindings.length === 0) return engine;
    if (!this.merged || this.merged.engine !== engine || this.merged.text !== this.textFindings) {
      this.merged = { engine, text: this.textFindings, all: sortFindings([...engine, ...this.textFindings]) };
    }
    return this.merged.all;
  }

  get textFindingsStale(): boolean {
    return this.textStale;
  }

  /** Re-run the text checks now if an edit left them stale; true when they were re-run. */
  refreshTextFindings(): boolean {
    if (!this.textChecks) return false;
    this.textFindings = this.textChecks(this.doc, this.template);
    this.textStale = false;
    return true;
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
    return structureOf(this.doc, this.template).position(table, rowId);
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
    this.updateTextFindings(done.changes);
    this.emit({ kind, label: done.label, changes: done.changes, version: this.versionNo, dirty: this.dirty });
    return { ok: true, changes: done.changes };
  }

  private updateTextFindings(changes: ChangeSet): void {
    if (!this.textChecks) return;
    const onlyCells = changes.inputs.length === 0 && changes.priorYear.length === 0 && !changes.meta && changes.tables.length === 0;
    let rows = 0;
    for (const t of Object.values(this.doc.tables)) rows += t.rows.length;
    if (onlyCells && rows > SYNC_TEXT_CHECK_ROWS) this.textStale = true;
    else this.refreshTextFindings();
  }

  private emit(event: SessionEvent): void {
    for (const l of [...this.listeners]) l(event);
  }
}

function emptyChanges(): ChangeSet {
  return { cells: [], tables: [], inputs: [], priorYear: [], meta: false };
}
