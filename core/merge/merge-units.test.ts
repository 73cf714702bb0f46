import { describe, expect, it } from 'vitest';
import { checkDocument } from '../checks/check-document';
import { setFor, withDerived } from '../testing/builders';
import { MERGE_SET, mergedDocument, mergeUnitsOf, unitDocuments } from '../testing/merge-units';
import { mergeChanges } from './merge-diff';
import { mergeUnits, snapshotsOf } from './merge-units';
import { INPUT } from '../inputs/keys';

const template = setFor(MERGE_SET);
const units = () => mergeUnitsOf(unitDocuments());

const errors = (d: Parameters<typeof checkDocument>[0]) => checkDocument(d, template).filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);

describe('consolidating units into a 部门 document', () => {
  it('three consistent units give a 部门 document with no 错误 whose figures are the sums', () => {
    const us = units();
    for (const u of us) expect(errors(u.doc)).toEqual([]);
    const doc = mergedDocument(us);
    expect(errors(doc)).toEqual([]);
    for (const def of template.tables) {
      const total = doc.tables[def.id]!.rows.find((x) => x.id === 'total');
      if (!total) continue;
      for (const col of def.columns) {
        const sum = us.reduce((s, u) => s + (u.doc.tables[def.id]!.rows.find((x) => x.id === 'total')?.values[col.id] ?? 0), 0);
        expect(total.values[col.id] ?? 0, `${def.no} ${col.id}`).toBe(sum);
      }
    }
    const t3 = doc.tables.t3!.rows;
    expect(t3.filter((x) => x.org === 'unit').map((x) => x.name)).toEqual(['下属单位1', '下属单位2', '下属单位3']);
    expect(doc.inputs[INPUT.subUnits]).toEqual(['下属单位1', '下属单位2', '下属单位3']);
    expect(snapshotsOf(doc)).toHaveLength(3);
  });

  it('sums 人员情况, 政府采购, 国有资产占用 (公务用车 by kind) and 机关运行经费, and keeps no unit’s texts', () => {
    const docs = unitDocuments();
    docs[0]!.inputs[INPUT.staff] = { authorized: 10, actual: 9, retired: 2 };
    docs[1]!.inputs[INPUT.staff] = { authorized: 5, actual: 5 };
    delete docs[2]!.inputs[INPUT.staff];
    docs[0]!.inputs[INPUT.procurement] = { goods: 46_900, services: 30_000 };
    docs[1]!.inputs[INPUT.procurement] = { none: true };
    docs[2]!.inputs[INPUT.procurement] = { goods: 100, sme: 500 };
    docs[0]!.inputs[INPUT.assets] = { asOf: '截至2023年底', vehicles: [{ kind: '一般公务用车', count: 1, value: 1500 }] };
    docs[1]!.inputs[INPUT.assets] = { vehicles: [{ kind: '执法执勤用车', count: 2, value: 4000 }, { kind: '一般公务用车', count: 1, value: 900 }] };
    docs[2]!.inputs[INPUT.assets] = { buildingArea: 120_000 };
    for (const [i, d] of docs.entries()) d.inputs[INPUT.operatingAmount] = 1000 * (i + 1);
    const doc = mergedDocument(mergeUnitsOf(docs));
    expect(doc.inputs[INPUT.staff]).toEqual({ authorized: 15, actual: 14, retired: 2 });
    expect(doc.inputs[INPUT.procurement]).toEqual({ goods: 47_000, services: 30_000, sme: 500 });
    expect(doc.inputs[INPUT.assets]).toEqual({
      buildingArea: 120_000,
      vehicles: [{ kind: '一般公务用车', count: 2, value: 2400 }, { kind: '执法执勤用车', count: 2, value: 4000 }],
    });
    expect(doc.inputs[INPUT.operatingAmount]).toBe(6000);
  });

  it('an edit of a 部门 figure is a 错误 against the units’ sum', () => {
    const doc = mergedDocument(units());
    const row = doc.tables.t5!.rows.find((x) => x.code?.length === 7)!;
    row.values.basic = (row.values.basic ?? 0) + 100;
    expect(checkDocument(doc, template).filter((f) => f.rule === 'merge.sum').map((f) => f.message)).toEqual([
      expect.stringContaining(`${row.code} 基本支出：部门`),
    ]);
  });

  it('changing one unit and re-merging shows exactly that change', () => {
    const us = units();
    const before = mergedDocument(us);
    const leaf = us[1]!.doc.tables.t3!.rows.find((x) => x.code?.length === 7 && (x.values.basic ?? 0) > 0)!;
    leaf.values.basic! += 250;
    withDerived(us[1]!.doc); // its 款, 类, 合计 and 合计 column follow, as the editor keeps them
    const after = mergedDocument(us);
    const changes = mergeChanges(before, after, template).filter((c) => c.table === 't3');
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
