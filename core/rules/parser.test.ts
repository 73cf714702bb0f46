import { describe, expect, it } from 'vitest';
import { codedTable, testSet, useSet } from '../testing/builders';
import { createRuleEngine, ruleErrors } from './engine';
import { parseRule } from './parser';
import { docFor } from '../testing/builders';
import { getBuiltinTemplateSet } from '../template/registry';

describe('rule language parser', () => {
  it('parses comparisons with selectors, aggregates, labels and numbers', () => {
    const r = parseRule('t3[类, 款].* = sum(t3[children].*) - 1.5');
    expect(r).toEqual({
      ok: true,
      ast: {
        kind: 'comparison',
        op: '=',
        left: [{ kind: 'ref', sign: 1, ref: { table: 't3', selectors: [{ kind: 'name', name: '类' }, { kind: 'name', name: '款' }], column: '*' } }],
        right: [
          { kind: 'sum', sign: 1, ref: { table: 't3', selectors: [{ kind: 'name', name: 'children' }], column: '*' } },
          { kind: 'number', sign: -1, text: '1.5' },
        ],
      },
    });
    expect(parseRule('t10[reception]."公务接待费" ≥ t6[302*].公用经费')).toMatchObject({
      ok: true,
      ast: { op: '>=', right: [{ ref: { selectors: [{ kind: 'descendants', prefix: '302' }], column: '公用经费' } }] },
    });
    expect(parseRule('nonNegative(*)')).toEqual({ ok: true, ast: { kind: 'check', check: 'nonNegative', tables: ['*'] } });
  });

  it('reports syntax errors in Chinese with the position', () => {
    const r = parseRule('t3[*].total = ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^第 15 个字符处语法错误/);
  });

  it('a rule that cannot run becomes an error finding instead of stopping the check', () => {
    // Loading refuses such rules (load-checks.ts); a set built in code reaches the engine with them.
    const set = useSet({ ...testSet([codedTable('a', ['total', 'basic'])], { id: 'broken-rules' }), rules: [
      { id: 'bad-syntax', name: '语法错误', severity: 'error', scope: '表内', expr: 'a[*].total = = 1' },
      { id: 'bad-column', name: '列不存在', severity: 'error', scope: '表内', expr: 'a[*].total = a[*].project' },
      { id: 'bad-table', name: '表不存在', severity: 'error', scope: '表间', expr: 'a[*].total = z[*].total' },
      { id: 'bad-number', name: '数字', severity: 'error', scope: '表内', expr: 'a[*].total = 1.234' },
      { id: 'ok', name: '正常', severity: 'error', scope: '表内', expr: 'a[*].total = a[*].basic' },
    ] });
    expect(ruleErrors(set)).toEqual([
      expect.stringMatching(/^审核公式“语法错误”（bad-syntax）：第 \d+ 个字符处语法错误/),
      '审核公式“列不存在”（bad-column）：a没有金额列“project”',
      '审核公式“表不存在”（bad-table）：表“z”不存在',
      '审核公式“数字”（bad-number）：“1.234”超过两位小数，金额最多保留两位小数',
    ]);
    const findings = createRuleEngine(set, docFor('broken-rules')).findings();
    expect(findings.map((f) => f.rule)).toEqual(['bad-syntax', 'bad-column', 'bad-table', 'bad-number']);
    expect(findings[1].message).toBe('审核公式“列不存在”无法执行：a没有金额列“project”');
  });
});

describe('column labels', () => {
  it('accepts the leaf header label for a column id, and refuses a label two columns share', () => {
    const base = getBuiltinTemplateSet('xj-dept-2024-11')!;
    const set = {
      ...base,
      rules: [
        { id: 'label', name: '按表头', severity: 'error' as const, scope: '表内' as const, expr: 't3[*].合计 = t3[*].基本支出 + t3[*].项目支出' },
        { id: 'ambiguous', name: '表头重复', severity: 'error' as const, scope: '表内' as const, expr: 't1[inTotal].预算数 = 0' },
      ],
    };
    expect(ruleErrors(set)).toEqual(['审核公式“表头重复”（ambiguous）：表1有多个名为“预算数”的金额列，请写列标识（inAmount、outAmount）']);
  });
});
