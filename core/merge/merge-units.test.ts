import { describe, expect, it } from 'vitest';
import { checkDocument } from '../checks/check-document';
import { setFor, withDerived } from '../testing/builders';
import { randomDocument } from '../text/random-doc.testutil';
import { mergeChanges } from './merge-diff';
import { mergeUnits, snapshotsOf, type MergeUnit } from './merge-units';
import { INPUT } from '../inputs/keys';

const SET = 'xj-dept-2024-11';
const template = setFor(SET);

function units(): MergeUnit[] {
  // Seeds whose documents have no 错误 (the generator cannot yet place 表2 单位资金 in 表1's sub-rows).
  return [1, 2, 3].map((seed, i) => {
    const doc = randomDocument(SET, seed);
    doc.meta.unitName = `下属单位${i + 1}`;
    return { file: `单位${i + 1}.ysgk`, sha256: `h${i}`, doc };
  });
}

const errors = (d: Parameters<typeof checkDocument>[0]) => checkDocument(d, template).filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);

describe('consolidating units into a 部门 document', () => {
  it('three consistent units give a 部门 document with no 错误 whose figures are the sums', () => {
    const us = units();
    for (const u of us) expect(errors(u.doc)).toEqual([]);
    const r = mergeUnits(us, template, '测试局');
    if (!r.ok) throw new Error(r.message);
    expect(errors(r.doc)).toEqual([]);
    for (const def of template.tables) {
      const total = r.doc.tables[def.id]!.rows.find((x) => x.id === 'total');
      if (!total) continue;
      for (const col of def.columns) {
        const sum = us.reduce((s, u) => s + (u.doc.tables[def.id]!.rows.find((x) => x.id === 'total')?.values[col.id] ?? 0), 0);
        expect(total.values[col.id] ?? 0, `${def.no} ${col.id}`).toBe(sum);
      }
    }
    const t3 = r.doc.tables.t3!.rows;
    expect(t3.filter((x) => x.org === 'unit').map((x) => x.name)).toEqual(['下属单位1', '下属单位2', '下属单位3']);
    expect(r.doc.inputs[INPUT.subUnits]).toEqual(['下属单位1', '下属单位2', '下属单位3']);
    expect(snapshotsOf(r.doc)).toHaveLength(3);
  });

  it('an edit of a 部门 figure is a 错误 against the units’ sum', () => {
    const r = mergeUnits(units(), template, '测试局');
    if (!r.ok) throw new Error(r.message);
    const row = r.doc.tables.t5!.rows.find((x) => x.code?.length === 7)!;
    row.values.basic = (row.values.basic ?? 0) + 100;
    expect(checkDocument(r.doc, template).filter((f) => f.rule === 'merge.sum').map((f) => f.message)).toEqual([
      expect.stringContaining(`${row.code} 基本支出：部门`),
    ]);
  });

  it('changing one unit and re-merging shows exactly that change', () => {
    const us = units();
    const before = mergeUnits(us, template, '测试局');
    if (!before.ok) throw new Error(before.message);
    const leaf = us[1]!.doc.tables.t3!.rows.find((x) => x.code?.length === 7 && (x.values.basic ?? 0) > 0)!;
    leaf.values.basic! += 250;
    withDerived(us[1]!.doc); // its 款, 类, 合计 and 合计 column follow, as the editor keeps them
    const after = mergeUnits(us, template, '测试局');
    if (!after.ok) throw new Error(after.message);
    const changes = mergeChanges(before.doc, after.doc, template).filter((c) => c.table === 't3');
    // The leaf, its 款 and 类, the 合计 column of each, 合计 row, the 部门 row and the changed unit's row.
    expect(changes.filter((c) => c.after - c.before !== 250)).toEqual([]);
    expect(changes.some((c) => c.row === leaf.id && c.col === 'basic')).toBe(true);
    expect(changes.some((c) => c.row === 'org3')).toBe(true);
    expect(changes.some((c) => c.row === 'org2' || c.row === 'org4')).toBe(false);
  });

  it('refuses units of different templates or years, saying which', () => {
    const us = units();
    us[2]!.doc.meta.year = 2023;
    const r = mergeUnits(us, template, '测试局');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('单位3.ysgk');
  });
});
