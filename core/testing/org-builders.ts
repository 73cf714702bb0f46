import type { BudgetDocument, OrgLevel, RowData } from '../document/document';
import { docFor, withDerived, withRows } from './builders';

/**
 * Organisation rows as a single-unit release prints them (合计 / 医保局 / 【040001】乌尔禾区医保局 / 208 / …): each
 * org row carries the table's 合计 figures, the 单位 row names the 部门 row as its `unit`, and every coded or
 * project row names the last 单位 row. Call after withRows / withDerived so the 合计 row holds the figures.
 */
export function withOrgRows(doc: BudgetDocument, tableId: string, orgs: readonly [OrgLevel, string][]): BudgetDocument {
  const table = doc.tables[tableId];
  if (!table) throw new Error(`没有表“${tableId}”`);
  const total = table.rows.find((r) => r.id === 'total');
  let n = table.rows.filter((r) => r.org !== undefined).length;
  let department: string | undefined;
  let unit: string | undefined;
  const made: RowData[] = orgs.map(([org, name]) => {
    const row: RowData = { id: `org${++n}`, name, values: { ...(total?.values ?? {}) }, org };
    if (org === 'department') department = row.id;
    else {
      if (department) row.unit = department;
      unit = row.id;
    }
    return row;
  });
  for (const r of table.rows) if (r.id !== 'total' && r.org === undefined && unit) r.unit = unit;
  // Printed after the 合计 row when it is on top, else first.
  const at = table.rows[0]?.id === 'total' ? 1 : 0;
  table.rows.splice(at, 0, ...made);
  return doc;
}

/** The notes orgDocument2021 puts under 表三 (a table with data) and 表九 (an empty table). */
export const ORG_DOC_NOTES = {
  t3: '注：本表含乌尔禾区医保局本级支出。',
  t9: '备注：本单位2021年未安排政府性基金预算支出，因此表九为空表。',
} as const;

/**
 * A small 2021 单位预算 as that release prints it: 表三 合计 / 医保局 / 【040001】乌尔禾区医保局 / codes, 表六 with a
 * "[040001]…" 单位 row, a note under 表三 and one replacing 表九's 空表 note. `blankZero` is the document's own
 * display setting (omitted: the set's default, 0.00).
 */
export function orgDocument2021(blankZero?: boolean): BudgetDocument {
  const doc = docFor('xj-unit-2021-9', { unitName: '乌尔禾区医保局', compiler: '乌尔禾区医保局', entityKind: '单位', year: 2021 });
  if (blankZero !== undefined) doc.meta.blankZero = blankZero;
  withRows(doc, 't3', [
    ['208', {}], ['20805', {}], ['2080505', { basic: '2.70' }],
    ['210', {}], ['21015', {}], ['2101501', { basic: '46.45', project: '1.49' }],
  ]);
  withRows(doc, 't6', [['301', {}], ['30101', { personnel: '7.54' }], ['302', {}], ['30201', { public: '8.42' }]]);
  withDerived(doc);
  withOrgRows(doc, 't3', [['department', '医保局'], ['unit', '【040001】乌尔禾区医保局']]);
  withOrgRows(doc, 't6', [['unit', '[040001]乌尔禾区医保局']]);
  doc.tables.t3.note = ORG_DOC_NOTES.t3;
  doc.tables.t9.note = ORG_DOC_NOTES.t9;
  return doc;
}
