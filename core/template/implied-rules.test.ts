import { describe, expect, it } from 'vitest';
import { codedTable, fixedTable, projectTable } from '../testing/builders';
import { impliedRules, withImpliedRules } from './implied-rules';
import { builtinSource, getBuiltinTemplateSet, parseTemplateSetText } from './registry';
import type { RuleDef, TableDef } from './template.schema';

const ids = (rules: readonly RuleDef[]) => rules.map((r) => r.id);
const exprs = (rules: readonly RuleDef[]) => Object.fromEntries(rules.map((r) => [r.id, r.expr]));

describe('rules implied by table definitions', () => {
  it('a coded table: column formula, 类/款 subtotals, 合计 row, 部门/单位 rows', () => {
    const t = codedTable('t3', ['total = basic + project', 'basic', 'project'], { no: '表3' });
    const rules = impliedRules([t]);
    expect(exprs(rules)).toEqual({
      't3-row': 't3[*].total = t3[*].basic + t3[*].project',
      't3-subtotals': 't3[类, 款].* = sum(t3[children].*)',
      't3-total': 't3[total].* = sum(t3[类].*)',
      't3-org': 't3[机构].* = sum(t3[children].*)',
    });
    expect(rules.map((r) => r.name)).toEqual([
      '表3每行total等于basic加project', '表3类等于各款之和、款等于各项之和（逐列）', '表3合计行等于各类之和（逐列）',
      '表3部门、单位汇总行等于所属各行之和（逐列）',
    ]);
    expect(rules.every((r) => r.severity === 'error' && r.scope === '表内')).toBe(true);
  });

  it('an economic table has one subtotal level; a table without subtotals has none; another formula column is named by its id', () => {
    const econ = codedTable('t6', ['total = a + b - c', 'a', 'b', 'c', 'sub = a + b'], { classification: 'economic' });
    expect(exprs(impliedRules([econ]))).toMatchObject({
      't6-row': 't6[*].total = t6[*].a + t6[*].b - t6[*].c',
      't6-sub': 't6[*].sub = t6[*].a + t6[*].b',
      't6-subtotals': 't6[类].* = sum(t6[children].*)',
    });
    const flat: TableDef = { ...econ, rows: { ...(econ.rows as Extract<TableDef['rows'], { kind: 'coded' }>), subtotals: false } };
    expect(ids(impliedRules([flat]))).not.toContain('t6-subtotals');
  });

  it('a project table with one amount column names it; with several compares column by column', () => {
    expect(exprs(impliedRules([projectTable('t7')]))).toEqual({
      't7-total': 't7[total].total = sum(t7[projects].total)',
      't7-groups': 't7[类, 款, 项].total = sum(t7[children].total)',
      't7-org': 't7[机构].* = sum(t7[children].*)',
    });
    expect(exprs(impliedRules([projectTable('t7', ['total', 'e301'])]))['t7-groups']).toBe('t7[类, 款, 项].* = sum(t7[children].*)');
  });

  it('fixed rows: a formula row, its 其中 items (≤), and a formula over them ("-parts")', () => {
    const t = fixedTable('t9', ['total = a + v', 'a', 'v = p + q', 'p', 'q'], ['x', 'y'], { no: '表9' });
    if (t.rows.kind !== 'fixed') throw new Error('fixed');
    for (const row of t.rows.rows) if (row.id === 'p' || row.id === 'q') row.partOf = 'v';
    expect(exprs(impliedRules([t]))).toEqual({
      't9-total': 't9[total].* = t9[a].* + t9[v].*',
      't9-v-parts': 't9[v].* = t9[p].* + t9[q].*',
      't9-p-le': 't9[p].* <= t9[v].*',
      't9-q-le': 't9[q].* <= t9[v].*',
    });
  });

  it('a table of one row: its 合计 column rule is the table total', () => {
    const t = fixedTable('t8', ['total'], ['total = a + b', 'a', 'b'], { no: '表八' });
    expect(impliedRules([t])).toEqual([{ id: 't8-total', name: '表八total等于a加b', severity: 'error', scope: '表内', expr: 't8[*].total = t8[*].a + t8[*].b' }]);
  });

  it('the built-in side-by-side tables: one rule per side column, 支出总计 as the sum of every 类', () => {
    const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
    const t4 = impliedRules(set.tables.filter((t) => t.id === 't4'));
    expect(exprs(t4)).toEqual({
      't4-balance': 't4[inTotal].inAmount = t4[outTotal].total',
      't4-row': 't4[类, outTotal].total = t4[类, outTotal].gpb + t4[类, outTotal].fund + t4[类, outTotal].soe',
      't4-in-total': 't4[inTotal].inAmount = t4[fiscal].inAmount',
      't4-fiscal': 't4[fiscal].inAmount = t4[gpb].inAmount + t4[fund].inAmount + t4[soe].inAmount',
      't4-out-total-total': 't4[outTotal].total = sum(t4[类].total)',
      't4-out-total-gpb': 't4[outTotal].gpb = sum(t4[类].gpb)',
      't4-out-total-fund': 't4[outTotal].fund = sum(t4[类].fund)',
      't4-out-total-soe': 't4[outTotal].soe = sum(t4[类].soe)',
    });
    const t1 = impliedRules(set.tables.filter((t) => t.id === 't1'));
    expect(ids(t1).slice(0, 7)).toEqual(['t1-balance', 't1-in-total', 't1-in-current', 't1-gpb-parts', 't1-gpbOwn-le', 't1-gpbTransfer-le', 't1-fund-parts']);
    expect(t1.find((r) => r.id === 't1-gpbOwn-le')!.name).toBe('表1其中项不大于一般公共预算拨款');
    expect(t1.find((r) => r.id === 't1-in-total')!.name).toBe('表1收入总计等于本年收入加上年结转结余');
    expect(t1.find((r) => r.id === 't1-balance')!.name).toBe('表1收入总计等于支出总计');
    expect(exprs(t1)['t1-out-total']).toBe('t1[outTotal].outAmount = sum(t1[类].outAmount)');
  });
});

