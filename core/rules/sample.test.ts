import { describe, expect, it } from 'vitest';
import { createSampleDocument } from '../sample/sample-inputs';
import { docFor, withDerived, withRows, type RowSpec } from '../testing/builders';
import { getBuiltinTemplateSet } from '../template/registry';
import { createRuleEngine } from './engine';

describe('the built-in sample (2024 reference as a consistent document)', () => {
  it('gives no error and keeps one 提示: 30110 17.68 vs 2101101 + 2101102 = 17.65, as printed in the release', () => {
    const doc = createSampleDocument();
    const findings = createRuleEngine(getBuiltinTemplateSet(doc.meta.templateId)!, doc).findings();
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => f.message)).toEqual([
      '表6 30110 职工基本医疗保险缴费：合计 17.68 ≠ 表5 2101101 行政单位医疗 基本支出 + 表5 2101102 事业单位医疗 基本支出 17.65，相差 0.03',
    ]);
  });
});

/** The 2021 release's printed figures (表一, 表三 … 表六, 表八); 表二 and 表七 were listed but not printed. */
function reference2021(setId: string) {
  const doc = docFor(setId, { year: 2021 });
  const functional: RowSpec[] = [
    ['208', {}], ['20805', {}], ['2080505', { basic: '2.70' }], ['20899', {}], ['2089999', { project: '71.15' }],
    ['210', {}], ['21013', {}], ['2101301', { project: '0.50' }], ['21015', {}], ['2101501', { basic: '46.45' }], ['2101502', { project: '1.49' }],
  ];
  withRows(doc, 't3', functional);
  withRows(doc, 't5', functional);
  withRows(doc, 't6', [
    ['301', {}], ['30101', { personnel: '7.54' }], ['30102', { personnel: '13.03' }], ['30103', { personnel: '7.11' }],
    ['30108', { personnel: '2.70' }], ['30110', { personnel: '1.40' }], ['30111', { personnel: '0.34' }], ['30112', { personnel: '0.12' }],
    ['30113', { personnel: '4.97' }], ['302', {}], ['30201', { public: '0.63' }], ['30207', { public: '1.12' }], ['30211', { public: '1.05' }],
    ['30217', { public: '1.00' }], ['30228', { public: '0.41' }], ['30229', { public: '0.57' }], ['30231', { public: '3.45' }],
    ['30299', { public: '0.19' }], ['303', {}], ['30305', { personnel: '3.52' }],
  ]);
  withRows(doc, 't8', [['total', { vehicleOperation: '3.45', reception: '1.00' }]]);
  withRows(doc, 't1', [['gpb', { inAmount: '122.29' }], ['c208', { outAmount: '73.85' }], ['c210', { outAmount: '48.44' }]]);
  withRows(doc, 't4', [['gpb', { inAmount: '122.29' }], ['c208', { gpb: '73.85' }], ['c210', { gpb: '48.44' }]]);
  return withDerived(doc);
}

describe('the 2021 reference release (9 tables)', () => {
  it.each(['xj-unit-2021-9', 'xj-unit-2021-9-econ'])('%s: its unprinted 表二/表七 are errors, its economic ↔ functional gaps 提示', (setId) => {
    const doc = reference2021(setId);
    const findings = createRuleEngine(getBuiltinTemplateSet(setId)!, doc).findings();
    const errors = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    expect([...errors].sort()).toEqual(['x-t1-t2-gpb', 'x-t1-t2-total', 'x-t2-t3-row', 'x-t5-t7', 'x-t5-t7-code']);
    // 表二 was not printed, so every 表五 row also misses its 一般公共预算 income (提示, beside the 表二 errors).
    const hints = [...new Set(findings.filter((f) => f.severity === 'warning').map((f) => f.rule))];
    expect(hints).toEqual(['x-t5-t2-gpb', 'econ-func-30110', 'econ-func-30111', 'econ-func-30113']);
    expect(findings.find((f) => f.rule === 'econ-func-30110')!.message).toBe(
      '表六 30110 职工基本医疗保险缴费：合计 1.40 ≠ 表五 2101101 基本支出 + 表五 2101102 基本支出 0.00，相差 1.40',
    );
  });
});
