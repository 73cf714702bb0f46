import type { Random } from './random';

/**
 * Structure-aware mutations of a document: valid JSON whose values are wrong in the ways a hand edit, another tool or
 * an old version would make them wrong. They reach past JSON.parse into the schema and template checks.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const WEIRD_VALUES: ((rnd: Random) => Json)[] = [
  () => null,
  () => true,
  () => -1,
  () => 0,
  () => 1.5,
  () => 1e308,
  () => -1e21,
  () => 2 ** 53 + 1,
  () => '',
  () => 'NaN',
  () => '１２３',
  () => '\u0000\u202e\ud800',
  // Word's manual line break (VT), Excel's escape of it, and the two XML non-characters: officers paste
  // text from Word and Excel, and every one must survive a save and an export.
  () => '第一行\u000b第二行',
  () => '_x000B_',
  () => '\uFFFE\uFFFF',
  (rnd) => `项目${rnd.pick(['\u000b', '\uFFFE', '\uFFFF', '\u0001'])}名称`,
  (rnd) => '很长的文字'.repeat(1 + rnd.int(20_000)),
  () => [],
  () => ({}),
  () => ({ __proto__: { polluted: true } }) as unknown as Json,
  () => ({ constructor: { prototype: { polluted: true } } }),
  (rnd) => Array.from({ length: rnd.int(2000) }, (_, i) => ({ id: `r${i}`, values: { total: i } })),
];

function paths(node: Json, prefix: (string | number)[] = [], out: (string | number)[][] = [], limit = 20_000): (string | number)[][] {
  if (out.length >= limit) return out;
  out.push(prefix);
  if (Array.isArray(node)) node.forEach((child, i) => paths(child, [...prefix, i], out, limit));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) paths(v, [...prefix, k], out, limit);
  return out;
}

function parentOf(root: Json, path: (string | number)[]): { parent: Json; key: string | number } | null {
  if (path.length === 0) return null;
  let node: Json = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string, Json>)[step as string] as Json;
  return { parent: node, key: path[path.length - 1]! };
}

export const JSON_MUTATIONS: Record<string, (doc: Json, rnd: Random) => Json> = {
  replaceValue: (doc, rnd) => {
    const target = parentOf(doc, rnd.pick(paths(doc)));
    if (target) (target.parent as Record<string, Json>)[target.key as string] = rnd.pick(WEIRD_VALUES)(rnd);
    return doc;
  },
  deleteKey: (doc, rnd) => {
    const target = parentOf(doc, rnd.pick(paths(doc)));
    if (!target) return doc;
    if (Array.isArray(target.parent)) target.parent.splice(target.key as number, 1);
    else delete (target.parent as Record<string, Json>)[target.key as string];
    return doc;
  },
  addKey: (doc, rnd) => {
    const objects = paths(doc).filter((p) => {
      const t = parentOf(doc, [...p, 'x']);
      return t && t.parent && typeof t.parent === 'object' && !Array.isArray(t.parent);
    });
    const p = objects.length > 0 ? rnd.pick(objects) : [];
    const t = parentOf(doc, [...p, 'x']);
    const key = rnd.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 't99', '', 'total', '合计', 'p0']);
    if (t) Object.defineProperty(t.parent as object, key, { value: rnd.pick(WEIRD_VALUES)(rnd), enumerable: true, configurable: true, writable: true });
    return doc;
  },
  duplicateArrayItem: (doc, rnd) => {
    const arrays = paths(doc).filter((p) => {
      const t = parentOf(doc, [...p, 0]);
      return t && Array.isArray(t.parent) && t.parent.length > 0;
    });
    if (arrays.length === 0) return doc;
    const t = parentOf(doc, [...rnd.pick(arrays), 0])!;
    const list = t.parent as Json[];
    list.splice(rnd.int(list.length), 0, structuredClone(list[rnd.int(list.length)]!));
    return doc;
  },
  shuffleArray: (doc, rnd) => {
    const arrays = paths(doc).filter((p) => Array.isArray(parentOf(doc, [...p, 0])?.parent));
    if (arrays.length === 0) return doc;
    const list = parentOf(doc, [...rnd.pick(arrays), 0])!.parent as Json[];
    for (let i = list.length - 1; i > 0; i -= 1) {
      const j = rnd.int(i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return doc;
  },
  header: (doc, rnd) => {
    const o = doc as Record<string, Json>;
    const field = rnd.pick(['format', 'version', 'meta', 'tables', 'inputs', 'priorYear']);
    o[field] = rnd.pick<Json>([null, 2, 0, -1, '1', 999, 'budget-disclosure', 'other', [], {}]);
    return doc;
  },
  templateId: (doc, rnd) => {
    const meta = (doc as Record<string, Record<string, Json>>).meta;
    if (meta && typeof meta === 'object') meta.templateId = rnd.pick(['xj-unit-2021-9', 'xj-unit-2021-9-econ', 'unknown', '', '../../etc/passwd']);
    return doc;
  },
};

/**
 * Deep nesting can be neither built as an object nor stringified (both recurse), so a mutation leaves this marker as
 * a value and `mutateJsonText` writes the nesting into the text afterwards.
 */
const DEEP = '@@fuzz-deep@@';
const DEEP_FIELDS = ['meta', 'inputs', 'tables', 'priorYear', 'rows'];

/** A deeply nested value at a random place inside one field of the document (or data-sheet payload). */
export const deepNest = (doc: Json, rnd: Random): Json => {
  const root = doc as Record<string, Json>;
  const present = DEEP_FIELDS.filter((f) => f in root);
  const field = present.length > 0 ? rnd.pick(present) : 'meta';
  const inside = paths(root[field] ?? null, [field], [], 5000).filter((p) => p.length > 0);
  const target = parentOf(doc, inside.length > 0 ? rnd.pick(inside) : [field]);
  if (target) (target.parent as Record<string, Json>)[target.key as string] = DEEP;
  return doc;
};

function deepText(rnd: Random): string {
  const depth = rnd.pick([200, 5_000, 50_000]);
  const [open, close] = rnd.pick([['[', ']'], ['{"a":', '}']]);
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

export function mutateJsonText(text: string, rnd: Random, rounds: number): { text: string; labels: string[] } {
  let doc = JSON.parse(text) as Json;
  const labels: string[] = [];
  const names = [...Object.keys(JSON_MUTATIONS), 'deepNest'];
  for (let i = 0; i < rounds; i += 1) {
    const name = rnd.pick(names);
    labels.push(name);
    doc = name === 'deepNest' ? deepNest(doc, rnd) : JSON_MUTATIONS[name]!(doc, rnd);
  }
  return { text: JSON.stringify(doc).split(JSON.stringify(DEEP)).join(deepText(rnd)), labels };
}
