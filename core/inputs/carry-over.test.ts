import { describe, expect, it } from 'vitest';
import { carryOverCommand, carryOverFromLastYear } from './carry-over';
import { DocumentSession } from '../session/session';
import { canonicalInput, getProjectInput, getStaff, validateInputs } from './accessors';
import { INPUT, PRIOR, reasonKey } from './keys';
import { sampleDoc, sampleSet } from '../text/sample-doc.testutil';
import { allParagraphs, renderOutline } from '../text/generate';

describe('从上年文件导入', () => {
  const last = sampleDoc();
  const carry = carryOverFromLastYear(last, sampleSet());

  it('takes this year’s figures as next year’s priorYear', () => {
    expect(carry.priorYear[PRIOR.item('2080505')]).toBe(3914);
    expect(carry.priorYear[PRIOR.income('gpb')]).toBe(79950);
    expect(carry.priorYear[PRIOR.expenditure('basic')]).toBe(40580);
    expect(carry.priorYear[PRIOR.gpb('project')]).toBe(41870);
    expect(carry.priorYear[PRIOR.sangong('vehicleOperation')]).toBe(84);
    expect(carry.priorYear[PRIOR.operating]).toBe(1432);
    expect(Object.values(carry.priorYear)).not.toContain(0);
  });

  it('carries 概况, projects with their names and 主要用于, not reasons', () => {
    expect(carry.inputs[INPUT.duties]).toEqual(last.inputs[INPUT.duties]);
    expect(carry.inputs['usage.class.210']).toBe(last.inputs['usage.class.210']);
    expect(carry.inputs[reasonKey.item('2080505')]).toBeUndefined();
    expect(carry.inputs[INPUT.procurement]).toBeUndefined();
    const next = sampleDoc();
    next.meta.year = 2025;
    next.inputs = carry.inputs;
    next.priorYear = carry.priorYear;
    expect(getStaff(next)).toEqual({ authorized: 14, actual: 20, active: 19, retired: 1, veteran: 0 });
    expect(validateInputs(next)).toEqual([]);
    // 表7 of the new year lists the projects in another order: descriptions follow by name.
    const rows = next.tables.t7.rows;
    const [p1, p2] = [rows[0], rows[1]];
    [p1.name, p2.name] = [p2.name, p1.name];
    expect(getProjectInput(next, p1.id, p1.name).basis).toContain('新人社发');
    const texts = allParagraphs(renderOutline(next, sampleSet())).map((p) => p.block.text);
    expect(texts.find((t) => t.includes('(05项)') && t.includes('39.14'))).toContain('与上年持平');
  });

  it('applies as one undoable command that keeps what the officer already wrote', () => {
    const doc = sampleDoc();
    doc.meta.year = 2025;
    doc.inputs = { [INPUT.duties]: ['本年新写的职能'] };
    doc.priorYear = { 'item.9999999': 5 };
    const before = JSON.parse(JSON.stringify(doc));
    const session = new DocumentSession({ template: sampleSet(), doc });
    const r = session.execute(carryOverCommand(doc, carry));
    expect(r.ok).toBe(true);
    expect(doc.inputs[INPUT.duties]).toEqual(['本年新写的职能']);
    expect(doc.inputs['usage.class.210']).toBe(last.inputs['usage.class.210']);
    expect(doc.priorYear).toEqual(carry.priorYear);
    session.undo();
    expect(doc).toEqual(before);
  });

  it('canonical form drops empty values', () => {
    expect(canonicalInput({ a: '', b: [], c: { d: undefined }, e: 0, f: false, g: ' x ' })).toEqual({ e: 0, g: ' x ' });
    expect(canonicalInput('')).toBeUndefined();
  });
});
