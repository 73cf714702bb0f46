/**
 * Template inheritance: a set may say `"extends": "<set id>"` and then add, replace or remove tables, columns, fixed
 * rows, rules and outline sections by id, and set or remove sentences, instead of repeating its base whole. The
 * chain is resolved here on the raw JSON; the result is then validated by the one schema like any set, so a child
 * can never produce what a complete set could not.
 *
 *   { "id": "xj-unit-2021-9-econ", "name": "…", "extends": "xj-unit-2021-9",
 *     "tables": { "replace": [ { "id": "t7", … } ], "patch": [ { "id": "t5", "columns": { "remove": ["x"] } } ] },
 *     "rules": { "add": [ { "id": "t7-row", …, "after": "t7-total" } ], "replace": [ … ], "remove": [ … ] },
 *     "outline": { "remove": ["s9"] }, "sentences": { "key": "文字", "other.key": null } }
 *
 * Other top-level fields of the child (name, entityKind, display …) replace the base's. Every id a patch names
 * must exist in the base (and an added one must not): a mistake is a load error naming the set and the id.
 */

import { z } from '../zod';
import { disabledImpliedRules, impliedRules } from './implied-rules';
import { tableSchema } from './template.schema';

type Json = Record<string, unknown>;
type Item = Json & { id: string };

export interface ListPatch {
  remove?: string[];
  replace?: Item[];
  /** Appended, or placed after the item named by `after` (removed from the result). */
  add?: (Item & { after?: string })[];
}

export type ResolveResult = { ok: true; set: unknown } | { ok: false; errors: string[] };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_DEPTH = 8;

/** Applies a list patch to items identified by `id`; `what` names the kind in messages ("表", "规则", "列"). */
function patchList(items: readonly Item[], patch: unknown, what: string, where: string, errors: string[]): Item[] {
  if (patch === undefined) return [...items];
  if (Array.isArray(patch)) return patch as Item[]; // a whole list replaces the base's
  if (!isObject(patch)) {
    errors.push(`${where}：${what}的修改应为 { add, replace, remove }`);
    return [...items];
  }
  const p = patch as ListPatch;
  let out = [...items];
  for (const id of p.remove ?? []) {
    if (!out.some((i) => i.id === id)) errors.push(`${where}：要删除的${what}“${id}”在所继承的模板中不存在`);
    out = out.filter((i) => i.id !== id);
  }
  for (const r of p.replace ?? []) {
    const at = out.findIndex((i) => i.id === r.id);
    if (at < 0) errors.push(`${where}：要替换的${what}“${r.id}”在所继承的模板中不存在`);
    else out[at] = r;
  }
  for (const a of p.add ?? []) {
    const { after, ...item } = a;
    if (out.some((i) => i.id === item.id)) {
      errors.push(`${where}：要添加的${what}“${item.id}”已存在（要修改它请用 replace）`);
      continue;
    }
    if (after === undefined) out.push(item as Item);
    else {
      const at = out.findIndex((i) => i.id === after);
      if (at < 0) errors.push(`${where}：${what}“${item.id}”要放在“${after}”之后，但“${after}”不存在`);
      else out.splice(at + 1, 0, item as Item);
    }
  }
  return out;
}

/** Outline nodes are matched by id anywhere in the tree; added nodes go after a sibling or at the end of the top level. */
function patchOutline(nodes: readonly Item[], patch: unknown, where: string, errors: string[]): Item[] {
  if (patch === undefined) return [...nodes];
  if (Array.isArray(patch)) return patch as Item[];
  if (!isObject(patch)) {
    errors.push(`${where}：目录（outline）的修改应为 { add, replace, remove }`);
    return [...nodes];
  }
  const p = patch as ListPatch;
  const clone = (list: readonly Item[]): Item[] => list.map((n) => ({ ...n, ...(Array.isArray(n.children) ? { children: clone(n.children as Item[]) } : {}) }));
  let tree = clone(nodes);
  const find = (list: Item[], id: string): { list: Item[]; at: number } | null => {
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.id === id) return { list, at: i };
      const inner = Array.isArray(list[i]!.children) ? find(list[i]!.children as Item[], id) : null;
      if (inner) return inner;
    }
    return null;
  };
  for (const id of p.remove ?? []) {
    const hit = find(tree, id);
    if (!hit) errors.push(`${where}：要删除的目录节点“${id}”在所继承的模板中不存在`);
    else hit.list.splice(hit.at, 1);
  }
  for (const r of p.replace ?? []) {
    const hit = find(tree, r.id);
    if (!hit) errors.push(`${where}：要替换的目录节点“${r.id}”在所继承的模板中不存在`);
    else hit.list[hit.at] = r;
  }
  for (const a of p.add ?? []) {
    const { after, ...node } = a;
    if (find(tree, node.id)) {
      errors.push(`${where}：要添加的目录节点“${node.id}”已存在`);
      continue;
    }
    if (after === undefined) tree = [...tree, node as Item];
    else {
      const hit = find(tree, after);
      if (!hit) errors.push(`${where}：目录节点“${node.id}”要放在“${after}”之后，但“${after}”不存在`);
      else hit.list.splice(hit.at + 1, 0, node as Item);
    }
  }
  return tree;
}

