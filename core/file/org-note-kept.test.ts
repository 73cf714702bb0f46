import { describe, expect, it } from 'vitest';
import { cloneRow, rawReplaceRows } from '../commands/raw';
import { deleteRows } from '../commands/rows.command';
import { cloneDocument } from '../document/document';
import { generateGpbFromExpenditure } from '../derive/generate';
import { getBuiltinTemplateSet } from '../template/registry';
import { orgDocument2021, ORG_DOC_NOTES } from '../testing/org-builders';
import { parseDocument } from './parse';
import { serializeDocument } from './serialize';

/** Every place that copies rows or tables keeps the organisation facts (org, unit) and the table notes. */
const template = getBuiltinTemplateSet('xj-unit-2021-9')!;
const ctx = { template };

describe('organisation rows and table notes are kept', () => {
  it('by cloneRow', () => {
    const [, dept, unit, lei] = orgDocument2021().tables.t3.rows;
    expect(cloneRow(dept)).toEqual(dept);
    expect(cloneRow(unit)).toEqual({ id: 'org2', name: '【040001】乌尔禾区医保局', values: unit.values, org: 'unit', unit: 'org1' });
    expect(cloneRow(lei).unit).toBe('org2');
  });

  it('by the file: serialize then parse gives the same document (org, unit, note, blankZero)', () => {
    const doc = orgDocument2021(true);
    const parsed = parseDocument(serializeDocument(doc));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.doc).toEqual(doc);
    expect(parsed.doc.tables.t9.note).toBe(ORG_DOC_NOTES.t9);
    expect(parsed.doc.meta.blankZero).toBe(true);
  });

  it('by row commands and their undo', () => {
    const doc = orgDocument2021();
    const before = cloneDocument(doc);
    const del = deleteRows('t3', ['org1', 'org2', '208']).apply(doc, ctx);
    del.inverse.apply(doc, ctx);
    expect(doc).toEqual(before);
    const replace = rawReplaceRows('替换', 't3', doc.tables.t3.rows.slice(0, 3)).apply(doc, ctx);
    replace.inverse.apply(doc, ctx);
    expect(doc).toEqual(before);
  });

  it('by 表5 generated from 表3: the same 部门 / 单位 rows, with their figures', () => {
    const doc = orgDocument2021();
    const r = generateGpbFromExpenditure(doc, template);
    if (!r.ok) throw new Error(r.message);
    r.command.apply(doc, ctx);
    const strip = (rows: typeof doc.tables.t3.rows) => rows.map(({ id, code, name, org, unit, values }) => ({ id, code, name, org, unit, values }));
    expect(strip(doc.tables.t5.rows)).toEqual(strip(doc.tables.t3.rows));
    expect(doc.tables.t5.rows[2]).toMatchObject({ id: 'org2', org: 'unit', unit: 'org1', name: '【040001】乌尔禾区医保局' });
  });
});

describe('the sentence number style', () => {
  it('is kept by the file and absent when not chosen; an unknown style is refused', () => {
    const doc = orgDocument2021();
    expect(parseDocument(serializeDocument(doc)).ok && 'textAmountStyle' in doc.meta).toBe(false);
    doc.meta.textAmountStyle = 'minimal';
    const parsed = parseDocument(serializeDocument(doc));
    expect(parsed.ok && parsed.doc.meta.textAmountStyle).toBe('minimal');
    const bad = serializeDocument(doc).replace('"minimal"', '"short"');
    const refused = parseDocument(bad);
    expect(!refused.ok && refused.message).toContain('说明中金额的写法');
  });
});
