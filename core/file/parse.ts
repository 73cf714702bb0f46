import type { z } from '../zod';
import type { BudgetDocument, RowData } from '../document/document';
import { FORMAT_NAME, FORMAT_VERSION, ORG_ROW_ID } from '../document/document';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { builtinTemplateSets, getBuiltinTemplateSet } from '../template/registry';
import { documentFileSchema, FIELD_NAMES } from './schema';
import { migrate, MIGRATIONS, type Migration } from './migrations';
import { decodeUtf8 } from './utf8';
import { checkJsonShape, jsonShapeMessage } from './json-shape';
import { cleanDocumentTexts } from '../document/document-texts';
import { leafLabel } from '../template/header-layout';

export type ParseDocumentResult = { ok: true; doc: BudgetDocument; template: TemplateSet } | { ok: false; message: string };

export interface ParseOptions {
  /** Finds the template set a document names; defaults to the built-in sets. */
  resolveTemplate?: (id: string) => TemplateSet | undefined;
  /** Migration registry (tests pass a fake one). */
  migrations?: Readonly<Record<number, Migration>>;
  currentVersion?: number;
}

/**
 * Reads a .ysgk file. Never throws and never returns a half-loaded document: either the whole file is valid (schema,
 * then every table, row and column checked against its template set) or the result is one Chinese message naming
 * what is wrong, where (path in the JSON), what was expected and what was found.
 */
export function parseDocument(input: Uint8Array | string, options: ParseOptions = {}): ParseDocumentResult {
  try {
    return parseUnsafe(input, options);
  } catch (error) {
    return { ok: false, message: `无法读取文件：${error instanceof Error ? error.message : String(error)}` };
  }
}

function parseUnsafe(input: Uint8Array | string, options: ParseOptions): ParseDocumentResult {
  let text: string | null = typeof input === 'string' ? input : decodeUtf8(input);
  if (text === null) return { ok: false, message: '无法读取文件：文件不是 UTF-8 编码的文本，可能不是预算公开文件或已损坏' };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, message: '无法读取文件：文件是空的' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: '无法读取文件：内容不是完整的 JSON，文件可能已损坏或被截断' };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, message: '无法读取文件：这不是预算公开文件' };
  // Before anything recursive (migrations, zod's lazy JSON schema) walks a hostile nesting.
  const shape = checkJsonShape(raw);
  if (shape) return { ok: false, message: `无法读取文件：${jsonShapeMessage(shape, '文件')}` };
  const obj = raw as Record<string, unknown>;
  if (obj.format !== FORMAT_NAME) {
    return { ok: false, message: `无法读取文件：这不是预算公开文件（format 应为“${FORMAT_NAME}”，实际为${describe(obj.format)}）` };
  }
  const current = options.currentVersion ?? FORMAT_VERSION;
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, message: `无法读取文件：version 应为整数，实际为${describe(version)}` };
  }
  if (version > current) return { ok: false, message: `无法读取文件：文件版本 ${version} 比本程序支持的版本 ${current} 新，请升级本程序` };
  const migrated = migrate(obj, version, current, options.migrations ?? MIGRATIONS);
  if (!migrated.ok) return { ok: false, message: `无法读取文件：${migrated.message}` };
  const resolve = options.resolveTemplate ?? getBuiltinTemplateSet;
  const parsed = documentFileSchema.safeParse(migrated.raw);
  if (!parsed.success) return { ok: false, message: `文件内容有误：${formatIssue(parsed.error.issues[0], migrated.raw, resolve)}` };
  const doc = parsed.data as BudgetDocument;
  const template = resolve(doc.meta.templateId);
  if (!template) {
    const known = options.resolveTemplate ? '' : `；本程序内置的模板有：${builtinTemplateSets().map((s) => `${s.id}（${s.name}）`).join('、')}`;
    return { ok: false, message: `文件内容有误：meta.templateId：未知的模板“${doc.meta.templateId}”${known}。如是财政局下发的模板，请先载入该模板` };
  }
  const problem = checkAgainstTemplate(doc, template);
  if (problem) return { ok: false, message: `文件内容有误：${problem}` };
  // Characters XML cannot carry are cleaned here, once, so the editor and both exports never see them. A text over
  // Excel's limit is kept as it is: the checks flag it as a 错误 and export refuses until it is shortened.
  cleanDocumentTexts(doc);
  normalize(doc);
  return { ok: true, doc, template };
}

