import { CodeBook } from '../../core/codes';
import { createDocument, type NewDocumentMeta } from '../../core/document/create';
import type { BudgetDocument } from '../../core/document/document';
import { parseDocument, serializeDocumentBytes } from '../../core/file';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { DocumentSession } from '../../core/session/session';
import type { LearnedCode } from '../../core/worker/session-sync';
import { coreWorker } from '../worker/core-client';
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

/**
 * The page's session: commands and the one undo history, without a rule engine — the checks run on a replica in a
 * worker (remote-checker.ts), so neither opening nor typing waits for them.
 */
export function createSession(doc: BudgetDocument, template: TemplateSet): DocumentSession {
  return new DocumentSession({ template, doc });
}

/** Codes learnt this run (an imported code list): the page's picker knows them and so does every checking replica. */
const learned: LearnedCode[] = [];

export function learnCodes(codes: readonly LearnedCode[]): void {
  const book = sharedCodeBook();
  for (const c of codes) {
    book.learn(c.classification, c.code, c.name, c.year);
    learned.push(c);
  }
}

export function learnedCodes(): LearnedCode[] {
  return [...learned];
}

/** A built-in set is found by id in the worker; a bureau's set travels with the document. */
export function isBuiltinTemplate(template: TemplateSet): boolean {
  return !loadedSets.has(template.id) && getBuiltinTemplateSet(template.id) === template;
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

/** Forgets a set registered this run: the officer removed it from the sets kept (管理模板集). */
export function unregisterTemplateSet(id: string): void {
  loadedSets.delete(id);
}

/** A set loaded this run, by id: a bureau's set may extend one. */
export function loadedTemplateSet(id: string): TemplateSet | undefined {
  return loadedSets.get(id);
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

export type ParsedFile = { ok: true; doc: BudgetDocument; template: TemplateSet; json: string } | { ok: false; message: string };

/**
 * Document file bytes → document, read and validated in the worker (about a second for 10,000 rows, off the page's
 * thread). If the worker cannot run, the page reads the file itself.
 */
export async function parseDocumentOffThread(bytes: Uint8Array): Promise<ParsedFile> {
  const read = await coreWorker().run('parseDocument', { bytes, templates: [...loadedSets.values()] });
  if (!read.ok) {
    const r = parseDocumentBytes(bytes);
    return r.ok ? { ...r, json: JSON.stringify(r.doc) } : r;
  }
  if (!read.value.ok) return read.value;
  const template = resolveTemplate(read.value.templateId);
  if (!template) return { ok: false, message: `找不到模板“${read.value.templateId}”` };
  return { ok: true, doc: JSON.parse(read.value.json) as BudgetDocument, template, json: read.value.json };
}

export function serializeDocument(doc: BudgetDocument): Uint8Array {
  return serializeDocumentBytes(doc);
}

/**
 * The file's bytes built in the worker: the page only takes a JSON snapshot (tens of milliseconds for 10,000 rows,
 * against about a second for the canonical ordering and encoding). If the worker cannot do it, the page does — a
 * save never fails for want of a worker.
 */
export async function serializeOffThread(doc: BudgetDocument): Promise<Uint8Array> {
  const json = JSON.stringify(doc);
  const built = await coreWorker().run('serialize', { json });
  return built.ok ? built.value : serializeDocumentBytes(JSON.parse(json) as BudgetDocument);
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
