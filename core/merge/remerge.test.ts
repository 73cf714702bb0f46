import { describe, expect, it } from 'vitest';
import { INPUT, PRIOR } from '../inputs/keys';
import { sangongCountKey } from '../text/final/keys';
import { formatAmount } from '../amount/amount';
import { DocumentSession } from '../session/session';
import { setFor, withDerived } from '../testing/builders';
import { MERGE_SET, mergedDocument, mergeUnitsOf, unitDocuments } from '../testing/merge-units';
import { randomDocument } from '../text/random-doc.testutil';
import { snapshotsOf } from './merge-units';
import { remergePlan, remergePlanLines, remergeSize } from './remerge';

const template = setFor(MERGE_SET);
const units = () => mergeUnitsOf(unitDocuments());

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('重新汇总', () => {
  it('plans exactly one unit’s change, applies it as one undoable command, and keeps the officer’s notes', () => {
    const us = units();
    const doc = mergedDocument(us);
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
    expect(plan.inputChanges).toEqual([]);
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

  it('re-sums 人员情况, 政府采购, 公务用车, 机关运行经费 and “三公” counts, lists each old → new, and keeps what no unit gives', () => {
    const docs = unitDocuments();
    for (const d of docs) {
      d.inputs[INPUT.staff] = { authorized: 10, actual: 9 };
      d.inputs[INPUT.procurement] = { goods: 10_000 };
      d.inputs[INPUT.assets] = { vehicles: [{ kind: '一般公务用车', count: 1, value: 1500 }] };
      delete d.inputs[INPUT.operatingAmount];
      d.inputs[sangongCountKey('vehiclesHeld')] = 1;
    }
    const us = mergeUnitsOf(docs);
    const doc = mergedDocument(us);
    // The officer's own: the 统计时点 text and a 部门 figure no unit gives.
    doc.inputs[INPUT.assets] = { ...(doc.inputs[INPUT.assets] as object), asOf: '截至2023年底', furnitureValue: 800 };
    const session = new DocumentSession({ template, doc });
    const original = copy(doc);

    docs[0]!.inputs[INPUT.staff] = { authorized: 12, actual: 11 };
    docs[1]!.inputs[INPUT.procurement] = { goods: 10_000, services: 2_550 };
    docs[2]!.inputs[INPUT.assets] = { vehicles: [{ kind: '一般公务用车', count: 2, value: 2500 }, { kind: '执法执勤用车', count: 1, value: 3000 }] };
    docs[2]!.inputs[INPUT.operatingAmount] = 12_345;
    docs[2]!.inputs[sangongCountKey('vehiclesHeld')] = 2;
    docs[0]!.inputs[sangongCountKey('receptionBatches')] = 12;
    const plan = remergePlan(doc, template, us.map((u) => ({ ...u, sha256: `${u.sha256}-new` })));
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.changes).toEqual([]);
    expect(remergePlanLines(plan)).toEqual([
      '人员情况 编制数：30 → 32',
      '人员情况 实有人数：27 → 29',
      '政府采购 服务：未填 → 25.50',
      '国有资产占用 一般公务用车 数量（辆）：3 → 4',
      '国有资产占用 一般公务用车 价值：45.00 → 55.00',
      '国有资产占用 执法执勤用车 数量（辆）：未填 → 1',
      '国有资产占用 执法执勤用车 价值：未填 → 30.00',
      '机关运行经费：未填 → 123.45',
      '“三公” 公务用车保有量：3 → 4',
      '“三公” 国内公务接待批次：未填 → 12',
    ]);
    expect(remergeSize(plan)).toBe('修改 0 个单元格和 10 项填报内容（人员、采购、资产、上年预算数等）');

    expect(session.execute(plan.command).ok).toBe(true);
    expect(doc.inputs[INPUT.staff]).toEqual({ authorized: 32, actual: 29 });
    expect(doc.inputs[INPUT.assets]).toEqual({
      vehicles: [{ kind: '一般公务用车', count: 4, value: 5500 }, { kind: '执法执勤用车', count: 1, value: 3000 }],
      asOf: '截至2023年底', furnitureValue: 800,
    });
    expect(doc.inputs[INPUT.operatingAmount]).toBe(12_345);
    expect(session.undo().ok).toBe(true);
    expect(copy(doc)).toEqual(original);
  });

  it('re-sums last year’s figures as 汇总 does and lists exactly a unit’s changed figure, old → new', () => {
    const docs = unitDocuments();
    const us = mergeUnitsOf(docs);
    const doc = mergedDocument(us);
    // The 部门's own figure, which no unit gives, stays.
    doc.priorYear['item.999'] = 4_200;
    const session = new DocumentSession({ template, doc });
    const original = copy(doc);
    const key = PRIOR.expenditure('basic');
    const before = doc.priorYear[key]!;
    expect(before).toBe(docs.reduce((s, d) => s + (d.priorYear[key] ?? 0), 0));

    docs[1]!.priorYear[key] = (docs[1]!.priorYear[key] ?? 0) + 12_345;
    const plan = remergePlan(doc, template, us.map((u, i) => (i === 1 ? { ...u, sha256: 'h1-new' } : u)));
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.changes).toEqual([]);
    expect(plan.inputChanges).toEqual([]);
    expect(remergePlanLines(plan)).toEqual([`上年预算数 支出 基本支出：${formatAmount(before)} → ${formatAmount(before + 12_345)}`]);
    expect(remergeSize(plan)).toBe('修改 0 个单元格和 1 项填报内容（人员、采购、资产、上年预算数等）');

    expect(session.execute(plan.command).ok).toBe(true);
    // What a fresh 汇总 of the same units gives, and the 部门's own figure besides.
    expect(doc.priorYear).toEqual({ ...mergedDocument(us).priorYear, 'item.999': 4_200 });
    expect(session.undo().ok).toBe(true);
    expect(copy(doc)).toEqual(original);
  });

  it('names last year’s figures as the forms do, removes a figure the units no longer give, and reads one not stored as 未填', () => {
    const docs = unitDocuments();
    for (const d of docs) d.priorYear = { [PRIOR.sangong('reception')]: 100, [PRIOR.item('2010101')]: 500 };
    const us = mergeUnitsOf(docs);
    const doc = mergedDocument(us);
    expect(doc.priorYear).toEqual({ 'sangong.reception': 300, 'item.2010101': 1_500 });
    for (const d of docs) d.priorYear = { [PRIOR.operating]: 1_000, [PRIOR.income('gpb')]: 200, [PRIOR.item('2010101')]: 0 };
    docs[0]!.priorYear[PRIOR.item('2010101')] = 700;
    docs[1]!.priorYear[PRIOR.item('2010101')] = -700;
    const plan = remergePlan(doc, template, us);
    if (!plan.ok) throw new Error(plan.message);
    // 公务接待费, which the units gave at 汇总 and give no more, falls to zero as a fresh 汇总 would have it.
    expect(remergePlanLines(plan)).toEqual([
      expect.stringMatching(/^上年预算数 收入 \S+：未填 → 6\.00$/),
      expect.stringMatching(/^上年预算数 2010101( \S+)?：15\.00 → 0\.00$/),
      '上年预算数 “三公”经费 公务接待费：3.00 → 0.00',
      '上年预算数 机关运行经费：未填 → 30.00',
    ]);
    new DocumentSession({ template, doc }).execute(plan.command);
    expect(doc.priorYear).toEqual({ 'income.gpb': 600, operating: 3_000 });
  });

  it('refuses a document that was not consolidated, and units of another year, naming the file', () => {
    const plain = randomDocument(MERGE_SET, 1);
    const r = remergePlan(plain, template, units());
    expect(r.ok).toBe(false);
    const merged = mergedDocument(units());
    const us = units();
    us[2]!.doc.meta.year = 2023;
    const refused = remergePlan(merged, template, us);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('单位3.ysgk');
  });
});
