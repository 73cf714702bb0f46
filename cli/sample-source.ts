import type { BudgetDocument } from '../core/document/document';
import { createSampleDocument } from '../core/sample/sample-inputs';

/** The one place the CLI gets the built-in sample from: the reference release's tables with its inputs. */
export function sampleDocument(): BudgetDocument {
  return createSampleDocument();
}
