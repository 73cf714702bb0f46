import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { exportDocx, chineseDate } from './export-docx';
import { sampleDoc, sampleSet } from '../text/sample-doc.testutil';
import { bodyLines, PageFlow } from './layout';

let xml = '';
let styles = '';
let footers: string[] = [];

beforeAll(async () => {
  const bytes = await exportDocx(sampleDoc(), sampleSet());
  const zip = await JSZip.loadAsync(bytes);
  xml = await zip.file('word/document.xml')!.async('string');
  styles = await zip.file('word/styles.xml')!.async('string');
  footers = await Promise.all(Object.keys(zip.files).filter((n) => /word\/footer\d*\.xml/.test(n)).map((n) => zip.file(n)!.async('string')));
});

const plain = () => xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');

describe('exportDocx on the sample', () => {
  it('uses A4 with the GB/T 9704 margins (37/35/28/26 mm) in every section', () => {
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) {
      expect(s).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    }
  });

  it('prints wide tables on landscape sections, a long narrow one (表4) portrait, the rest portrait', () => {
    const sizes = (xml.match(/<w:pgSz [^>]*>/g) ?? []);
    const landscape = sizes.filter((s) => s.includes('landscape'));
    // 表2 is wide; 表4's seven columns fit the portrait width at 五号 and its 类 list one portrait page.
    expect(landscape.length).toBe(sampleSet().tables.filter((t) => t.landscape).length - 1);
    for (const s of landscape) expect(s).toMatch(/w:w="16838" w:h="11906"/);
    expect(sizes.filter((s) => s.includes('w:w="11906" w:h="16838"')).length).toBeGreaterThan(3);
  });

  it('declares the GB/T grid of 22 lines on portrait pages and condenses body characters to 28 a line', () => {
    expect(xml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    const body = /<w:style w:type="paragraph" w:styleId="Body">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(body).toContain('<w:spacing w:val="-5"/>');
    expect(styles).toContain('<w:pPrDefault><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:pPrDefault>');
  });

  it('sets fonts as East Asian fonts with a Latin font beside them', () => {
    for (const name of ['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312', '宋体']) {
      expect(xml + styles).toMatch(new RegExp(`<w:rFonts w:ascii="[^"]+" w:cs="[^"]+" w:eastAsia="${name}" w:hAnsi="[^"]+"/>`));
    }
    expect(xml).not.toMatch(/<w:rFonts w:ascii="仿宋/);
  });

  it('body text is 三号 with exact 28 pt lines and a two-character indent', () => {
    const body = /<w:style w:type="paragraph" w:styleId="Body">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(body).toContain('<w:spacing w:after="0" w:before="0" w:line="560" w:lineRule="exact"/>');
    expect(body).toContain('<w:ind w:firstLine="640"/>');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:pStyle w:val="Body"/>');
    expect(xml + styles).not.toContain('w:lineRule="exactly"');
  });

  it('has one Word table per standard table plus the 绩效 tables (fixed fields and indicators apart), headers repeated', () => {
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBe(11 + 2 * 2);
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBeGreaterThanOrEqual(11 * 2 + 2);
    expect(xml).toContain('w:vMerge w:val="restart"');
    expect(xml).toContain('<w:gridSpan w:val="6"/>');
  });

  it('lets a tall 绩效 row split across pages but keeps short rows whole', () => {
    const grids = xml.split('<w:tbl>').slice(-4).join('');
    const rows = grids.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows.some((r) => !r.includes('<w:cantSplit/>') && r.includes('年度绩效目标'))).toBe(true);
    expect(rows.filter((r) => r.includes('<w:cantSplit/>')).length).toBeGreaterThan(rows.length / 2);
  });

  it('contains the key sentences, the 空表 notes and the closing line', () => {
    const text = plain();
    for (const s of [
      '2024年部门预算公开',
      '按照全口径预算的原则，若羌县医疗保障局2024年所有收入和支出均纳入部门预算管理。收支总预算824.5万元。',
      '机关事业单位基本养老保险缴费支出(05项)：2024年预算数为39.14万元，比上年预算增加6.34万元，增长19.33%',
      '若羌县医疗保障局2024年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。',
      '编制部门：若羌县医疗保障局\t单位：万元',
      '2024年2月18日',
    ]) expect(text).toContain(s);
  });

  it('writes the 目录 as a TOC field over the heading styles, its entries carrying the computed page numbers', () => {
    const text = plain();
    expect(text).toMatch(/第一部分 2024年部门概况\t1/);
    expect(text).toMatch(/第三部分 2024年部门预算情况说明\t\d+/);
    expect(xml).toContain('TOC \\o &quot;1-2&quot; \\f \\l &quot;1-2&quot; \\h \\z \\u');
    expect((xml.match(/w:fldCharType="begin"/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect(xml).toContain('<w:pStyle w:val="TOC1"/>');
    expect(xml).toContain('w:leader="dot"');
    // Parts and 一级 headings are outline levels 1 and 2; each table's title carries its entry as a TC field.
    expect(styles).toMatch(/w:styleId="Heading1">[\s\S]*?<w:outlineLvl w:val="0"\/>/);
    expect(styles).toMatch(/w:styleId="Heading2">[\s\S]*?<w:outlineLvl w:val="1"\/>/);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('TC &quot;一、部门收支总体情况表&quot; \\l 2');
  });

  it('numbers pages "— n —" in 宋体 四号 at the outer side of odd and even pages', () => {
    expect(footers.length).toBeGreaterThanOrEqual(2);
    const joined = footers.join('');
    expect(joined).toContain('— ');
    expect(joined).toContain('PAGE');
    expect(joined).toContain('<w:sz w:val="28"/>');
    expect(joined).toContain('w:val="right"');
    expect(joined).toContain('w:val="left"');
    // Digits and dashes in 宋体 too, one 四号 character (280 twips) in from the outer side.
    expect(joined).toContain('w:ascii="宋体"');
    expect(joined).toContain('<w:ind w:right="280"/>');
    expect(joined).toContain('<w:ind w:left="280"/>');
    expect(xml).toContain('<w:pgNumType w:start="1"/>');
  });
});

describe('table bodies', () => {
  it('every printed line of a table becomes a row, text escaped, bodies in table order', async () => {
    const doc = sampleDoc();
    doc.tables.t7.rows[0].name = '城乡居民<基本>医疗&保险';
    const zip = await JSZip.loadAsync(await exportDocx(doc, sampleSet()));
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('城乡居民&lt;基本&gt;医疗&amp;保险');
    expect(body).not.toContain('@@BODY-ROWS');
    const tables = body.split('<w:tbl>').slice(1);
    // 表3: 3 header rows + 21 code rows + 合计
    expect((tables[2].match(/<w:tr>/g) ?? []).length).toBe(3 + 22);
  });
});

describe('layout helpers', () => {
  it('dates are written in Chinese', () => {
    expect(chineseDate('2024-02-18')).toBe('2024年2月18日');
  });
  it('count body lines with the first-line indent', () => {
    // 28 characters a line (the GB/T grid), the first two of the first line taken by the indent.
    expect(bodyLines('一'.repeat(26))).toBe(1);
    expect(bodyLines('一'.repeat(27))).toBe(2);
    expect(bodyLines('一'.repeat(26 + 28))).toBe(2);
    expect(bodyLines('一'.repeat(26 + 29))).toBe(3);
  });
  it('start a new page when a block does not fit', () => {
    const f = new PageFlow();
    for (let i = 0; i < 22; i++) f.place(560);
    expect(f.page).toBe(1);
    f.place(560);
    expect(f.page).toBe(2);
  });
});
