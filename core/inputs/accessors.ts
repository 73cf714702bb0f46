import type { z } from '../zod';
import type { BudgetDocument, JsonValue } from '../document/document';
import type { Amount } from '../amount/amount';
import { INPUT, overrideKey } from './keys';
import {
  assetsSchema, glossaryEntrySchema, nonFiscalProjectsSchema, overallPerformanceSchema, procurementSchema,
  projectPerformanceSchema, projectSchema, staffSchema, stringListSchema,
  type AssetsInput, type GlossaryEntry, type NonFiscalProjects, type OverallPerformance, type ProcurementInput,
  type ProjectInput, type ProjectPerformance, type StaffInput,
} from './schemas';

/**
 * Typed reads of document.inputs. A value that does not match its schema (a hand-edited or older file) reads as
 * absent rather than throwing: the text then shows the part as missing and validateInputs names the key.
 */

function read<T>(doc: BudgetDocument, key: string, schema: z.ZodType<T>): T | undefined {
  const raw = doc.inputs[key];
  if (raw === undefined) return undefined;
  const r = schema.safeParse(raw);
  return r.success ? r.data : undefined;
}

export function getText(doc: BudgetDocument, key: string): string {
  const v = doc.inputs[key];
  return typeof v === 'string' ? v.trim() : '';
}

export function getList(doc: BudgetDocument, key: string): string[] {
  return (read(doc, key, stringListSchema) ?? []).map((s) => s.trim()).filter((s) => s !== '');
}

export function getAmountInput(doc: BudgetDocument, key: string): Amount | undefined {
  const v = doc.inputs[key];
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

export const getStaff = (doc: BudgetDocument): StaffInput | undefined => read(doc, INPUT.staff, staffSchema);
export const getProcurement = (doc: BudgetDocument): ProcurementInput | undefined => read(doc, INPUT.procurement, procurementSchema);
export const getAssets = (doc: BudgetDocument): AssetsInput | undefined => read(doc, INPUT.assets, assetsSchema);
export const getOverallPerformance = (doc: BudgetDocument): OverallPerformance | undefined =>
  read(doc, INPUT.performanceOverall, overallPerformanceSchema);
export const getProjectPerformances = (doc: BudgetDocument): ProjectPerformance[] =>
  read(doc, INPUT.performanceProjects, projectPerformanceSchema.array()) ?? [];
export const getNonFiscalProjects = (doc: BudgetDocument): NonFiscalProjects =>
  read(doc, INPUT.performanceNonFiscal, nonFiscalProjectsSchema) ?? {};
export const getProjectInputs = (doc: BudgetDocument): ProjectInput[] => read(doc, INPUT.projects, projectSchema.array()) ?? [];
export const getGlossaryOverride = (doc: BudgetDocument): GlossaryEntry[] | undefined =>
  read(doc, INPUT.glossary, glossaryEntrySchema.array());

/**
 * The description of one 表7 project row (empty when the officer has not written it yet). Descriptions carried over
 * from last year keep the project's name: they follow the project by name when this year's 表7 numbers rows anew.
 */
export function getProjectInput(doc: BudgetDocument, rowId: string, rowName?: string): ProjectInput {
  return projectInputOf(getProjectInputs(doc), rowId, rowName);
}

/**
 * getProjectInput among descriptions read once with getProjectInputs: a walk over every 表7 row reads (and
 * validates) the list once instead of once a row, which made a 250-project document's check quadratic.
 */
export function projectInputOf(all: readonly ProjectInput[], rowId: string, rowName?: string): ProjectInput {
  const byName = rowName ? all.find((p) => p.name === rowName) : undefined;
  const byRow = all.find((p) => p.row === rowId && (p.name === undefined || !rowName || p.name === rowName));
  return byName ?? byRow ?? { row: rowId };
}

export function getOverride(doc: BudgetDocument, paragraphId: string): string {
  return getText(doc, overrideKey(paragraphId));
}

export function getPrior(doc: BudgetDocument, key: string): Amount | undefined {
  return Object.prototype.hasOwnProperty.call(doc.priorYear, key) ? doc.priorYear[key] : undefined;
}

/**
 * Canonical form of a value before it is stored (set-input): empty strings, empty lists and undefined fields are
 * dropped, so "undo all" restores a deep-equal document and files diff cleanly. Returns undefined for "remove".
 */
export function canonicalInput(value: unknown): JsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? true : undefined;
  if (Array.isArray(value)) {
    const items = value.map(canonicalInput).filter((v): v is JsonValue => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const c = canonicalInput(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return undefined;
}

const SCHEMAS: Record<string, z.ZodType> = {
  [INPUT.duties]: stringListSchema,
  [INPUT.subUnits]: stringListSchema,
  [INPUT.departments]: stringListSchema,
  [INPUT.otherNotes]: stringListSchema,
  [INPUT.staff]: staffSchema,
  [INPUT.projects]: projectSchema.array(),
  [INPUT.performanceOverall]: overallPerformanceSchema,
  [INPUT.performanceProjects]: projectPerformanceSchema.array(),
  [INPUT.performanceNonFiscal]: nonFiscalProjectsSchema,
  [INPUT.procurement]: procurementSchema,
  [INPUT.assets]: assetsSchema,
  [INPUT.glossary]: glossaryEntrySchema.array(),
};

/** Structured inputs whose stored JSON does not match their schema: key and the first problem in Chinese. */
export function validateInputs(doc: BudgetDocument): { key: string; message: string }[] {
  const out: { key: string; message: string }[] = [];
  for (const [key, schema] of Object.entries(SCHEMAS)) {
    const raw = doc.inputs[key];
    if (raw === undefined) continue;
    const r = schema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0];
      out.push({ key, message: `输入项“${key}”格式不正确（${issue.path.join('.') || '整体'}）` });
    }
  }
  for (const [key, raw] of Object.entries(doc.inputs)) {
    if ((key.startsWith('reason.') || key.startsWith('usage.') || key.startsWith('override.')) && typeof raw !== 'string') {
      out.push({ key, message: `输入项“${key}”应为文字` });
    }
  }
  return out;
}