function patchTables(base: readonly Item[], patch: unknown, where: string, errors: string[]): Item[] {
  const tables = patchList(base, isObject(patch) ? { ...patch, patch: undefined } : patch, '表', where, errors);
  const edits = isObject(patch) && Array.isArray(patch.patch) ? (patch.patch as Item[]) : [];
  for (const edit of edits) {
    const at = tables.findIndex((t) => t.id === edit.id);
    if (at < 0) {
      errors.push(`${where}：要修改的表“${edit.id}”在所继承的模板中不存在`);
      continue;
    }
    const table = { ...tables[at]! };
    const { id: _id, columns, rows, ...fields } = edit;
    Object.assign(table, fields);
    if (columns !== undefined) table.columns = patchList(table.columns as Item[], columns, `表“${edit.id}”的列`, where, errors);
    if (rows !== undefined) {
      const model = table.rows as Json;
      if (model?.kind !== 'fixed') errors.push(`${where}：表“${edit.id}”不是固定行的表，不能按 id 修改行`);
      else table.rows = { ...model, rows: patchList(model.rows as Item[], rows, `表“${edit.id}”的行`, where, errors) };
    }
    tables[at] = table;
  }
  return tables;
}

/** Ids of the rules a raw set's tables imply (none when its tables are not valid: the schema reports them later). */
function impliedIds(set: Json): Set<string> {
  const tables = z.array(tableSchema).safeParse(set.tables);
  return new Set(tables.success ? impliedRules(tables.data).map((r) => r.id) : []);
}

/**
 * The child's rule changes. Rules generated from the base's tables are not in its rules list: removing one disables
 * it (`impliedRules.disable`, read when the set loads), replacing one gives the set its own version, and adding one
 * is refused like adding any existing rule.
 */
function patchRules(base: Json, patch: unknown, childDisabled: readonly string[], where: string, errors: string[]): Json {
  const own = (base.rules as Item[]) ?? [];
  const disabled = [...new Set([...disabledImpliedRules(base).ids, ...childDisabled])];
  const implied = impliedIds(base);
  if (!isObject(patch) || implied.size === 0) {
    return { rules: patchList(own, patch, '规则', where, errors), ...(disabled.length ? { impliedRules: { disable: disabled } } : {}) };
  }
  const p = patch as ListPatch;
  const ownIds = new Set(own.map((r) => r.id));
  const live = (id: string) => implied.has(id) && !disabled.includes(id) && !ownIds.has(id);
  const disable = [...disabled, ...(p.remove ?? []).filter(live)];
  const overrides = (p.replace ?? []).filter((r) => live(r.id));
  const rest: ListPatch = {
    remove: (p.remove ?? []).filter((id) => !live(id)),
    replace: (p.replace ?? []).filter((r) => !live(r.id)),
    add: (p.add ?? []).filter((a) => !live(a.id)),
  };
  const rules = [...patchList(own, rest, '规则', where, errors), ...overrides];
  for (const a of p.add ?? []) if (live(a.id)) errors.push(`${where}：要添加的规则“${a.id}”已存在（要修改它请用 replace）`);
  return { rules, ...(disable.length ? { impliedRules: { disable } } : {}) };
}

/**
 * The complete set a child describes: its base (found by `lookup`, itself resolved first) with the child's changes.
 * A set without `extends` is returned as it is.
 */
export function resolveExtends(raw: unknown, lookup: (id: string) => unknown, depth = 0): ResolveResult {
  if (!isObject(raw) || raw.extends === undefined) return { ok: true, set: raw };
  const id = typeof raw.id === 'string' ? raw.id : '（无 id）';
  const where = `模板“${id}”`;
  if (typeof raw.extends !== 'string') return { ok: false, errors: [`${where}：extends 应为所继承模板的 id`] };
  if (depth >= MAX_DEPTH) return { ok: false, errors: [`${where}：继承层次过深（可能循环继承）`] };
  if (raw.extends === id) return { ok: false, errors: [`${where}：不能继承自身`] };
  const baseRaw = lookup(raw.extends);
  if (baseRaw === undefined) return { ok: false, errors: [`${where}：所继承的模板“${raw.extends}”不存在（请先加载它）`] };
  const base = resolveExtends(baseRaw, lookup, depth + 1);
  if (!base.ok) return base;
  if (!isObject(base.set)) return { ok: false, errors: [`${where}：所继承的模板“${raw.extends}”无效`] };
  const b = base.set;
  const errors: string[] = [];
  const { extends: _extends, tables, rules, outline, sentences, ...fields } = raw;
  const out: Json = { ...b, ...fields };
  out.tables = patchTables((b.tables as Item[]) ?? [], tables, where, errors);
  Object.assign(out, patchRules(b, rules, disabledImpliedRules(raw).ids, where, errors));
  out.outline = patchOutline((b.outline as Item[]) ?? [], outline, where, errors);
  if (sentences !== undefined) {
    if (!isObject(sentences)) errors.push(`${where}：sentences 应为 { 键: 文字 }`);
    else {
      const merged: Json = { ...(isObject(b.sentences) ? b.sentences : {}) };
      for (const [k, v] of Object.entries(sentences)) {
        if (v === null) {
          if (!(k in merged)) errors.push(`${where}：要删除的句子“${k}”在所继承的模板中不存在`);
          delete merged[k];
        } else merged[k] = v;
      }
      out.sentences = merged;
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, set: out };
}
