import { describe, expect, it } from 'vitest';
import type { BudgetDocument, RowData } from '../document/document';
import { docFor, setFor, amounts } from '../testing/builders';
import { createRuleEngine } from './engine';
import { recomputeAll } from '../derive/recompute.command';
import { previewCommand } from '../commands/preview';

/**
 * Organisation rows (合计 / 部门 / [040001]单位 as the 2021 release prints them) and the 类/款 subtotal rows a
 * project table prints above its projects are checked as sums of their members; rules across tables compare codes
 * only, so a table printed without organisation rows is not "missing" them.
 */
const SET = 'xj-unit-2021-9';

function row(id: string, values: Record<string, string>, extra: Partial<RowData> = {}): RowData {
  return { id, ...(/^\d+$/.test(id) ? { code: id } : {}), values: amounts(values), ...extra };
}

function orgDocument(unitTotal = '10.00'): BudgetDocument {
  const doc = docFor(SET);
  const t = (total: string) => ({ total, basic: total });
  doc.tables.t3.rows = [
    row('total', t('10.00')),
    row('org1', t('10.00'), { name: '医保局', org: 'department' }),
    row('org2', t(unitTotal), { name: '[040001]乌尔禾区医保局', org: 'unit', unit: 'org1' }),
    row('210', t('10.00'), { unit: 'org2', name: '卫生健康支出' }),
    row('21015', t('10.00'), { unit: 'org2', name: '医疗保障管理事务' }),
    row('2101501', t('10.00'), { unit: 'org2', name: '行政运行' }),
  ];
  doc.tables.t5.rows = doc.tables.t3.rows.filter((r) => r.org === undefined).map((r) => ({ ...r, values: { ...r.values } }));
  return doc;
}

const findingsOf = (doc: BudgetDocument, table: string) =>
  createRuleEngine(setFor(SET), doc).findings().filter((f) => f.cells.some((c) => c.table === table));

describe('organisation rows', () => {
  it('a consistent document with 部门/单位 rows has no finding about them, in or across tables', () => {
    const found = findingsOf(orgDocument(), 't3').filter((f) => f.cells.some((c) => c.row.startsWith('org')));
    expect(found).toEqual([]);
  });

  it('a 单位 row that differs from its rows is an error at that row; the 部门 row is checked against its 单位', () => {
    const found = findingsOf(orgDocument('9.00'), 't3').filter((f) => f.cells.some((c) => c.row.startsWith('org')));
    const ids = found.map((f) => f.rule);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    expect(found.some((f) => f.cells.some((c) => c.row === 'org2'))).toBe(true);
    expect(ids.join(' ')).toContain('t3-org');
  });

  it('recompute lists the organisation subtotal it would change, old → new, and changes nothing itself', () => {
    const doc = orgDocument('9.00');
    const preview = previewCommand(doc, setFor(SET), recomputeAll());
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.changes.map((c) => `${c.row} ${c.column} ${c.oldText}→${c.newText}`).sort()).toEqual([
      '[040001]乌尔禾区医保局 支出预算/合计 9.00→10.00',
      '[040001]乌尔禾区医保局 支出预算/基本支出 9.00→10.00',
    ].sort());
    expect(doc.tables.t3.rows[2].values.total).toBe(900);
  });
});

describe('project table subtotal rows', () => {
  it('类 and 款 rows printed above the projects (no 项 rows) are checked against their projects', () => {
    const doc = docFor('xj-unit-2021-9-econ');
    doc.tables.t7.rows = [
      row('total', { total: '30.00', e302: '30.00' }),
      row('208', { total: '30.00', e302: '30.00' }, { name: '社会保障和就业支出' }),
      row('20899', { total: '30.00', e302: '30.00' }, { name: '其他社会保障和就业支出' }),
      { id: 'p1', code: '2089999', name: '项目甲', values: amounts({ total: '10.00', e302: '10.00' }) },
      { id: 'p2', code: '2089999', name: '项目乙', values: amounts({ total: '20.00', e302: '20.00' }) },
    ];
    const clean = findingsOf(doc, 't7').filter((f) => f.rule.startsWith('t7-groups'));
    expect(clean).toEqual([]);
    doc.tables.t7.rows[2].values.total = 2900;
    doc.tables.t7.rows[2].values.e302 = 2900;
    const broken = findingsOf(doc, 't7').filter((f) => f.rule.startsWith('t7-groups'));
    expect(broken.some((f) => f.cells.some((c) => c.row === '20899'))).toBe(true);
  });
});
