import type { TemplateSet } from './template.schema';
import { parseTemplateSet, parseTemplateSetJson, type ParseSetResult } from './validate-set';
import dept2024Tables from '../../templates/xj-dept-2024-11/tables.json';
import dept2024Rules from '../../templates/xj-dept-2024-11/rules.json';
import dept2024Outline from '../../templates/xj-dept-2024-11/outline.json';
import dept2024Sentences from '../../templates/xj-dept-2024-11/sentences.json';
import dept2024Glossary from '../../templates/xj-dept-2024-11/glossary.json';
import unit2021Tables from '../../templates/xj-unit-2021-9/tables.json';
import unit2021Rules from '../../templates/xj-unit-2021-9/rules.json';
import unit2021Outline from '../../templates/xj-unit-2021-9/outline.json';
import unit2021Sentences from '../../templates/xj-unit-2021-9/sentences.json';
import unit2021Glossary from '../../templates/xj-unit-2021-9/glossary.json';
import unit2021EconTables from '../../templates/xj-unit-2021-9-econ/tables.json';
import unit2021EconRules from '../../templates/xj-unit-2021-9-econ/rules.json';
import sh2025Tables from '../../templates/sh-dept-2025-9/tables.json';
import sh2025Rules from '../../templates/sh-dept-2025-9/rules.json';
import sh2025Outline from '../../templates/sh-dept-2025-9/outline.json';
import sh2025Sentences from '../../templates/sh-dept-2025-9/sentences.json';
import sh2025Glossary from '../../templates/sh-dept-2025-9/glossary.json';
import final9Tables from '../../templates/national-final-9/tables.json';
import final9Rules from '../../templates/national-final-9/rules.json';
import final9Outline from '../../templates/national-final-9/outline.json';
import final9Sentences from '../../templates/national-final-9/sentences.json';
import final9Glossary from '../../templates/national-final-9/glossary.json';
import { resolveExtends } from './extends';

/**
 * The built-in template sets. Each lives in templates/<id>/ as parts written by different people (tables, rules,
 * outline, sentences, glossary); they are assembled here and validated exactly like a bureau's own set file, so a
 * broken part is found by the test that loads every set, not by a user.
 */

export { parseTemplateSet, parseTemplateSetJson, type ParseSetResult } from './validate-set';

interface SetParts {
  tables: unknown;
  rules?: unknown;
  outline?: unknown;
  sentences?: unknown;
  glossary?: unknown;
}

const BUILTIN_PARTS: SetParts[] = [
  { tables: dept2024Tables, rules: dept2024Rules, outline: dept2024Outline, sentences: dept2024Sentences, glossary: dept2024Glossary },
  { tables: unit2021Tables, rules: unit2021Rules, outline: unit2021Outline, sentences: unit2021Sentences, glossary: unit2021Glossary },
  // An extension of the 2021 set (its 表7 by economic 类 and the rules that differ): see extends.ts.
  { tables: unit2021EconTables, rules: unit2021EconRules },
  // Shanghai-style 9 tables in 元 (the 三公 table printed in 万元), 合计 rows last.
  { tables: sh2025Tables, rules: sh2025Rules, outline: sh2025Outline, sentences: sh2025Sentences, glossary: sh2025Glossary },
  // The national 部门决算 9 tables (决算数, 结转和结余, 表6 人员经费/公用经费 side by side).
  { tables: final9Tables, rules: final9Rules, outline: final9Outline, sentences: final9Sentences, glossary: final9Glossary },
];

/** Joins a set's parts into one set object (the shape of a bureau's single-file set). Empty parts are dropped. */
export function assembleParts(parts: SetParts): unknown {
  const base = parts.tables as Record<string, unknown>;
  const set: Record<string, unknown> = { ...base };
  // A set that extends another inherits what it does not give; a complete set has empty lists instead.
  const inherits = typeof base.extends === 'string';
  if (parts.rules !== undefined || !inherits) set.rules = parts.rules ?? base.rules ?? [];
  if (parts.outline !== undefined || !inherits) set.outline = parts.outline ?? base.outline ?? [];
  if (parts.sentences !== undefined && Object.keys(parts.sentences as object).length > 0) set.sentences = parts.sentences;
  if (Array.isArray(parts.glossary) && parts.glossary.length > 0) set.glossary = parts.glossary;
  return set;
}

/** Validated sets by position in BUILTIN_PARTS: each is validated once, when first asked for. */
const validated: (TemplateSet | undefined)[] = [];

function validatedSet(index: number): TemplateSet {
  let set = validated[index];
  if (!set) {
    const parts = BUILTIN_PARTS[index];
    const resolved = resolveExtends(assembleParts(parts), builtinSource);
    const result: ParseSetResult = resolved.ok ? parseTemplateSet(resolved.set) : resolved;
    if (!result.ok) {
      const id = (parts.tables as { id?: string }).id ?? '?';
      throw new Error(`内置模板“${id}”无效：\n${result.errors.join('\n')}`);
    }
    set = validated[index] = result.set;
  }
  return set;
}

/** All built-in sets, validated. Throws (with the Chinese messages) if a shipped set is broken: a programming error. */
export function builtinTemplateSets(): TemplateSet[] {
  return BUILTIN_PARTS.map((_, i) => validatedSet(i));
}

/**
 * One built-in set by id. Only that set is validated (opening a document validates the set it names, not all of
 * them: validation is most of the cost of reading a set), and the same object is returned on every call.
 */
export function getBuiltinTemplateSet(id: string): TemplateSet | undefined {
  const index = BUILTIN_PARTS.findIndex((parts) => (parts.tables as { id?: unknown }).id === id);
  return index < 0 ? undefined : validatedSet(index);
}

/** A built-in set's parts assembled (not resolved, not validated), by id: the base a child set extends. */
export function builtinSource(id: string): unknown {
  const parts = BUILTIN_PARTS.find((p) => (p.tables as { id?: unknown }).id === id);
  return parts ? assembleParts(parts) : undefined;
}

/**
 * A bureau's set file as text, resolved against the built-in sets (and `others`, e.g. sets loaded this run) when
 * it extends one, then validated. Every message is Chinese and names the set.
 */
export function parseTemplateSetText(text: string, others: (id: string) => unknown = () => undefined): ParseSetResult {
  return parseTemplateSetJson(text, (id) => others(id) ?? builtinSource(id));
}

/** The raw (unvalidated) assembled built-in sets, for the test that reports every error of every set at once. */
export function builtinTemplateSources(): unknown[] {
  return BUILTIN_PARTS.map((parts) => {
    const resolved = resolveExtends(assembleParts(parts), builtinSource);
    return resolved.ok ? resolved.set : assembleParts(parts);
  });
}

/** One line per built-in set for lists (CLI `templates`, the new-document dialog). */
export function templateSummaries(): { id: string; name: string; entityKind: string; tables: number }[] {
  return builtinTemplateSets().map((s) => ({ id: s.id, name: s.name, entityKind: s.entityKind, tables: s.tables.length }));
}