describe('a set with its implied rules', () => {
  const t = codedTable('t3', ['total = basic + project', 'basic', 'project'], { no: '表3' });
  const own: RuleDef[] = [
    { id: 'x-cross', name: '表间', severity: 'error', scope: '表间', expr: 't3[total].total = t3[total].basic' },
    { id: 't3-special', name: '特别', severity: 'warning', scope: '表内', expr: 't3[302*].basic = 0' },
    { id: 't3-org', name: '自己的版本', severity: 'warning', scope: '表内', expr: 't3[机构].total = sum(t3[children].total)' },
  ];

  it('per table its own 表内 rules, then the implied ones (an own rule of the same id in place), then the rest', () => {
    const r = withImpliedRules('s', [t], own, []);
    expect(ids(r.rules)).toEqual(['t3-special', 't3-row', 't3-subtotals', 't3-total', 't3-org', 'x-cross']);
    expect(r.rules[4]!.name).toBe('自己的版本');
    expect([...r.generated]).toEqual(['t3-row', 't3-subtotals', 't3-total']);
    expect(r.errors).toEqual([]);
  });

  it('leaves out the disabled ones and names a disabled id that is not generated', () => {
    const r = withImpliedRules('s', [t], [], ['t3-org', 'nope']);
    expect(ids(r.rules)).toEqual(['t3-row', 't3-subtotals', 't3-total']);
    expect(r.errors).toEqual(['模板“s”的 impliedRules.disable：“nope”不是由表定义生成的审核公式']);
  });

  it('a set extending another removes, replaces or refuses to add a generated rule by id', () => {
    const child = (rules: unknown) => JSON.stringify({ id: 'bureau-x', name: '某局模板', extends: 'xj-unit-2021-9', rules });
    const removed = parseTemplateSetText(child({ remove: ['t3-org', 't1-balance'] }));
    expect(removed.ok && ids(removed.set.rules).filter((id) => id === 't3-org' || id === 't1-balance')).toEqual([]);
    const replaced = parseTemplateSetText(child({ replace: [{ id: 't3-row', name: '改写', severity: 'warning', scope: '表内', expr: 't3[*].total >= t3[*].basic' }] }));
    expect(replaced.ok && replaced.set.rules.find((r) => r.id === 't3-row')).toMatchObject({ name: '改写', severity: 'warning' });
    const base = builtinSource('xj-unit-2021-9') as { rules: RuleDef[] };
    expect(base.rules.some((r) => r.id === 't3-row')).toBe(false);
    const added = parseTemplateSetText(child({ add: [{ id: 't3-row', name: '重复', severity: 'error', scope: '表内', expr: 't3[*].total = 0' }] }));
    expect(added.ok ? [] : added.errors).toEqual(['模板“bureau-x”：要添加的规则“t3-row”已存在（要修改它请用 replace）']);
  });
});
