import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/rules/finding';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { countFindings, outlineItems } from './outline-model';

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
});
