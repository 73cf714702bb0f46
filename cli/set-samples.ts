import type { BudgetDocument } from '../core/document/document';
import { createFinalSampleDocument } from '../core/sample/final-sample';
import { createShanghaiSampleDocument } from '../core/sample/shanghai-sample';
import { sampleDocument } from './sample-source';

/**
 * The sets that come with a consistent sample document, by set id. A set without one has no invented figures to
 * offer: `sample --template` says so instead of writing an empty document.
 */
export const SET_SAMPLES: Readonly<Record<string, () => BudgetDocument>> = {
  'xj-dept-2024-11': sampleDocument,
  'sh-dept-2025-9': createShanghaiSampleDocument,
  'national-final-9': createFinalSampleDocument,
};

export const DEFAULT_SAMPLE_SET = 'xj-dept-2024-11';