function checkAgainstTemplate(doc: BudgetDocument, template: TemplateSet): string | null {
  const defs = new Map(template.tables.map((t) => [t.id, t]));
  for (const id of Object.keys(doc.tables)) {
    if (!defs.has(id)) return `tables.${id}：模板“${template.name}”中没有表“${id}”（应为 ${[...defs.keys()].join('、')} 之一）`;
  }
  for (const def of template.tables) {
    const data = doc.tables[def.id];
    if (!data) return `tables.${def.id}：缺少${def.no}（${def.title.replace('{主体}', doc.meta.entityKind)}）`;
    const p = checkTable(def, data.rows);
    if (p) return p;
  }
  return null;
}

function checkTable(def: TableDef, rows: RowData[]): string | null {
  const amountCols = new Set(def.columns.filter((c) => c.kind === 'amount').map((c) => c.id));
  const textCols = new Set(def.columns.filter((c) => c.kind === 'text').map((c) => c.id));
  const fixedIds = fixedRowIds(def);
  const seen = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const at = `tables.${def.id}.rows[${i}]`;
    if (seen.has(r.id)) return `${at}.id：${def.no}中行“${r.id}”重复出现`;
    seen.add(r.id);
    if (fixedIds && !fixedIds.includes(r.id)) return `${at}.id：${def.no}是固定行表，没有行“${r.id}”`;
    if (r.org !== undefined || r.unit !== undefined) {
      if (fixedIds) return `${at}：${def.no}是固定行表，不能有机构行`;
      if (r.org !== undefined && (r.code !== undefined || !ORG_ROW_ID.test(r.id))) return `${at}：${def.no}的机构行“${r.id}”应以 org 加序号为标识且没有科目编码`;
    }
    if (!fixedIds && r.id !== 'total' && r.org === undefined) {
      const isProject = def.rows.kind === 'projects' && /^p\d+$/.test(r.id);
      if (!isProject && r.code === undefined && !/^\d+$/.test(r.id)) return `${at}：${def.no}的行“${r.id}”缺少科目编码`;
      if (isProject && r.code === undefined) return `${at}.code：${def.no}的项目“${r.id}”缺少功能分类科目编码`;
    }
    for (const col of Object.keys(r.values)) {
      if (!amountCols.has(col)) return `${at}.values.${col}：${def.no}没有金额列“${col}”（应为 ${[...amountCols].join('、')} 之一）`;
    }
    for (const col of Object.keys(r.texts ?? {})) {
      if (!textCols.has(col)) return `${at}.texts.${col}：${def.no}没有文字列“${col}”`;
    }
  }
  const orgs = new Set(rows.filter((r) => r.org !== undefined).map((r) => r.id));
  const orphan = rows.findIndex((r) => r.unit !== undefined && !orgs.has(r.unit));
  if (orphan >= 0) return `tables.${def.id}.rows[${orphan}].unit：${def.no}没有机构行“${rows[orphan].unit}”`;
  if (fixedIds) {
    const missing = fixedIds.find((id) => !seen.has(id));
    if (missing) return `tables.${def.id}.rows：${def.no}缺少固定行“${missing}”`;
  }
  return null;
}

function fixedRowIds(def: TableDef): string[] | null {
  const m = def.rows;
  if (m.kind === 'fixed') return m.rows.map((r) => r.id);
  if (m.kind === 'sideBySide') return [...m.sides[0], ...m.sides[1], ...m.totals].map((r) => r.id);
  return null;
}

