import { describe, expect, it } from 'vitest';
import { codedTable, fixedTable } from '../testing/builders';
import { parseTemplateSet } from './validate-set';
import { builtinSource } from './registry';

/** A small set as a bureau would write it, with the parts a test changes. */
function set(parts: Record<string, unknown>) {
  return {
    id: 'bureau-y', name: '某局模板', entityKind: '单位', amountUnit: '万元',
    display: { blankZero: false, columnNumberRow: false, compilerPrefix: '编制单位：' },
    tables: [codedTable('t3', ['total = basic + project', 'basic', 'project'], { no: '表3', role: 'expenditure' }), fixedTable('t9', ['total', 'abroad'], ['amount'], { no: '表9' })],
    rules: [], outline: [], ...parts,
  };
}

const errors = (json: unknown) => {
  const r = parseTemplateSet(json);
  return r.ok ? [] : r.errors;
};

describe('checks when a set loads', () => {
  it('an unknown generator, and a generated node without one, name the set, the outline and the node', () => {
    expect(errors(set({ outline: [
      { id: 'cover', title: '封面', kind: 'cover' },
      { id: 's1', title: '一、说明', kind: 'generated', generator: 'summry' },
      { id: 's2', title: '二、说明', kind: 'generated' },
    ] }))).toEqual([
      expect.stringMatching(/^模板“bureau-y”的 outline（文档结构）：节点“s1”的生成器“summry”不存在（可用：overview\.duties、/),
      '模板“bureau-y”的 outline（文档结构）：节点“s2”是生成的节（generated），但没有指定生成器（generator）',
    ]);
  });

  it('every sentence a named generator fills must be in the set', () => {
    const outline = [{ id: 'cover', title: '封面', kind: 'cover' }, { id: 's1', title: '一、说明', kind: 'generated', generator: 'summary' }];
    const all = {
      'summary.total': '甲', 'summary.income': '乙', 'summary.income.none': '丙', 'summary.expenditure': '丁', 'summary.expenditure.none': '戊',
    };
    expect(errors(set({ outline, sentences: all }))).toEqual([]);
    const { 'summary.income.none': _gone, ...fewer } = all;
    expect(errors(set({ outline, sentences: fewer }))).toEqual([
      '模板“bureau-y”的 sentences（句式）：缺少句式“summary.income.none”（节点“s1”的生成器“summary”需要）',
    ]);
    // Without a cover node the Word cover takes the cover.title sentence.
    expect(errors(set({ outline: outline.slice(1), sentences: all }))).toEqual([
      '模板“bureau-y”的 sentences（句式）：缺少句式“cover.title”（没有封面节点的文档封面需要）',
    ]);
  });

  it('a generator whose table the set lacks needs no sentences (its section says it was not generated)', () => {
    expect(errors(set({ outline: [{ id: 'cover', title: '封面', kind: 'cover' }, { id: 's8', title: '八', kind: 'generated', generator: 'govFund' }] }))).toEqual([]);
  });

  it('a rule naming a table, column or row the set does not have names the set, rules and the rule', () => {
    const rule = (id: string, expr: string) => ({ id, name: id, severity: 'error', scope: '表内', expr });
    expect(errors(set({ rules: [
      rule('r-table', 't99[total].total = 0'),
      rule('r-column', 't3[*].total = t3[*].nope'),
      rule('r-name', 't3[*].total = t3[*].name'),
      rule('r-row', 't9[reception].amount <= t9[total].amount'),
      rule('r-coded-row', 't3[inTotal].total = 0'),
      rule('r-check', 'validCodes(t3, t98)'),
      rule('r-fine', 't3[2080505].basic <= sum(t3[302*, 类].basic) + t9[合计].amount + t3[*].基本支出'),
    ] }))).toEqual([
      '模板“bureau-y”的 rules（审核公式）“r-table”：引用的表“t99”不存在',
      '模板“bureau-y”的 rules（审核公式）“r-column”：表3没有列“nope”',
      '模板“bureau-y”的 rules（审核公式）“r-name”：表3的列“name”不是金额列',
      '模板“bureau-y”的 rules（审核公式）“r-row”：表9没有行“reception”',
      '模板“bureau-y”的 rules（审核公式）“r-coded-row”：表3按科目编码列示，没有行“inTotal”（只能写编码、合计或 类/款/项 等）',
      '模板“bureau-y”的 rules（审核公式）“r-check”：引用的表“t98”不存在',
      '模板“bureau-y”的 rules（审核公式）“r-fine”：表3没有列“基本支出”',
    ]);
  });

  it('the built-in sets pass (each part as shipped)', () => {
    for (const id of ['xj-dept-2024-11', 'xj-unit-2021-9']) expect(errors(builtinSource(id))).toEqual([]);
  });
});
