import { describe, expect, it } from 'vitest';
import { cloneDocument } from '../../document/document';
import { createFinalSampleDocument, finalSampleSet } from '../../sample/final-sample';
import { createSampleDocument } from '../../sample/sample-inputs';
import { DocumentSession } from '../../session/session';
import { setFor } from '../../testing/builders';
import { budgetCarry } from './budget-import';
import { finalBudgetKey } from './keys';

/** The 2024 预算 sample as the 决算 unit's own 预算 of the same year. */
function budgetOfSameYear() {
  const doc = createSampleDocument();
  doc.meta.year = createFinalSampleDocument().meta.year;
  return { doc, set: setFor(doc.meta.templateId) };
}

describe('从预算文件导入 年初预算数', () => {
  it('lists every 项 and “三公” 预算数 it would write, old → new, and writes them as one undoable step', () => {
    const budget = budgetOfSameYear();
    const session = new DocumentSession({ template: finalSampleSet(), doc: createFinalSampleDocument() });
    const before = cloneDocument(session.doc);
    const carry = budgetCarry(session.doc, finalSampleSet(), budget.doc, budget.set);
    if (!carry.ok) throw new Error(carry.message);
    // Each 项 of the 预算's 一般公共预算支出表 (the 决算 sample had none of them typed), and the 三公 预算数 columns.
    expect(carry.items).toBe(budget.doc.tables.t5.rows.filter((r) => r.code?.length === 7 && (r.values.total ?? 0) !== 0).length);
    expect(carry.lines).toContain('年初预算数“2080505 机关事业单位基本养老保险缴费支出”：24.00 → 39.14');
    expect(carry.lines.some((l) => /^表7 财政拨款“三公”经费支出决算表“合计”的“财政拨款“三公”经费\/公务接待费\/预算数”：1\.50 → /.test(l))).toBe(true);
    // Nothing is written before the officer agrees.
    expect(session.doc).toEqual(before);
    expect(session.execute(carry.command).ok).toBe(true);
    expect(session.doc.inputs[finalBudgetKey('2080505')]).toBe(3914);
    // The 三公 预算数 合计 follows its items, as any edit of the table.
    const t7 = session.doc.tables.t7.rows[0].values;
    expect(t7.bTotal).toBe((t7.bAbroad ?? 0) + (t7.bVehicle ?? 0) + (t7.bReception ?? 0));
    // Done again, nothing is left to change.
    const again = budgetCarry(session.doc, finalSampleSet(), budget.doc, budget.set);
    expect(again.ok && again.lines).toEqual([]);
    session.undo();
    expect(session.doc).toEqual(before);
  });

  it('refuses a 预算 of another year', () => {
    const budget = budgetOfSameYear();
    budget.doc.meta.year -= 1;
    const carry = budgetCarry(createFinalSampleDocument(), finalSampleSet(), budget.doc, budget.set);
    expect(carry).toEqual({ ok: false, message: '所选文件是2023年的预算，本决算是2024年度，请选择2024年的预算文件' });
  });
});
