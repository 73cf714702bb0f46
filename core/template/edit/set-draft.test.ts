import { describe, expect, it } from 'vitest';
import { codedTable, fixedTable, testSet } from '../../testing/builders';
import { twinSpendingWorkbook } from '../../testing/set-workbooks';
import { inferTemplateSet } from '../infer/infer-set';
import { draftFromInference, draftFromSet, draftRules, draftToFile, validateDraft, type SetDraft } from './set-draft';
import { changeRule, parseSynonyms, renameColumn, setColumnFormula, setColumnSynonyms, setProposalAccepted, setRuleEnabled, setSetFields, setTableTitle } from './draft-edits';
import { ruleExample, trialMismatch } from './rule-example';

function bureauSet() {
  return testSet([
    codedTable('t1', ['total = basic + project', 'basic', 'project'], { no: '表1' }),
    fixedTable('t2', ['total = a + b', 'a', 'b'], ['amount'], { no: '表2' }),
  ], { id: 'bureau-test', rules: [{ id: 'x-own', name: '表1合计等于表2合计', severity: 'error', scope: '表间', expr: 't1[total].total = t2[total].amount' }] });
}

function valid(draft: SetDraft) {
  const r = validateDraft(draft);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.set;
}

/** Two tables that print the same columns over the same codes (the case the proposals are for). */
async function twinWorkbookDraft(): Promise<SetDraft> {
  const r = await inferTemplateSet(await twinSpendingWorkbook(), { id: 'bureau-2025' });
  if (!r.ok) throw new Error(r.message);
  return draftFromInference(r);
}

