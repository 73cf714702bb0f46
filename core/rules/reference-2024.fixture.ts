import type { BudgetDocument } from '../document/document';
import { createSampleMeta, createSampleTables } from '../sample/sample-tables';
import { docFor } from '../testing/builders';

/**
 * The figures of the 2024 reference release (若羌县医疗保障局 部门预算): the built-in sample's tables, without its
 * text inputs, so the rule tests see exactly the table figures the sample ships. 表7 is rebuilt from the release's
 * project list (383.70 + 10.00 + 22.00 + 3.00).
 */
export function reference2024(): BudgetDocument {
  const doc = docFor('xj-dept-2024-11');
  doc.meta = createSampleMeta();
  doc.tables = createSampleTables();
  return doc;
}
