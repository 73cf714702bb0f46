import type { BudgetDocument } from '../document/document';
import type { Finding } from '../rules/finding';
import type { TemplateSet } from '../template/template.schema';
import { createRuleEngine } from '../rules/engine';
import { checkDocumentText } from './check-text';
import { sortFindings } from '../rules/finding-order';

/**
 * Every finding of a document at once: the template's table rules (审核公式) and the text/completeness checks.
 * The CLI and exporters use this; the editor keeps the same set incrementally through DocumentSession.
 */
export function checkDocument(doc: BudgetDocument, template: TemplateSet): Finding[] {
  return sortFindings([...createRuleEngine(template, doc).checkAll(), ...checkDocumentText(doc, template)]);
}
