import { describe, expect, it } from 'vitest';
import { checkDocumentText } from '../checks/check-text';
import { cloneDocument } from '../document/document';
import { createRuleEngine } from '../rules/engine';
import { DocumentSession } from '../session/session';
import { getBuiltinTemplateSet } from '../template/registry';
import { orgDocument2021, ORG_DOC_NOTES } from '../testing/org-builders';
import { emptyChangeSet, type CommandContext } from './command';
import { History } from './history';
import { CommandError } from './raw';
import { setTableNote, tableNoteChangeKey } from './index';

const template = getBuiltinTemplateSet('xj-unit-2021-9')!;
const ctx: CommandContext = { template };

describe('setTableNote', () => {
  it('sets, replaces and removes a note; each inverse restores the document deep-equal', () => {
    const doc = orgDocument2021();
    for (const [table, note] of [['t5', '注：本表为一般公共预算支出。'], ['t3', '注：改写后的表注。'], ['t9', '']] as const) {
      const before = cloneDocument(doc);
      const r = setTableNote(table, note).apply(doc, ctx);
      expect(doc.tables[table].note).toBe(note === '' ? undefined : note);
      expect('note' in doc.tables[table]).toBe(note !== ''); // canonical: an empty note is not stored
      expect(r.changes).toEqual({ ...emptyChangeSet(), inputs: [tableNoteChangeKey(table)] });
      const back = r.inverse.apply(doc, ctx);
      expect(doc).toEqual(before);
      expect(back.changes.inputs).toEqual([tableNoteChangeKey(table)]);
    }
  });

  it('undo and redo through the history', () => {
    const doc = orgDocument2021();
    const before = cloneDocument(doc);
    const history = new History();
    history.execute(setTableNote('t3', '注：新表注。'), doc, ctx);
    const after = cloneDocument(doc);
    expect(history.undo(doc, ctx)?.label).toBe('编辑表注');
    expect(doc).toEqual(before);
    history.redo(doc, ctx);
    expect(doc).toEqual(after);
  });

  it('reports no change when the note is already the same (or already absent)', () => {
    const doc = orgDocument2021();
    const before = cloneDocument(doc);
    expect(setTableNote('t3', ORG_DOC_NOTES.t3).apply(doc, ctx).changes).toEqual(emptyChangeSet());
    expect(setTableNote('t5', '').apply(doc, ctx).changes).toEqual(emptyChangeSet());
    expect(doc).toEqual(before);
  });

  it('refuses an unknown table in Chinese and changes nothing', () => {
    const doc = orgDocument2021();
    const before = cloneDocument(doc);
    expect(() => setTableNote('t99', '注：x').apply(doc, ctx)).toThrow(CommandError);
    expect(() => setTableNote('t99', '注：x').apply(doc, ctx)).toThrow('找不到表“t99”');
    expect(doc).toEqual(before);
  });

  it('in a session: the document is dirty, findings equal a full check, undo makes it clean again', () => {
    const doc = orgDocument2021();
    const session = new DocumentSession({ template, doc, ruleEngineFactory: (t, d) => createRuleEngine(t, d), textChecks: checkDocumentText });
    const r = session.execute(setTableNote('t7', '注：本单位2021年未安排项目支出。'));
    expect(r.ok).toBe(true);
    expect(session.dirty).toBe(true);
    const fresh = new DocumentSession({ template, doc: cloneDocument(doc), ruleEngineFactory: (t, d) => createRuleEngine(t, d), textChecks: checkDocumentText });
    expect(session.findings()).toEqual(fresh.findings());
    session.undo();
    expect(session.dirty).toBe(false);
    expect(doc.tables.t7.note).toBeUndefined();
  });
});
