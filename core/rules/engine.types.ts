import type { ChangeSet } from '../commands/command';
import type { BudgetDocument } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import type { Finding } from './finding';

/**
 * The rule engine evaluates a template set's rules over a document.
 * Incremental: update() re-evaluates only the rule instances that read a changed cell (or whose row binding
 * depends on a table whose row list changed). findings() after any sequence of updates equals checkAll() on the
 * same document (property-tested).
 */
export interface RuleEngine {
  /** Evaluate everything from scratch and return the findings (also resets the incremental state). */
  checkAll(): readonly Finding[];
  /** Re-check after a command changed the document in place. */
  update(changes: ChangeSet): void;
  /** Current findings, sorted: errors first, then by table order, row order, rule order. */
  findings(): readonly Finding[];
}

export type RuleEngineFactory = (template: TemplateSet, doc: BudgetDocument) => RuleEngine;
