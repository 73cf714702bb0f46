import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../file/serialize';
import { createRuleEngine } from '../rules/engine';
import { createSampleDocument } from '../sample/sample-inputs';
import { filledInputCells } from '../testing/random';
import { getBuiltinTemplateSet } from '../template/registry';
import { BUILTIN_SETS, randomDocument } from '../text/random-doc.testutil';
import { describeFixOption, fixOptions } from './fix-options';
import { setCell } from './set-cells.command';

const check = (template: ReturnType<typeof getBuiltinTemplateSet>) => (doc: Parameters<typeof createRuleEngine>[1]) => createRuleEngine(template!, doc).findings();

describe('修正 says what it writes', () => {
  it("the sample's only table 提示 (表6 30110 vs 表5) offers both sides, each naming cell and value", () => {
    const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
    const doc = createSampleDocument();
    const finding = check(template)(doc).find((f) => f.id.includes('30110'))!;
    const options = fixOptions(finding, doc, template, check(template));
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([
      '将 表6 30110 职工基本医疗保险缴费 人员经费 由 17.68 改为 17.65',
      '将 表5 2101101 行政单位医疗 基本支出 由 7.55 改为 7.58',
      '将 表5 2101102 事业单位医疗 基本支出 由 10.10 改为 10.13',
    ]);
    expect(options.some((o) => o.cell.table === 't5')).toBe(true);
    for (const o of options) expect(o.resolves).toBe(true);
    expect(describeFixOption(options[0]!)).toMatch(/^将 表\d .+ 由 [\d.]+ 改为 [\d.]+？/);
  });

  for (const setId of BUILTIN_SETS) {
    it(`${setId}: every fix offered for a finding one broken cell causes removes that finding, and undo restores the document`, { timeout: 180_000 }, () => {
      const template = getBuiltinTemplateSet(setId)!;
      const base = randomDocument(setId, 11);
      const inputs = filledInputCells(base, template);
      const rulesFixed = new Set<string>();
      let offered = 0;
      for (const cell of inputs.filter((_, i) => i % Math.max(1, Math.floor(inputs.length / 8)) === 0)) {
        const doc = structuredClone(base);
        const before = new Set(check(template)(doc).map((f) => f.id));
        setCell(cell, (doc.tables[cell.table]!.rows.find((r) => r.id === cell.row)!.values[cell.col] ?? 0) + 1234).apply(doc, { template });
        const broken = serializeDocument(doc);
        for (const finding of check(template)(doc).filter((f) => !before.has(f.id))) {
          for (const option of fixOptions(finding, doc, template, check(template))) {
            offered += 1;
            expect(option.resolves, option.label).toBe(true);
            const { inverse } = option.command.apply(doc, { template });
            expect(check(template)(doc).some((f) => f.id === finding.id), option.label).toBe(false);
            rulesFixed.add(finding.rule);
            inverse.apply(doc, { template });
            expect(serializeDocument(doc)).toBe(broken);
          }
        }
      }
      expect(offered).toBeGreaterThan(0);
      expect(rulesFixed.size).toBeGreaterThan(1);
    });
  }
});
