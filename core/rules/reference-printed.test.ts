import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../document/document';
import { printedReferenceDocument, type RefTable } from '../testing/reference-printed';
import { getBuiltinTemplateSet } from '../template/registry';
import { createRuleEngine } from './engine';

/**
 * The reference releases loaded cell by cell as printed (every 类/款/合计 as typed in the release, nothing derived),
 * from the transcriptions in testdata/reference (two published releases, faults included). The rules must
 * find the releases' own table faults and nothing else.
 */
const referenceDir = join(import.meta.dirname, '../../testdata/reference');
const available = existsSync(referenceDir);

const load = (file: string, setId: string, year: number): BudgetDocument =>
  printedReferenceDocument(JSON.parse(readFileSync(join(referenceDir, file), 'utf8')) as { tables: RefTable[] }, setId, year);

describe.skipIf(!available)('reference releases loaded as printed', () => {
  it('2024: no error; the one 提示 of its tables is 30110 17.68 vs 2101101 + 2101102 = 17.65', () => {
    const doc = load('2024-ruoqiang-medical-security-dept-budget.tables.json', 'xj-dept-2024-11', 2024);
    const findings = createRuleEngine(getBuiltinTemplateSet('xj-dept-2024-11')!, doc).findings();
    // 表7 was not printed: its 合计 and the per-code project sums are the release's missing table.
    expect(findings.map((f) => `${f.severity} ${f.rule}`)).toEqual([
      'error x-t5-t7-code', 'error x-t5-t7-code', 'error x-t5-t7-code', 'error x-t5-t7', 'warning econ-func-30110',
    ]);
  });

  it('2021: 表二 and 表七 were not printed, and three economic ↔ functional pairs differ (提示)', () => {
    const doc = load('2021-urho-medical-security-unit-budget.tables.json', 'xj-unit-2021-9', 2021);
    const findings = createRuleEngine(getBuiltinTemplateSet('xj-unit-2021-9')!, doc).findings();
    const count = (severity: string) => new Set(findings.filter((f) => f.severity === severity).map((f) => f.rule));
    expect([...count('error')].sort()).toEqual(['x-t1-t2-gpb', 'x-t1-t2-total', 'x-t2-t3-row', 'x-t5-t7', 'x-t5-t7-code']);
    expect([...count('warning')]).toEqual(['x-t5-t2-gpb', 'econ-func-30110', 'econ-func-30111', 'econ-func-30113']);
  });
});
