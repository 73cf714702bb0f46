import { CodeBook } from '../../core/codes';
import { createDocument, type NewDocumentMeta } from '../../core/document/create';
import type { BudgetDocument } from '../../core/document/document';
import { parseDocument, serializeDocumentBytes } from '../../core/file';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { checkDocumentText } from '../../core/checks/check-text';
import { createRuleEngine } from '../../core/rules/engine';
import { DocumentSession } from '../../core/session/session';
import { builtinTemplateSets, getBuiltinTemplateSet } from '../../core/template/registry';
import type { TableDef, TemplateSet } from '../../core/template/template.schema';
import { DERIVATIONS, derivationCommand } from '../../core/derive/generate';

/**
 * Every call from the renderer into core's document lifecycle lives here (open, save, sample, session, code book),
 * so the UI components stay thin and a change in core touches one file.
 */

let codeBook: CodeBook | undefined;
export function sharedCodeBook(): CodeBook {
  codeBook ??= CodeBook.builtin();
  return codeBook;
}

export function createSession(doc: BudgetDocument, template: TemplateSet): DocumentSession {
  const book = sharedCodeBook();
  return new DocumentSession({
    template,
    doc,
    ruleEngineFactory: (t, d) => createRuleEngine(t, d, { codeBook: book }),
    textChecks: checkDocumentText,
  });
}

/** The built-in sample: 若羌县医疗保障局 2024 部门预算, tables and text inputs. */
export function sampleDocument(): BudgetDocument {
  return createSampleDocument();
}

export function newDocument(template: TemplateSet, meta: NewDocumentMeta = {}): BudgetDocument {
  return createDocument(template, meta);
}

/** Template sets loaded from a bureau's file during this run, found by documents that name them. */
const loadedSets = new Map<string, TemplateSet>();

export function registerTemplateSet(set: TemplateSet): void {
  loadedSets.set(set.id, set);
}

export function templateFor(doc: BudgetDocument): TemplateSet | undefined {
  return resolveTemplate(doc.meta.templateId);
}

function resolveTemplate(id: string): TemplateSet | undefined {
  return loadedSets.get(id) ?? getBuiltinTemplateSet(id);
}

export function templateSets(): TemplateSet[] {
  return [...builtinTemplateSets(), ...loadedSets.values()];
}

export type OpenResult = { ok: true; doc: BudgetDocument; template: TemplateSet } | { ok: false; message: string };

/** Document file bytes → document, validated by core (schema, template, every row and column). */
export function parseDocumentBytes(bytes: Uint8Array): OpenResult {
  return parseDocument(bytes, { resolveTemplate });
}

export function serializeDocument(doc: BudgetDocument): Uint8Array {
  return serializeDocumentBytes(doc);
}

/** Which table each "generate from source" fill writes, so the table pane can offer it where it applies. */
const DERIVATION_TARGET_ROLE: Record<string, TableDef['role'] | undefined> = {
  overview: 'overview',
  fiscalOverview: 'fiscalOverview',
  gpbFromExpenditure: 'gpbExpenditure',
  sangong: 'sangong',
};

export interface DerivationInfo {
  id: string;
  label: string;
  role?: TableDef['role'];
}

export function derivations(): DerivationInfo[] {
  return DERIVATIONS.map((d) => ({ id: d.id, label: d.label, role: DERIVATION_TARGET_ROLE[d.id] }));
}

export { derivationCommand };
export { previewCommand, formatChanges } from '../../core/commands/preview';

/** "示例.ysgk" → "示例": the base for suggested export and import names. */
export function stripExt(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}
