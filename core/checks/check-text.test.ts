import { describe, expect, it } from 'vitest';
import { amount } from '../amount/amount';
import type { BudgetDocument } from '../document/document';
import { checkDocumentText } from './check-text';
import { sampleDoc, sampleSet } from '../text/sample-doc.testutil';
import { INPUT, overrideKey, PRIOR, reasonKey, usageKey } from '../inputs/keys';
import type { ProjectInput, ProjectPerformance } from '../inputs/schemas';
import type { TemplateSet } from '../template/template.schema';
import { getBuiltinTemplateSet } from '../template/registry';
import { unitDocument2021 } from '../testing/unit-2021';

/** The sample's own known findings (last year's figures of its release do not add up) are left out. */
const SAMPLE_KNOWN = new Set(['prior.sum:items', 'text.change-sum:gpb.items']);
const findingsOf = (doc: BudgetDocument, set: TemplateSet = sampleSet()) => checkDocumentText(doc, set).filter((f) => !SAMPLE_KNOWN.has(f.id));
const rulesOf = (doc: BudgetDocument, set: TemplateSet = sampleSet()) => findingsOf(doc, set).map((f) => f.rule);

describe('text checks', () => {
  it('find on the sample only what its release got wrong: last year’s items add up to 743.45, not 753.45', () => {
    const f = checkDocumentText(sampleDoc(), sampleSet());
    expect(f.map((x) => [x.id, x.severity])).toEqual([['prior.sum:items', 'warning'], ['text.change-sum:gpb.items', 'warning']]);
    expect(f[0].message).toBe('上年预算数不一致：各科目（一般公共预算支出）上年预算数合计 743.45万元，与上年一般公共预算拨款合计 753.45万元 不符，相差 10万元');
    expect(f[1].message).toContain('增加81.05万元');
    expect(f[1].message).toContain('增加71.05万元');
  });

  it('a 表7 project without a name is an 错误 that leads to its name cell', () => {
    const doc = sampleDoc();
    const p2 = doc.tables.t7.rows.find((r) => r.id === 'p2')!;
    p2.name = '  ';
    const f = findingsOf(doc).filter((x) => x.rule === 'text.project-name');
    expect(f.map((x) => [x.severity, x.message, x.cells])).toEqual([['error', '表7第2个项目未填写项目名称', [{ table: 't7', row: 'p2', col: 'name' }]]]);
    // The same in a 2021 单位 set, whose project table is 表七 with group rows above the projects.
    const unit = unitDocument2021('xj-unit-2021-9-econ');
    delete unit.tables.t7.rows.find((r) => r.id === 'p1')!.name;
    const g = checkDocumentText(unit, getBuiltinTemplateSet('xj-unit-2021-9-econ')!).filter((x) => x.rule === 'text.project-name');
    expect(g.map((x) => [x.message, x.cells])).toEqual([['表七第1个项目未填写项目名称', [{ table: 't7', row: 'p1', col: 'name' }]]]);
  });

  it('every finding has scope 文字 and a Chinese message', () => {
    const doc = sampleDoc();
    doc.inputs = {};
    const findings = checkDocumentText(doc, sampleSet());
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) {
      expect(f.scope).toBe('文字');
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });

  it('a stated change without reason (提示)', () => {
    const doc = sampleDoc();
    delete doc.inputs[reasonKey.item('2080505')];
    const f = checkDocumentText(doc, sampleSet()).find((x) => x.rule === 'text.reason-missing');
    expect(f).toMatchObject({ severity: 'warning', input: 'reason.item.2080505' });
    expect(f?.message).toContain('增加6.34万元');
  });

  it('a 类 without 主要用于', () => {
    const doc = sampleDoc();
    delete doc.inputs[usageKey('210')];
    expect(rulesOf(doc)).toEqual(['text.usage-missing']);
  });

  it.each([
    [INPUT.duties, '主要职能'],
    [INPUT.procurement, '政府采购'],
    [INPUT.assets, '国有资产'],
    [INPUT.performanceOverall, '整体绩效目标表'],
    [INPUT.performanceProjects, '项目支出绩效目标表'],
  ])('a required part empty: %s', (key, word) => {
    const doc = sampleDoc();
    delete doc.inputs[key];
    const found = checkDocumentText(doc, sampleSet()).filter((f) => f.rule === 'text.required-empty');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(word);
  });

  it('no 三公 explanation in the outline', () => {
    const set = sampleSet();
    const outline = JSON.parse(JSON.stringify(set.outline).replace('"generator":"sangong"', '"generator":"carryover"'));
    expect(rulesOf(sampleDoc(), { ...set, outline })).toContain('text.required-empty');
  });

  it('a typed figure that differs from its table', () => {
    const doc = sampleDoc();
    doc.inputs[overrideKey('s3.basic')] = '基本支出405.8万元，占49.22%，比上年预算增加54.62万元，增长15.56%。';
    const f = findingsOf(doc);
    expect(f.map((x) => x.rule)).toEqual(['text.figure-mismatch']);
    expect(f[0].message).toContain('15.56%');
    doc.inputs[overrideKey('s3.basic')] = '基本支出405.80万元，占49.22%，比上年预算增加54.62万元，增长15.55%，主要原因是人员增资。';
    expect(rulesOf(doc)).toEqual([]);
  });

  it('projects whose amounts do not sum to 表7', () => {
    const doc = sampleDoc();
    doc.tables.t7.rows.find((r) => r.id === 'p2')!.values.total = amount('11');
    expect(rulesOf(doc)).toContain('text.projects-sum');
  });

  it('a subsidy whose 补贴人数 × 补贴标准 differs from its amount (提示)', () => {
    const doc = sampleDoc();
    const projects = doc.inputs[INPUT.projects] as unknown as ProjectInput[];
    projects[2].subsidy!.persons = '3.2万人';
    const f = findingsOf(doc);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['text.subsidy-product', 'warning']]);
    expect(f[0].message).toContain('32万元');
  });

  it('绩效 funds that do not match 表7', () => {
    const doc = sampleDoc();
    const perf = doc.inputs[INPUT.performanceProjects] as unknown as ProjectPerformance[];
    perf[0].total = amount('383.7');
    perf[0].fiscal = amount('383.7');
    expect(rulesOf(doc)).toEqual(['text.performance-funds']);
  });

  it('小微企业 larger than 中小企业', () => {
    const doc = sampleDoc();
    doc.inputs[INPUT.procurement] = { goods: 469, services: 300, sme: 500, smeMicro: 769 };
    expect(rulesOf(doc)).toEqual(['text.procurement-sme']);
  });

  it('a table of the set missing from the outline or from the document', () => {
    const set = sampleSet();
    const outline = JSON.parse(JSON.stringify(set.outline).replace(/\{"id":"table-t9"[^}]*\},?/, ''));
    expect(rulesOf(sampleDoc(), { ...set, outline })).toEqual(['text.table-missing']);
    const doc = sampleDoc();
    delete doc.tables.t8;
    expect(rulesOf(doc)).toContain('text.table-missing');
  });

  it('万元/元 mismatch in typed text', () => {
    const doc = sampleDoc();
    doc.inputs[reasonKey.operating()] = '本单位厉行节约，压减办公费125.58元';
    const f = findingsOf(doc);
    expect(f.map((x) => x.rule)).toEqual(['text.unit-mismatch']);
    expect(f[0].message).toContain('125.58元');
  });

  it('a table with data called empty in typed text', () => {
    const doc = sampleDoc();
    doc.inputs[INPUT.otherNotes] = ['本部门一般公共预算项目支出情况表为空表。'];
    expect(rulesOf(doc)).toEqual(['text.empty-note']);
  });

  it('an empty table without a note in the set', () => {
    const set = sampleSet();
    const tables = set.tables.map((t) => (t.id === 't8' ? { ...t, emptyNote: undefined } : t));
    expect(rulesOf(sampleDoc(), { ...set, tables })).toEqual(['text.empty-note']);
  });

  it('an empty table explained by its own printed note needs nothing more; a note calling a table with data empty is an error', () => {
    const set = sampleSet();
    const tables = set.tables.map((t) => (t.id === 't8' ? { ...t, emptyNote: undefined } : t));
    const doc = sampleDoc();
    doc.tables.t8.note = '备注：本部门未安排政府性基金预算支出，因此表8为空表。';
    expect(rulesOf(doc, { ...set, tables })).toEqual([]);
    doc.tables.t3.note = '注：本表为空表。';
    expect(rulesOf(doc, { ...set, tables })).toEqual(['text.empty-note']);
  });

  it('the reference release’s own faults, typed over the generated text, are found', () => {
    const doc = sampleDoc();
    doc.inputs[overrideKey('s5-3.2080501')] = '1. 社会保障和就业支出(208类)行政事业单位养老支出(05款)行政单位离退休(01项):2024年预算数为0.86万元,比上年预算增加0.86万元,增长100%,主要原因是:退休人员发放绩效奖金。';
    doc.inputs[overrideKey('s5-3.2101506')] = '10. 卫生健康支出(210类)医疗保障管理事务(15款)医疗保障经办事务(06项): 2024年预算数为3万元, 比上年预算减少0万元, 下降0%, 主要原因是: 上级拨款与去年持平。';
    doc.inputs[INPUT.otherNotes] = ['若羌县医疗保障局编制数编制数14人。'];
    const f = findingsOf(doc);
    expect(f.filter((x) => x.rule === 'text.figure-mismatch').map((x) => x.id)).toEqual(['text.figure-mismatch:s5-3.2080501', 'text.figure-mismatch:s5-3.2101506']);
    expect(f.find((x) => x.rule === 'text.figure-mismatch')?.message).toContain('100%');
    expect(f.find((x) => x.rule === 'text.repeated-words')?.message).toContain('编制数编制数');
  });

  it('no last-year figures at all', () => {
    const doc = sampleDoc();
    doc.priorYear = {};
    expect(rulesOf(doc)).toContain('text.prior-missing');
    doc.priorYear = { [PRIOR.operating]: 1 };
    expect(rulesOf(doc)).not.toContain('text.prior-missing');
  });
});
