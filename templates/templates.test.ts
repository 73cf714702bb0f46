import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleParts, builtinTemplateSets, parseTemplateSet } from '../core/template/registry';
import { resolveExtends } from '../core/template/extends';
import { impliedRules } from '../core/template/implied-rules';
import type { RuleDef } from '../core/template/template.schema';

/** Every set folder under templates/ (a folder with a tables.json), read from disk as a bureau's file would be. */
const root = import.meta.dirname;
const setDirs = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'tables.json')))
  .map((d) => d.name);

function readSet(dir: string): unknown {
  return assembleParts({
    tables: readPart(dir, 'tables'), rules: readPart(dir, 'rules'), outline: readPart(dir, 'outline'),
    sentences: readPart(dir, 'sentences'), glossary: readPart(dir, 'glossary'),
  });
}

function readPart(dir: string, part: string): unknown {
  const file = join(root, dir, `${part}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

describe('template sets under templates/', () => {
  it('there are the three built-in sets at least', () => {
    expect(setDirs).toEqual(expect.arrayContaining(['xj-dept-2024-11', 'xj-unit-2021-9', 'xj-unit-2021-9-econ']));
  });

  it.each(setDirs)('%s is a valid set and its folder name is its id', (dir) => {
    // A set that extends another is resolved against the other folders first, then validated as a whole.
    const resolved = resolveExtends(readSet(dir), (id) => (setDirs.includes(id) ? readSet(id) : undefined));
    const result = resolved.ok ? parseTemplateSet(resolved.set) : resolved;
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(result.set.id).toBe(dir);
  });

  it('the registry ships every folder', () => {
    expect(builtinTemplateSets().map((s) => s.id).sort()).toEqual([...setDirs].sort());
  });

  // The Xinjiang sets' rules.json hold only what their tables do not imply (表间 rules, checks, special 表内 rules).
  it.each(['xj-dept-2024-11', 'xj-unit-2021-9'])('%s: rules.json repeats no rule its tables imply', (dir) => {
    const own = readPart(dir, 'rules') as RuleDef[];
    const tables = (readPart(dir, 'tables') as { tables: Parameters<typeof impliedRules>[0] }).tables;
    const implied = impliedRules(tables);
    const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
    expect(own.filter((r) => implied.some((i) => i.id === r.id || same(i.expr, r.expr))).map((r) => r.id)).toEqual([]);
  });

  it('the 表七-by-economic-类 extension needs no rules of its own: its 表七 implies them', () => {
    expect(readPart('xj-unit-2021-9-econ', 'rules')).toEqual({});
  });
});
