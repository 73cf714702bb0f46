import { z } from '../../zod';
import type { UnmatchedLabel } from './import-report';
import { labelKey, norm } from './labels';

/**
 * The officer's answers to "which template column / row is this printed label?", per template set: chosen once in
 * the app's mapping step (remembered in the user settings store) or written as a file for the CLI (`--map`).
 * Labels are keyed normalised (spaces, bracket widths, numbering and line breaks do not matter); a null target
 * means 忽略 (the column or row is read and not imported, without an error).
 */
export interface ImportMap {
  /** The template set the answers belong to. */
  template: string;
  /** table id → printed column header (path joined by "/") → template column id, or null to ignore. */
  columns?: Record<string, Record<string, string | null>>;
  /** table id → printed row label → template row id, or null to ignore. */
  rows?: Record<string, Record<string, string | null>>;
}

const targets = z.record(z.string(), z.record(z.string(), z.string().nullable()));
export const importMapSchema = z
  .object({
    template: z.string().min(1),
    columns: targets.optional(),
    rows: targets.optional(),
  })
  .passthrough();

export type ParseMapResult = { ok: true; map: ImportMap } | { ok: false; message: string };

/** Reads a map file (JSON); the message is Chinese and says what is wrong. */
export function parseImportMap(text: string): ParseMapResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, message: '对应关系文件不是有效的 JSON' };
  }
  const r = importMapSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const expected = issue.path[0] === 'template' && issue.path.length === 1 ? '模板标识（文字，如 xj-dept-2024-11）' : issue.path.length > 2 ? '列/行标识或 null（忽略）' : '对象';
    return { ok: false, message: `对应关系文件格式不对：${issue.path.join('.') || '（文件）'} 应为${expected}` };
  }
  const { template, columns, rows } = r.data;
  return { ok: true, map: { template, ...(columns ? { columns } : {}), ...(rows ? { rows } : {}) } };
}

/** The key a printed column header is stored under. */
export function columnMapKey(label: string): string {
  return norm(label);
}

/** The key a printed row label is stored under. */
export function rowMapKey(label: string): string {
  return labelKey(label);
}

/** Looks a printed label up in a map: undefined = no answer; null = ignore; else the target id. */
export function mapTarget(map: ImportMap | undefined, kind: 'column' | 'row', table: string, label: string): string | null | undefined {
  if (!map) return undefined;
  const byTable = (kind === 'column' ? map.columns : map.rows)?.[table];
  if (!byTable) return undefined;
  const key = kind === 'column' ? columnMapKey(label) : rowMapKey(label);
  for (const [k, v] of Object.entries(byTable)) {
    if ((kind === 'column' ? columnMapKey(k) : rowMapKey(k)) === key) return v;
  }
  return undefined;
}

/** Adds answers to a map (a new object; the input is not changed). */
export function withAnswers(map: ImportMap | undefined, template: string, answers: readonly { label: UnmatchedLabel; target: string | null }[]): ImportMap {
  const out: ImportMap = {
    template,
    columns: copyGroups(map?.template === template ? map.columns : undefined),
    rows: copyGroups(map?.template === template ? map.rows : undefined),
  };
  for (const { label, target } of answers) {
    const group = label.kind === 'column' ? out.columns! : out.rows!;
    (group[label.table] ??= {})[label.label] = target;
  }
  return out;
}

/**
 * A ready-to-edit map for what an import could not match (CLI): every unmatched label with the value "" and, beside
 * it, the choices. The officer replaces "" with a column/row id or null and passes the file back with --map.
 */
export function mapSkeleton(template: string, unmatched: readonly UnmatchedLabel[], existing?: ImportMap): Record<string, unknown> {
  const columns: Record<string, Record<string, string | null>> = copyGroups(existing?.columns);
  const rows: Record<string, Record<string, string | null>> = copyGroups(existing?.rows);
  const choices: Record<string, Record<string, string>> = {};
  for (const u of unmatched) {
    const group = u.kind === 'column' ? columns : rows;
    (group[u.table] ??= {})[u.label] = '';
    choices[`${u.table} ${u.kind === 'column' ? '列' : '行'}“${u.label}”`] = Object.fromEntries(
      [...u.options.map((o) => [o.id, o.label] as const), ['null', '忽略']],
    );
  }
  return {
    template,
    columns,
    rows,
    说明: '把每个 "" 改为右侧“可选”中的标识（如 "total"），或改为 null 表示忽略；然后用 --map 本文件 重新导入。',
    可选: choices,
  };
}

function copyGroups<T>(v: Record<string, Record<string, T>> | undefined): Record<string, Record<string, T>> {
  const out: Record<string, Record<string, T>> = {};
  for (const [k, inner] of Object.entries(v ?? {})) out[k] = { ...inner };
  return out;
}
