import { describe, expect, it } from 'vitest';
import { codedTable, testSet } from '../../testing/builders';
import { GENERATOR_NEEDS } from '../../text/generator-needs';
import { draftFromSet, validateDraft, type SetDraft } from './set-draft';
import { addFreeTextSection, addLibrarySection, missingTablesNote, moveSection, outlineLines, removeSection, sectionLibrary, setSectionTitle } from './outline-edits';

/** A one-table set with a cover (a set without one needs a cover.title sentence). */
function draft(): SetDraft {
  const d = draftFromSet(testSet([codedTable('t1', ['total'], { no: '表1', role: 'gpbExpenditure' })], { id: 'outline-test' }));
  return { ...d, set: { ...d.set, outline: [{ id: 'cover', title: '{年度}年{主体}预算公开', kind: 'cover' }] } };
}

function section(generator: string) {
  const found = sectionLibrary().find((s) => s.generator === generator);
  if (!found) throw new Error(`no library section for ${generator}`);
  return found;
}

describe('the outline of a set being edited', () => {
  it('offers one library section per generator the program has, each with the sentences it reads', () => {
    const library = sectionLibrary();
    expect(library.map((s) => s.generator)).toEqual(Object.keys(GENERATOR_NEEDS));
    for (const s of library) expect(Object.keys(s.sentences).sort()).toEqual([...GENERATOR_NEEDS[s.generator].sentences].sort());
  });

  it('a generated section added from the library loads: its sentences come with it, the set keeps its own', () => {
    let d = draft();
    d = { ...d, set: { ...d.set, sentences: { 'gpb.none': '本单位没有一般公共预算拨款。' } } };
    d = addLibrarySection(d, section('gpb.items'));
    d = addLibrarySection(d, section('gpb.items'));
    const r = validateDraft(d);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.set.outline.slice(1).map((n) => [n.id, n.generator])).toEqual([['s5-3', 'gpb.items'], ['s5-3-2', 'gpb.items']]);
    expect(r.set.sentences?.['gpb.none']).toBe('本单位没有一般公共预算拨款。');
    expect(r.set.sentences?.['gpb.item']).toBe(section('gpb.items').sentences['gpb.item']);
  });

  it('says when a section needs a table the set does not have', () => {
    expect(missingTablesNote(section('gpb.items'), draft().set.tables)).toBeNull();
    expect(missingTablesNote(section('sangong'), draft().set.tables)).toContain('“三公”经费');
  });

  it('a free-text section is typed per document under its own input key; sections move, retitle and go', () => {
    let d = addFreeTextSection(draft(), '  重点工作  ');
    d = addFreeTextSection(d, '');
    d = addLibrarySection(d, section('summary'));
    expect(d.set.outline.slice(1).map((n) => [n.id, n.kind, n.input, n.title])).toEqual([
      ['text', 'input', 'custom.text', '重点工作'], ['text-2', 'input', 'custom.text-2', '其他说明'], ['s1', 'generated', undefined, section('summary').title],
    ]);
    d = moveSection(d, 's1', -1);
    d = moveSection(d, 'text-2', 1);
    d = setSectionTitle(d, 'text-2', '其他需要说明的事项');
    expect(outlineLines(d.set.outline).map((l) => l.node.id)).toEqual(['cover', 'text', 's1', 'text-2']);
    d = removeSection(d, 'text');
    const r = validateDraft(d);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.set.outline.slice(1).map((n) => n.title)).toEqual([section('summary').title, '其他需要说明的事项']);
  });
});
