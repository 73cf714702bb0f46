import { describe, expect, it } from 'vitest';
import { checkDocument } from '../checks/check-document';
import { exportDocx } from '../docx/export-docx';
import { renderOutline } from '../text/generate';
import { traceFaults } from '../text/trace-verify';
import { allParagraphs } from '../text/generate';
import { exportXlsx } from '../xlsx/export-xlsx';
import { importXlsx } from '../xlsx/import-xlsx';
import { createShanghaiSampleDocument, shanghaiSampleSet } from './shanghai-sample';

describe('the Shanghai-style sample (示例区档案局 2025, 元)', () => {
  const set = shanghaiSampleSet();

  it('gives no finding at all, table rules and text checks alike', () => {
    const doc = createShanghaiSampleDocument();
    expect(checkDocument(doc, set).map((f) => `${f.severity} ${f.rule} ${f.message}`)).toEqual([]);
  });

  it('balances in 元: income = spending = 6,227,440.00, 基本支出 = 表8, 机关运行经费 = 表8 公用经费', () => {
    const doc = createShanghaiSampleDocument();
    const total = (t: string) => doc.tables[t].rows.find((r) => r.id === 'total')!.values;
    const t1 = new Map(doc.tables.t1.rows.map((r) => [r.id, r.values]));
    expect(t1.get('inTotal')?.inAmount).toBe(622_744_000);
    expect(t1.get('outTotal')?.outAmount).toBe(622_744_000);
    expect(total('t5').basic).toBe(total('t8').total);
    expect(total('t9').operating).toBe(total('t8').public);
  });

  it('states every figure of its text true to its cells, in 元', () => {
    const doc = createShanghaiSampleDocument();
    const nodes = renderOutline(doc, set);
    expect(traceFaults(doc, set, nodes)).toEqual([]);
    const text = new Map(allParagraphs(nodes).map((p) => [p.block.id, p.block.text]));
    expect(text.get('s1.total')).toContain('收支总预算6227440.00元');
    expect(text.get('s5-3.2012604')).toContain('比上年预算增加200000.00元');
  });

  it('exports to Word, and to Excel that imports back with the figures it stores (三公 printed in 万元)', async () => {
    const doc = createShanghaiSampleDocument();
    const back = await importXlsx(await exportXlsx(doc, set));
    if (!back.ok) throw new Error(back.message);
    for (const t of set.tables) expect(back.document.tables[t.id].rows.map((r) => [r.id, r.values]), t.no).toEqual(doc.tables[t.id].rows.map((r) => [r.id, r.values]));
    expect((await exportDocx(doc, set))[0]).toBe(0x50);
  });
});
