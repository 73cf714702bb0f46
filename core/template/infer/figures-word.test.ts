import { describe, expect, it } from 'vitest';
import { figuresWord } from '../../checks/set-words';
import { setFiguresWord } from '../edit/draft-edits';
import { draftFromInference, draftToText } from '../edit/set-draft';
import { inferTemplateSet } from './infer-set';
import { spendingTable } from '../../testing/set-workbooks';
import { workbookBytes } from '../../xlsx/testing/workbook-builders';

/** A blank workbook of coded 支出 tables with these titles (only their 合计 lines). */
function blank(titles: readonly string[]): Promise<Uint8Array> {
  return workbookBytes(titles.map((title, i) => spendingTable(`表${i + 1}`, title, [['', '合计', '', '', '']], { unit: '万元', group: '支出' })));
}

describe('a set’s word for its figures', () => {
  it('a workbook of 决算 tables proposes a 决算 set (its checks say 决算数, its release is a 决算公开), and says so', async () => {
    const r = await inferTemplateSet(await blank(['部门支出决算表', '一般公共预算财政拨款支出决算表']));
    if (!r.ok) throw new Error(r.message);
    expect(figuresWord(r.set)).toBe('决算');
    expect(r.set.outline[0]!.title).toBe('{年度}年{主体}决算公开');
    expect(r.notes.some((n) => n.includes('按决算公开生成'))).toBe(true);
  });

  it('a workbook of 预算 tables proposes a 预算 set with no such sentence; the editor switches either way', async () => {
    const r = await inferTemplateSet(await blank(['部门支出预算表', '一般公共预算支出表']));
    if (!r.ok) throw new Error(r.message);
    expect(figuresWord(r.set)).toBe('预算');
    expect(r.set.sentences).toBeUndefined();
    const draft = draftFromInference(r);
    const final = setFiguresWord(draft, '决算');
    expect(figuresWord(final.set)).toBe('决算');
    // The saved file carries the choice.
    expect(JSON.parse(draftToText(final)).sentences).toEqual({ 'word.figures': '决算' });
    const back = setFiguresWord(final, '预算');
    expect(figuresWord(back.set)).toBe('预算');
    expect(back.set.sentences).toBeUndefined();
  });
});