describe('a set draft', () => {
  it('writes a file that loads to the same rules as the set it came from', () => {
    const set = bureauSet();
    const draft = draftFromSet(set);
    expect(draft.set.rules.map((r) => r.id)).toEqual(['x-own']);
    expect(draftRules(draft).map((r) => r.rule.id)).toEqual(set.rules.map((r) => r.id));
    const again = valid(draft);
    expect(again.rules).toEqual(set.rules);
    // The generated rules are not copied into the file: the loader makes them from the tables.
    expect(draftToFile(draft).rules.map((r) => r.id)).toEqual(['x-own']);
  });

  it('renames a column, a table and the set, and keeps synonyms for the import', () => {
    let draft = draftFromSet(bureauSet());
    draft = renameColumn(draft, 't1', 'basic', '基本支出（人员和公用）');
    draft = setTableTitle(draft, 't1', '{主体}支出表');
    draft = setSetFields(draft, { id: 'bureau-renamed', name: '某局模板', amountUnit: '元' });
    draft = setColumnSynonyms(draft, 't1', 'basic', parseSynonyms('基本支出、 人员经费和公用经费，'));
    const set = valid(draft);
    const t1 = set.tables[0]!;
    expect(t1.title).toBe('{主体}支出表');
    expect(t1.columns.find((c) => c.id === 'basic')).toMatchObject({ header: ['基本支出（人员和公用）'], synonyms: ['基本支出', '人员经费和公用经费'] });
    expect(set).toMatchObject({ id: 'bureau-renamed', name: '某局模板', amountUnit: '元' });
    expect(setColumnSynonyms(draft, 't1', 'basic', []).set.tables[0]!.columns.find((c) => c.id === 'basic')!.synonyms).toBeUndefined();
  });

  it('a column marked computed brings its generated rule, and loses it when input again', () => {
    let draft = draftFromSet(bureauSet());
    expect(draftRules(draft).some((r) => r.rule.id === 't1-row')).toBe(true);
    draft = setColumnFormula(draft, 't1', 'total', '');
    expect(draftRules(draft).some((r) => r.rule.id === 't1-row')).toBe(false);
    draft = setColumnFormula(draft, 't1', 'total', ' basic + project ');
    expect(valid(draft).tables[0]!.columns[2]!.formula).toBe('basic + project');
    expect(valid(draft).rules.some((r) => r.id === 't1-row')).toBe(true);
  });

  it('a generated rule turned off is listed in impliedRules.disable and stays off when the set is edited again', () => {
    let draft = setRuleEnabled(draftFromSet(bureauSet()), 't1-row', false);
    draft = setRuleEnabled(draft, 'x-own', false);
    expect(draftToFile(draft)).toMatchObject({ impliedRules: { disable: ['t1-row'] }, rules: [] });
    const set = valid(draft);
    expect(set.rules.some((r) => r.id === 't1-row' || r.id === 'x-own')).toBe(false);
    expect(draftFromSet(set).disabled).toEqual(['t1-row']);
    expect(draftToFile(setRuleEnabled(draft, 't1-row', true)).impliedRules).toBeUndefined();
  });

  it('a generated rule made a 提示 with its own message is written as a replacing rule and read back as a change', () => {
    let draft = changeRule(draftFromSet(bureauSet()), 't1-row', { severity: 'warning', message: '{表} {行}：合计与基本、项目之和不等，请核对' });
    draft = changeRule(draft, 'x-own', { severity: 'warning' });
    const set = valid(draft);
    expect(set.rules.find((r) => r.id === 't1-row')).toMatchObject({ severity: 'warning', message: '{表} {行}：合计与基本、项目之和不等，请核对' });
    expect(set.rules.find((r) => r.id === 'x-own')!.severity).toBe('warning');
    expect(draftFromSet(set).overrides['t1-row']).toEqual({ severity: 'warning', message: '{表} {行}：合计与基本、项目之和不等，请核对' });
    // An empty message goes back to the engine's own wording.
    expect(changeRule(draft, 't1-row', { message: ' ' }).overrides['t1-row']).toEqual({ severity: 'warning' });
  });

  it('reports every error of a broken draft with its place, in Chinese', () => {
    let draft = setColumnFormula(draftFromSet(bureauSet()), 't1', 'total', 'basic + nothing');
    draft = setSetFields(draft, { id: 'Bad Id' });
    const r = validateDraft(draft);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join('\n')).toMatch(/标识/);
    draft = setSetFields(draft, { id: 'good-id' });
    const again = validateDraft(draft);
    expect(again.ok ? [] : again.errors).toEqual([expect.stringContaining('表1（t1）的列“total”的公式“basic + nothing”：引用的列“nothing”不存在')]);
  });
});

describe('cross-table proposals', () => {
  it('are offered, not written, until accepted; each shows the two cells it compares', async () => {
    let draft = await twinWorkbookDraft();
    expect(draft.proposals).toHaveLength(1);
    const proposal = draft.proposals[0]!;
    expect(draft.accepted).toEqual([]);
    expect(draftToFile(draft).rules.some((r) => r.id === proposal.id)).toBe(false);
    expect(ruleExample(proposal, draft.set.tables)).toBe('表1《支出预算表》“合计”行“支出预算/合计”列 = 表1《支出预算明细表》“合计”行“支出预算/合计”列');
    draft = setProposalAccepted(draft, proposal.id, true);
    expect(valid(draft).rules.some((r) => r.id === proposal.id)).toBe(true);
    expect(draftFromSet(valid(draft), draft.proposals).accepted).toEqual([proposal.id]);
    expect(draftToFile(setProposalAccepted(draft, proposal.id, false)).rules.some((r) => r.id === proposal.id)).toBe(false);
  });
});

describe('trying a set on the open document', () => {
  it('names the tables the document lacks or holds with other rows', () => {
    const set = bureauSet();
    expect(trialMismatch(set, set)).toEqual([]);
    const other = testSet([fixedTable('t1', ['a'], ['amount'], { no: '表一' })], { id: 'other-test' });
    expect(trialMismatch(set, other)).toEqual(['表1（t1）：当前文档的表一行的结构不同', '表2（t2）：当前文档没有这张表']);
  });
});
