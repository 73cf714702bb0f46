import { describe, expect, it } from 'vitest';
import { emptyChangeSet } from '../commands/command';
import type { BudgetDocument } from '../document/document';
import { getBuiltinTemplateSet } from '../template/registry';
import type { TemplateSet } from '../template/template.schema';
import { createRuleEngine } from './engine';
import { reference2024 } from './reference-2024.fixture';

/**
 * Every rule of the 2024 set fires at the right cells: for each rule there is a single amount cell of the
 * reference document whose change breaks it, and the finding names that cell. Rules whose rows do not exist in the
 * reference (empty 表8/9/11, 表7 without group rows, no 部门/单位 rows) are listed; they are exercised in engine.test.ts
 * and org-rows.test.ts.
 */

const SET = getBuiltinTemplateSet('xj-dept-2024-11')!;

function amountCells(set: TemplateSet, doc: BudgetDocument): { table: string; row: string; col: string }[] {
  const out: { table: string; row: string; col: string }[] = [];
  for (const def of set.tables) {
    const cols = def.columns.filter((c) => c.kind === 'amount').map((c) => c.id);
    for (const row of doc.tables[def.id].rows) for (const col of cols) out.push({ table: def.id, row: row.id, col });
  }
  return out;
}

describe('rule coverage on the 2024 reference', () => {
  it('each comparison rule fires when one cell it reads changes, and names that cell', () => {
    const doc = reference2024();
    const cells = amountCells(SET, doc);
    const silent: string[] = [];
    for (const rule of SET.rules) {
      if (/^\w+\(/.test(rule.expr)) continue; // checks: see engine.test.ts
      const engine = createRuleEngine({ ...SET, rules: [rule] }, doc);
      const baseline = new Set(engine.findings().map((f) => `${f.id}|${f.message}`));
      let fired = false;
      for (const cell of cells) {
        const row = doc.tables[cell.table].rows.find((r) => r.id === cell.row)!;
        const before = row.values[cell.col];
        // A large change breaks inequalities too (其中 ≤ parent, 三公 ≥ 表6).
        row.values[cell.col] = (before ?? 0) + 100_000_00;
        engine.update({ ...emptyChangeSet(), cells: [cell] });
        const hit = engine.findings().some(
          (f) => !baseline.has(`${f.id}|${f.message}`) && f.cells.some((c) => c.table === cell.table && c.row === cell.row && c.col === cell.col),
        );
        if (before === undefined) delete row.values[cell.col];
        else row.values[cell.col] = before;
        engine.update({ ...emptyChangeSet(), cells: [cell] });
        if (hit) {
          fired = true;
          break;
        }
      }
      if (!fired) silent.push(rule.id);
    }
    expect(silent.filter((id) => !id.endsWith('-org'))).toEqual(['t7-groups', 't8-subtotals', 't9-subtotals', 't11-subtotals']);
    expect(silent.filter((id) => id.endsWith('-org'))).toHaveLength(8);
  });

  it('the row checks fire on the reference too', () => {
    const doc = reference2024();
    doc.tables.t3.rows[2].values.basic = -100;
    doc.tables.t3.rows.splice(0, 0, { id: '2109901', code: '2109901', values: {} });
    const rules = new Set(createRuleEngine(SET, doc).findings().map((f) => f.rule));
    expect([...rules].filter((r) => r.startsWith('codes-') || r.startsWith('amounts-')).sort()).toEqual(['amounts-negative', 'codes-parent']);
  });
});
