import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/rules/finding';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { countFindings, countGroups, outlineItems, shortLabel } from './outline-model';

const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
const meta = { entityKind: '部门' as const, unitName: '测试局', year: 2025 };

const finding = (severity: Finding['severity'], tables: string[]): Finding => ({
  id: `${severity}-${tables.join()}`, rule: 'r', ruleName: 'r', severity, scope: '表间', message: 'm',
  cells: tables.map((table) => ({ table, row: 'total', col: 'total' })),
});

describe('outline', () => {
  it('lists every table by printed number and title, with placeholders filled', () => {
    const items = outlineItems(set, meta);
    const tables = items.filter((i) => i.kind === 'table');
    expect(tables.map((t) => t.tableId)).toEqual(set.tables.map((t) => t.id));
    expect(tables[0].title).toBe('表1 部门收支总体情况表');
    expect(items.some((i) => i.title.includes('{'))).toBe(false);
    expect(items.some((i) => i.title.includes('2025年'))).toBe(true);
  });

  it('falls back to 概况 / tables / 情况说明 for a set without an outline', () => {
    const items = outlineItems({ ...set, outline: [] }, meta);
    expect(items[0].title).toBe('概况');
    expect(items.at(-1)?.title).toBe('情况说明');
    expect(items.filter((i) => i.kind === 'table').length).toBe(set.tables.length);
  });

  it('counts a finding once per table it points at, split by severity', () => {
    const items = outlineItems(set, meta);
    const counts = countFindings(items, [finding('error', ['t1', 't3']), finding('warning', ['t3', 't3'])]);
    expect(counts.get('table:t1')).toEqual({ errors: 1, warnings: 0 });
    expect(counts.get('table:t3')).toEqual({ errors: 1, warnings: 1 });
    expect(counts.get('table:t2')).toBeUndefined();
  });

  it('counts a text finding at the section whose form edits its input (a reason, last year’s figures, an input node)', () => {
    const items = outlineItems(set, meta);
    const text = (input: string): Finding => ({ id: input, rule: 'r', ruleName: 'r', severity: 'warning', scope: '文字', message: '', cells: [], input });
    const counts = countFindings(items, [text('prior.items'), text('reason.item.2101101'), text('overview.duties'), text('usage.class.210')]);
    expect(counts.get('s5-3')).toEqual({ errors: 0, warnings: 2 });
    expect(counts.get('duties')).toEqual({ errors: 0, warnings: 1 });
    expect(counts.get('s4')).toEqual({ errors: 0, warnings: 1 });
  });
});

describe('short outline labels', () => {
  const sample = { entityKind: '部门' as const, unitName: '若羌县医疗保障局', year: 2024 };
  const labels = () => new Map(outlineItems(set, sample).map((i) => [i.id, i.label ?? i.title]));

  it('drops the unit and year the document already names, keeping the number; the full title stays', () => {
    const l = labels();
    expect(l.get('s1')).toBe('一、收支总体情况');
    expect(l.get('s2')).toBe('二、收入情况');
    expect(l.get('s4')).toBe('四、财政拨款收支总体情况');
    expect(l.get('s6')).toBe('六、一般公共预算基本支出情况');
    expect(l.get('s10')).toBe('十、财政拨款“三公”经费情况');
    expect(l.get('s12')).toBe('十二、其他重要事项的情况说明');
    expect(outlineItems(set, sample).find((i) => i.id === 's1')?.title).toBe('一、关于若羌县医疗保障局2024年收支预算情况的总体说明');
  });

  it('a subsection keeps only what its parent does not already say', () => {
    const l = labels();
    expect(l.get('s5')).toBe('五、一般公共预算当年拨款情况');
    expect(l.get('s5-1')).toBe('（一）规模变化情况');
    expect(l.get('s12-1')).toBe('（一）机关运行经费情况');
  });

  it('leaves titles without 关于… as they are', () => {
    expect(shortLabel('一、主要职能', sample)).toBe('一、主要职能');
  });
});

describe('counting groups', () => {
  it('a group counts once, at the table of its cause; a finding on its own counts as before', () => {
    const items = outlineItems(set, meta);
    const a = finding('error', ['t5', 't3']);
    const b = { ...finding('error', ['t5', 't6']), id: 'b' };
    const c = finding('warning', ['t2']);
    const counts = countGroups(items, [
      { cause: { table: 't5', row: 'total', col: 'total' }, primary: a, members: [a, b] },
      { cause: null, primary: c, members: [c] },
    ]);
    expect(counts.get('table:t5')).toEqual({ errors: 1, warnings: 0 });
    expect(counts.get('table:t3')).toBeUndefined();
    expect(counts.get('table:t2')).toEqual({ errors: 0, warnings: 1 });
  });
});
