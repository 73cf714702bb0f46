import { builtinTemplateSources } from '../registry';
import type { TableDef } from '../template.schema';

/**
 * The ids the built-in sets give to the same meanings (ARCHITECTURE.md, "Id conventions"), looked up by printed
 * label, so that a set proposed from a blank workbook uses `total`, `basic`, `gpb` … wherever its labels say so:
 * the text generators, derivations and the import then understand it as they understand the built-in sets. A label
 * nobody knows gets a neutral id (c1, r1 …); the structure does not depend on ids.
 */
type Role = TableDef['role'];

/** A label as compared: no spaces, no numbering ("一、", "1.", "（一）"), no "其中：", one width of brackets. */
export function labelKey(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|\d+[.．、]|（[一二三四五六七八九十\d]+）)/, '')
    .replace(/^其中[:：]/, '');
}

/** A title as compared: without 部门/单位 or {主体} in front. */
export function titleKey(title: string): string {
  return labelKey(title).replace(/^(?:\{主体\}|部门|单位)/, '');
}

interface Dictionary {
  roles: Map<string, Role>;
  columns: Map<Role | '*', Map<string, string>>;
  rows: Map<Role | '*', Map<string, string>>;
}

let cached: Dictionary | undefined;

function put(map: Map<Role | '*', Map<string, string>>, role: Role | '*', key: string, id: string): void {
  let m = map.get(role);
  if (!m) map.set(role, (m = new Map()));
  if (!m.has(key)) m.set(key, id);
}

function dictionary(): Dictionary {
  if (cached) return cached;
  const d: Dictionary = { roles: new Map(), columns: new Map(), rows: new Map() };
  // The raw sets, read loosely: a built-in set that fails its own checks must not stop a bureau's inference.
  for (const set of builtinTemplateSources() as { tables?: TableDef[] }[]) {
    for (const t of Array.isArray(set.tables) ? set.tables : []) {
      if (!t || !Array.isArray(t.columns) || !t.rows) continue;
      if (!d.roles.has(titleKey(t.title))) d.roles.set(titleKey(t.title), t.role);
      for (const c of t.columns) {
        if (c.kind !== 'amount') continue;
        for (const label of [c.header[c.header.length - 1]!, ...(c.synonyms ?? [])]) {
          put(d.columns, t.role, labelKey(label), c.id);
          put(d.columns, '*', labelKey(label), c.id);
        }
      }
      const lists = t.rows.kind === 'fixed' ? [t.rows.rows] : t.rows.kind === 'sideBySide' ? [...t.rows.sides, t.rows.totals] : [];
      for (const row of lists.flat()) {
        if (row.code) continue;
        for (const label of [row.label, ...(row.synonyms ?? [])]) put(d.rows, t.role, labelKey(label), row.id);
      }
    }
  }
  return (cached = d);
}

const ROLE_WORDS: [RegExp, Role][] = [
  [/三公/, 'sangong'],
  [/结转结余/, 'carryover'],
  [/基本支出/, 'gpbBasic'],
  [/项目支出/, 'gpbProjects'],
  [/政府性基金/, 'govFund'],
  [/国有资本经营/, 'stateCapital'],
  [/一般公共预算/, 'gpbExpenditure'],
  [/财政拨款收支/, 'fiscalOverview'],
  [/收支(总体|预算总|总表)|财务收支/, 'overview'],
  [/收入/, 'income'],
  [/支出/, 'expenditure'],
];

/** The meaning of a table by its title: a built-in title, else the words in it; `other` when none fits. */
export function roleOfTitle(title: string): Role {
  return dictionary().roles.get(titleKey(title)) ?? ROLE_WORDS.find(([re]) => re.test(title))?.[1] ?? 'other';
}

/** The conventional id of an amount column with this leaf label, when one is known. */
export function knownColumnId(role: Role, leaf: string): string | undefined {
  const d = dictionary();
  const key = labelKey(leaf);
  return d.columns.get(role)?.get(key) ?? d.columns.get('*')?.get(key);
}

/** The conventional id of a fixed row with this label in tables of this meaning, when one is known. */
export function knownRowId(role: Role, label: string): string | undefined {
  return dictionary().rows.get(role)?.get(labelKey(label));
}
