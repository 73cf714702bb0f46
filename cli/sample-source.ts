import type { BudgetDocument } from '../core/document/document';
import { createSampleDocument } from '../core/sample/sample-inputs';

/**
 * The one place the CLI gets the built-in sample from. Today: the sample tables with the Word engineer's inputs
 * (core/sample/sample-inputs.ts). When core/sample/sample.ts (createSampleDocument) lands, switch this import.
 */
export function sampleDocument(): BudgetDocument {
  return createSampleDocument();
}
