import { describe, expect, it } from 'vitest';
import { resolveExtends } from './extends';
import { builtinSource, getBuiltinTemplateSet, parseTemplateSetText } from './registry';

const base = getBuiltinTemplateSet('xj-unit-2021-9')!;
const econ = getBuiltinTemplateSet('xj-unit-2021-9-econ')!;
const lookup = (id: string) => builtinSource(id);
const child = (extra: Record<string, unknown>) => ({ id: 'bureau-x', name: '某局模板', extends: 'xj-unit-2021-9', ...extra });

describe('template inheritance', () => {
  it('the 2021 表七-by-economic-类 set is the 2021 set with its own 表七 and three rules', () => {
    expect(econ.tables.map((t) => t.id)).toEqual(base.tables.map((t) => t.id));
    for (const t of econ.tables) if (t.id !== 't7') expect(t).toEqual(base.tables.find((b) => b.id === t.id));
    expect(econ.tables.find((t) => t.id === 't7')).not.toEqual(base.tables.find((t) => t.id === 't7'));
    expect(econ.outline).toEqual(base.outline);
    expect(econ.sentences).toEqual(base.sentences);
    const ids = econ.rules.map((r) => r.id);
    expect(ids.filter((id) => !base.rules.some((r) => r.id === id))).toEqual(['t7-row']);
    expect(ids.indexOf('t7-row')).toBe(ids.indexOf('t6-org') + 1);
    expect(econ.rules.filter((r) => JSON.stringify(r) !== JSON.stringify(base.rules.find((b) => b.id === r.id))).map((r) => r.id).sort())
      .toEqual(['t7-groups', 't7-row', 't7-total']);
  });

  it('patches columns and fixed rows of a table, outline nodes anywhere in the tree, and sentences', () => {
    const t5 = base.tables.find((t) => t.id === 't5')!;
    const lastCol = t5.columns[t5.columns.length - 1]!;
    const r = resolveExtends(child({
      tables: { patch: [{ id: 't5', title: '改名的表', columns: { replace: [{ ...lastCol, width: 20 }] } }] },
      outline: { remove: ['s5-3'] },
      sentences: { 'extra.key': '新增的句子' },
    }), lookup);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const set = r.set as typeof base;
    const p5 = set.tables.find((t) => t.id === 't5')!;
    expect(p5.title).toBe('改名的表');
    expect(p5.columns[p5.columns.length - 1]!.width).toBe(20);
    const flat = JSON.stringify(set.outline);
    expect(flat).not.toContain('"s5-3"');
    expect(flat).toContain('"s5-2"');
    expect((set.sentences as Record<string, string>)['extra.key']).toBe('新增的句子');
  });

  it('names the set and the id of every change that does not fit its base', () => {
    const r = resolveExtends(child({
      tables: { replace: [{ id: 't99' }], remove: ['t98'] },
      rules: { add: [{ id: base.rules[0]!.id }], remove: ['no-such-rule'] },
      outline: { remove: ['no-node'] },
      sentences: { 'no.such.sentence': null },
    }), lookup);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      '模板“bureau-x”：要删除的表“t98”在所继承的模板中不存在',
      '模板“bureau-x”：要替换的表“t99”在所继承的模板中不存在',
      '模板“bureau-x”：要删除的规则“no-such-rule”在所继承的模板中不存在',
      `模板“bureau-x”：要添加的规则“${base.rules[0]!.id}”已存在（要修改它请用 replace）`,
      '模板“bureau-x”：要删除的目录节点“no-node”在所继承的模板中不存在',
      '模板“bureau-x”：要删除的句子“no.such.sentence”在所继承的模板中不存在',
    ]);
  });

  it('refuses an unknown base, itself and a cycle', () => {
    expect(resolveExtends(child({ extends: '没有的模板' }), lookup)).toEqual({ ok: false, errors: ['模板“bureau-x”：所继承的模板“没有的模板”不存在（请先加载它）'] });
    expect(resolveExtends(child({ extends: 'bureau-x' }), lookup).ok).toBe(false);
    const a = { id: 'a', extends: 'b' };
    const b = { id: 'b', extends: 'a' };
    const r = resolveExtends(a, (id) => (id === 'a' ? a : b));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toContain('继承层次过深');
  });

  it('a bureau file extending a built-in set loads through the one schema', () => {
    const text = JSON.stringify(child({ rules: { remove: ['t7-total'] } }));
    const r = parseTemplateSetText(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.set.id).toBe('bureau-x');
      expect(r.set.rules.some((x) => x.id === 't7-total')).toBe(false);
      expect(r.set.tables).toEqual(base.tables);
    }
    const bad = parseTemplateSetText(JSON.stringify(child({ tables: { patch: [{ id: 't5', columns: { add: [{ id: 'x', header: ['新列'], kind: 'amount', formula: 'nope + 1' }] } }] } })));
    expect(bad.ok).toBe(false);
  });
});
