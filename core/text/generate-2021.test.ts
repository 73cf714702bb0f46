import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { docFor, withDerived, withRows } from '../testing/builders';
import { getBuiltinTemplateSet } from '../template/registry';
import { allParagraphs, renderOutline } from './generate';
import { exportDocx } from '../docx/export-docx';
import { PRIOR, reasonKey } from '../inputs/keys';
import { checkDocumentText } from '../checks/check-text';
import { unitDocument2021 } from '../testing/unit-2021';
import { traceFaults } from './trace-verify';

/** The 2021 9-table 单位 set: same generators, its own outline and wording. */
function unitDoc(setId: string) {
  const doc = docFor(setId, { unitName: '乌尔禾区医疗保障局', compiler: '乌尔禾区医保局', year: 2021, date: '2021-03-01', entityKind: '单位' });
  const items: [string, string, string][] = [
    ['2080505', '2.70', ''], ['2089999', '', '71.15'], ['2101301', '', '0.50'], ['2101501', '46.45', ''], ['2101502', '', '1.49'],
  ];
  for (const t of ['t3', 't5']) withRows(doc, t, items.map(([c, b, p]) => [c, { basic: b || '0', project: p || '0' }]));
  withRows(doc, 't2', items.map(([c, b, p]) => [c, { gpb: (Number(b || 0) + Number(p || 0)).toFixed(2) }]));
  withRows(doc, 't8', [['total', { vehicleOperation: '3.45', reception: '1.00' }]]);
  withDerived(doc);
  doc.priorYear[PRIOR.item('2080505')] = 223;
  doc.inputs[reasonKey.item('2080505')] = '单位人员社保上调';
  return doc;
}

describe.each(['xj-unit-2021-9', 'xj-unit-2021-9-econ'])('set %s', (setId) => {
  const set = getBuiltinTemplateSet(setId)!;
  const doc = unitDoc(setId);
  const texts = new Map(allParagraphs(renderOutline(doc, set)).map((p) => [p.block.id, p.block.text]));

  it('writes 单位 wording and the set’s own patterns', () => {
    expect(texts.get('s1.total')).toContain('均纳入单位预算管理。收支总预算122.29万元。');
    expect(texts.get('s5-3.2080505')).toBe('1. 社会保障和就业支出（208）行政事业单位养老支出（05）机关事业单位基本养老保险缴费支出（05）：2021年预算数为2.70万元，比上年预算增加0.47万元，增长21.08%，主要原因是：单位人员社保上调。');
    expect(texts.get('s8.total')).toBe('乌尔禾区医疗保障局2021年一般公共预算“三公”经费数为4.45万元，其中：因公出国（境）费0.00万元，公务用车购置费0.00万元，公务用车运行费3.45万元，公务接待费1.00万元。');
    expect(texts.get('s2.fund')).toBe('政府性基金预算拨款未安排；');
    expect(texts.get('s9.empty')).toContain('政府性基金预算支出情况表为空表');
  });

  it('has every table in its outline', () => {
    expect(checkDocumentText(doc, set).filter((f) => f.rule === 'text.table-missing')).toEqual([]);
  });

  it('exports to Word with its 9 tables', async () => {
    const zip = await JSZip.loadAsync(await exportDocx(doc, set));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(9);
    expect(xml).toContain('编制部门：乌尔禾区医保局');
  });
});

describe.each(['xj-unit-2021-9', 'xj-unit-2021-9-econ'] as const)('the 2021 reference document (%s)', (setId) => {
  const set = getBuiltinTemplateSet(setId)!;

  it('lists the kinds of income as the release does, true to its trace', () => {
    const doc = unitDocument2021(setId);
    const nodes = renderOutline(doc, set);
    const texts = new Map(allParagraphs(nodes).map((p) => [p.block.id, p.block.text]));
    expect(texts.get('s1.income')).toBe('收入预算包括：一般公共预算。');
    expect(traceFaults(doc, set, nodes)).toEqual([]);
  });

  it('states each project’s amount from its row when the 合计 column is blank', () => {
    const doc = unitDocument2021(setId);
    for (const row of doc.tables.t7.rows) if (setId.endsWith('econ')) delete row.values.total;
    const texts = new Map(allParagraphs(renderOutline(doc, set)).map((p) => [p.block.id, p.block.text]));
    expect(texts.get('s7.p1.amount')).toBe('预算安排规模：71.15万元');
    expect(texts.get('s7.p3.amount')).toBe('预算安排规模：1.49万元');
    expect(texts.get('s10-4.summary')).toContain('涉及预算金额73.14万元');
    expect(checkDocumentText(doc, set).filter((f) => f.rule === 'text.projects-sum')).toEqual([]);
  });
});