/** Canonical form: zero amounts and empty texts are not stored. */
function normalize(doc: BudgetDocument): void {
  for (const t of Object.values(doc.tables)) {
    for (const r of t.rows) {
      for (const [k, v] of Object.entries(r.values)) if (v === 0) delete r.values[k];
      if (r.texts) {
        for (const [k, v] of Object.entries(r.texts)) if (v === '') delete r.texts[k];
        if (Object.keys(r.texts).length === 0) delete r.texts;
      }
    }
  }
  for (const [k, v] of Object.entries(doc.priorYear)) if (v === 0) delete doc.priorYear[k];
}

/**
 * A place inside a table as the officer reads it ("表3 第2行（2010101 行政运行）“基本支出”"), from a path into the file
 * (tables.t3.rows[1].values.basic), with the table's own numbering and column names when its set is known; null for
 * a path outside the tables.
 */
function tablePlace(path: readonly PropertyKey[], root: unknown, resolve: (id: string) => TemplateSet | undefined): string | null {
  const [tables, tableId, rows, index, part, colId] = path;
  if (tables !== 'tables' || typeof tableId !== 'string') return null;
  const meta = valueAt(root, ['meta']) as { templateId?: unknown } | undefined;
  const def = typeof meta?.templateId === 'string' ? resolve(meta.templateId)?.tables.find((t) => t.id === tableId) : undefined;
  let place = def?.no ?? (/^t\d+$/.test(tableId) ? `表${tableId.slice(1)}` : `表“${tableId}”`);
  if (rows !== 'rows' || typeof index !== 'number') return place;
  const row = valueAt(root, path.slice(0, 4)) as { code?: unknown; name?: unknown } | undefined;
  const label = [row?.code, row?.name].filter((x): x is string => typeof x === 'string' && x !== '').join(' ');
  place += ` 第${index + 1}行${label ? `（${label.length > 30 ? `${label.slice(0, 30)}…` : label}）` : ''}`;
  if ((part === 'values' || part === 'texts') && typeof colId === 'string') {
    const col = def?.columns.find((c) => c.id === colId);
    place += `“${col ? leafLabel(col) : colId}”`;
  } else if (part === 'name' || part === 'code') place += part === 'name' ? '的名称' : '的编码';
  return place;
}

function formatIssue(issue: z.core.$ZodIssue, root: unknown, resolve: (id: string) => TemplateSet | undefined): string {
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '（文件）';
  const found = valueAt(root, issue.path);
  const last = issue.path.at(-1);
  const field = typeof last === 'string' ? (FIELD_NAMES[last] ?? '') : '';
  // Inside a table, the place as the officer reads it, with the path into the file after it for whoever mends it.
  const place = tablePlace(issue.path, root, resolve);
  const where = place ? `${place}（文件中的位置 ${path}）` : `${path}${field ? `（${field}）` : ''}`;
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return `${where}：缺少此项`;
      return `${where}：应为${typeName(issue.expected)}，实际为${describe(found)}`;
    case 'custom':
      return `${where}：金额应为整数（以 0.01 为单位），实际为${describe(found)}`;
    case 'unrecognized_keys':
      return `${where}：有无法识别的项 ${issue.keys.map((k) => `“${k}”`).join('、')}`;
    case 'invalid_value':
      return `${where}：应为 ${issue.values.map((v) => `“${String(v)}”`).join('、')} 之一，实际为${describe(found)}`;
    case 'too_small':
    case 'too_big':
      return `${where}：数值或长度超出范围，实际为${describe(found)}`;
    case 'invalid_format':
      return `${where}：格式不对，实际为${describe(found)}`;
    default:
      return `${where}：内容不符合格式，实际为${describe(found)}`;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function typeName(t: string): string {
  return ({ string: '文字', number: '数字', int: '整数', boolean: '是/否', object: '对象', array: '列表', record: '对象' } as Record<string, string>)[t] ?? t;
}

function describe(v: unknown): string {
  if (v === undefined) return '空缺';
  if (v === null) return ' null';
  if (typeof v === 'string') return `文字“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`;
  if (typeof v === 'number') return ` ${String(v)}`;
  if (typeof v === 'boolean') return ` ${String(v)}`;
  if (Array.isArray(v)) return '列表';
  return '对象';
}
