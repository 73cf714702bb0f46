import { CodeBook } from '../../core/codes';
import { createDocument, type NewDocumentMeta } from '../../core/document/create';
import { FORMAT_NAME, FORMAT_VERSION, type BudgetDocument } from '../../core/document/document';
import { createSampleMeta, createSampleTables } from '../../core/sample/sample-tables';
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

export function templateFor(doc: BudgetDocument): TemplateSet | undefined {
  return getBuiltinTemplateSet(doc.meta.templateId);
}

export function templateSets(): TemplateSet[] {
  return builtinTemplateSets();
}

export function createSession(doc: BudgetDocument, template: TemplateSet): DocumentSession {
  const book = sharedCodeBook();
  return new DocumentSession({ template, doc, ruleEngineFactory: (t, d) => createRuleEngine(t, d, { codeBook: book }) });
}

/** The built-in sample (若羌县医疗保障局 2024). Until core's createSampleDocument lands, assembled from its tables. */
export function sampleDocument(): BudgetDocument {
  return { format: FORMAT_NAME, version: FORMAT_VERSION, meta: createSampleMeta(), tables: createSampleTables(), inputs: {}, priorYear: {} };
}

export function newDocument(template: TemplateSet, meta: NewDocumentMeta = {}): BudgetDocument {
  return createDocument(template, meta);
}

export type OpenResult = { ok: true; doc: BudgetDocument; template: TemplateSet } | { ok: false; message: string };

/** Document file bytes → document. Adapter until core/file's parser lands: JSON with the format name checked. */
export function parseDocumentBytes(bytes: Uint8Array): OpenResult {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, message: '文件不是有效的预算公开文档（无法读取 JSON 内容）' };
  }
  const doc = data as BudgetDocument;
  if (!doc || doc.format !== FORMAT_NAME || typeof doc.meta !== 'object' || typeof doc.tables !== 'object') {
    return { ok: false, message: '文件不是预算公开文档（缺少格式标识）' };
  }
  const template = templateFor(doc);
  if (!template) return { ok: false, message: `找不到文档使用的模板“${doc.meta.templateId}”` };
  return { ok: true, doc, template };
}

export function serializeDocument(doc: BudgetDocument): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`);
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
