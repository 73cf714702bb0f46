import { describe, expect, it } from 'vitest';
import { DocumentSession } from '../session/session';
import { setFor, withDerived } from '../testing/builders';
import { randomDocument } from '../text/random-doc.testutil';
import { mergeUnits, snapshotsOf, type MergeUnit } from './merge-units';
import { remergePlan } from './remerge';

const SET = 'xj-dept-2024-11';
const template = setFor(SET);

function units(): MergeUnit[] {
  return [1, 2, 3].map((seed, i) => {
    const doc = randomDocument(SET, seed);
    doc.meta.unitName = `下属单位${i + 1}`;
    return { file: `单位${i + 1}.ysgk`, sha256: `h${i}`, doc };
  });
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('重新汇总', () => {
  it('plans exactly one unit’s change, applies it as one undoable command, and keeps the officer’s notes', () => {
    const us = units();
    const merged = mergeUnits(us, template, '测试局');
    if (!merged.ok) throw new Error(merged.message);
    const doc = merged.doc;
    doc.tables.t3!.note = '本表由下属单位汇总';
    const session = new DocumentSession({ template, doc });
    const original = copy(doc);

    const leaf = us[1]!.doc.tables.t3!.rows.find((x) => x.code?.length === 7 && (x.values.basic ?? 0) > 0)!;
    leaf.values.basic! += 250;
    withDerived(us[1]!.doc);
    const changed = us.map((u, i) => (i === 1 ? { ...u, sha256: 'h1-new' } : u));
    const plan = remergePlan(doc, template, changed);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.changedUnits).toEqual(['下属单位2']);
    expect(plan.unchanged).toBe(false);
    expect(plan.changes.some((c) => c.row === leaf.id && c.col === 'basic' && c.after - c.before === 250)).toBe(true);

    const r = session.execute(plan.command);
    expect(r.ok).toBe(true);
    expect(doc.tables.t3!.rows.find((x) => x.id === leaf.id)!.values.basic).toBe(plan.changes.find((c) => c.row === leaf.id && c.col === 'basic')!.after);
    expect(doc.tables.t3!.note).toBe('本表由下属单位汇总');
    expect(snapshotsOf(doc)[1]!.sha256).toBe('h1-new');
    // Planned again against the new state: nothing left to do.
    const again = remergePlan(doc, template, changed);
    expect(again.ok && again.unchanged).toBe(true);

    expect(session.undo().ok).toBe(true);
    expect(copy(doc)).toEqual(original);
  });

  it('refuses a document that was not consolidated, and units of another year, naming the file', () => {
    const plain = randomDocument(SET, 1);
    const r = remergePlan(plain, template, units());
    expect(r.ok).toBe(false);
    const merged = mergeUnits(units(), template, '测试局');
    if (!merged.ok) throw new Error(merged.message);
    const us = units();
    us[2]!.doc.meta.year = 2023;
    const refused = remergePlan(merged.doc, template, us);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('单位3.ysgk');
  });
});
