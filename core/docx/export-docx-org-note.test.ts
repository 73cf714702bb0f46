import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { getBuiltinTemplateSet } from '../template/registry';
import { orgDocument2021, ORG_DOC_NOTES } from '../testing/org-builders';
import { exportDocx } from './export-docx';

const set2021 = () => getBuiltinTemplateSet('xj-unit-2021-9')!;

async function documentXml(blankZero?: boolean): Promise<string> {
  const zip = await JSZip.loadAsync(await exportDocx(orgDocument2021(blankZero), set2021()));
  return zip.file('word/document.xml')!.async('string');
}

const textOf = (xml: string) => xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');

/** Table rows as lists of cell texts, in document order. */
function tableRows(xml: string): string[][] {
  return (xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map((tr) => (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf));
}

describe('Word tables: organisation rows, table notes, the document blank-zero setting', () => {
  it('prints 合计 / 部门 / 单位 / codes in row order with the names in the name column, bold', async () => {
    const xml = await documentXml();
    const rows = tableRows(xml);
    const at = rows.findIndex((r) => r[3] === '合计' && r[4] === '50.64');
    expect(rows.slice(at, at + 4).map((r) => r.slice(0, 5))).toEqual([
      ['', '', '', '合计', '50.64'],
      ['', '', '', '医保局', '50.64'],
      ['', '', '', '【040001】乌尔禾区医保局', '50.64'],
      ['208', '', '', '社会保障和就业支出', '2.70'],
    ]);
    expect(rows.some((r) => r[0] === '' && r[1] === '[040001]乌尔禾区医保局' && r[2] === '15.96')).toBe(true);
    expect(xml).toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">【040001】乌尔禾区医保局</);
  });

  it('prints the note under a table with data and instead of the template\'s 空表 note', async () => {
    const text = textOf(await documentXml());
    expect(text).toContain(ORG_DOC_NOTES.t3);
    expect(text).toContain(ORG_DOC_NOTES.t9);
    // The generated explanation (第三部分) may still say so; the table part prints the table's own note only.
    const tables = text.slice(text.indexOf('第二部分', text.indexOf('第四部分')), text.lastIndexOf('第三部分'));
    expect(tables).toContain(ORG_DOC_NOTES.t9);
    expect(tables).not.toContain('没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。');
    // 表七 has no note of its own: its 空表 note stays.
    expect(text).toContain('没有使用一般公共预算拨款安排的项目支出，一般公共预算项目支出情况表为空表。');
    // The 表三 note follows 表三's table, before 表四.
    const note = text.indexOf(ORG_DOC_NOTES.t3);
    expect(note).toBeGreaterThan(text.indexOf('2101501行政运行'));
    expect(note).toBeLessThan(text.indexOf('表四财政拨款', text.indexOf('表三单位支出总体情况表')));
  });

  it('prints zero amounts as 0.00 or blank as the document says', async () => {
    const zero = async (blankZero?: boolean) => tableRows(await documentXml(blankZero)).find((r) => r[3] === '机关事业单位基本养老保险缴费支出')?.[6];
    expect(await zero(false)).toBe('0.00');
    expect(await zero(true)).toBe('');
    expect(await zero()).toBe('0.00');
  });
});
