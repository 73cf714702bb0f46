import type { BudgetDocument } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { getBuiltinTemplateSet } from '../template/registry';
import { createSampleDocument } from '../sample/sample-inputs';

/** The built-in sample document and its set, for the text, check and docx tests. */
export function sampleDoc(): BudgetDocument {
  return createSampleDocument();
}

export function sampleSet(): TemplateSet {
  const set = getBuiltinTemplateSet('xj-dept-2024-11');
  if (!set) throw new Error('内置模板不存在');
  return set;
}
