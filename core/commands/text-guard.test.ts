import { describe, expect, it } from 'vitest';
import { cloneDocument } from '../document/document';
import { createSampleDocument } from '../sample/sample-inputs';
import { DocumentSession } from '../session/session';
import { getBuiltinTemplateSet } from '../template/registry';
import { MAX_TEXT_LENGTH } from '../document/clean-text';
import { insertRow, setInput, setMeta, setRowName, setTableNote, textEditsCommand } from './index';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
const session = () => new DocumentSession({ template, doc: createSampleDocument() });
const long = 'a'.repeat(MAX_TEXT_LENGTH + 1);

describe('texts set by commands are cleaned', () => {
  it('a VT in a typed project name becomes a line break; NUL, U+FFFE and U+FFFF are dropped', () => {
    const s = session();
    const r = textEditsCommand(s.doc, template, [{ ref: { table: 't7', row: 'p1', col: 'name' }, text: '城乡居民\u000b基本医疗\u0000保险\ufffe\uffff' }], '编辑');
    if (!r.ok || !r.command) throw new Error('refused');
    expect(s.execute(r.command).ok).toBe(true);
    expect(s.doc.tables.t7.rows.find((x) => x.id === 'p1')!.name).toBe('城乡居民\n基本医疗保险');
  });

  it('unit name, inputs, table notes and inserted rows are cleaned; CRLF becomes LF', () => {
    const s = session();
    expect(s.execute(setMeta({ unitName: '若羌县\r\n医疗保障局\u0007' })).ok).toBe(true);
    expect(s.doc.meta.unitName).toBe('若羌县\n医疗保障局');
    expect(s.execute(setInput('overview.duties', ['一\u000c二', '三\ud800'])).ok).toBe(true);
    expect(s.doc.inputs['overview.duties']).toEqual(['一\n二', '三\ufffd']);
    expect(s.execute(setTableNote('t3', '注：\u001f本表')).ok).toBe(true);
    expect(s.doc.tables.t3.note).toBe('注：本表');
    expect(s.execute(insertRow({ table: 't7', code: '2080505', name: '新项目\u000b二期' })).ok).toBe(true);
    expect(s.doc.tables.t7.rows.some((r) => r.name === '新项目\n二期')).toBe(true);
  });
});

describe('a text over 32,767 characters is refused when typed or pasted', () => {
  const refusals: [string, (s: DocumentSession) => ReturnType<DocumentSession['execute']>][] = [
    ['单位名称', (s) => s.execute(setMeta({ unitName: long }))],
    ['主要职能', (s) => s.execute(setInput('overview.duties', ['短', long]))],
    ['表3 表注', (s) => s.execute(setTableNote('t3', long))],
    ['表7 第 1 个项目（2101202）的名称', (s) => s.execute(setRowName('t7', 'p1', long))],
    ['的名称', (s) => s.execute(insertRow({ table: 't7', code: '2080505', name: long }))],
  ];
  for (const [field, run] of refusals) {
    it(`names the field (${field}), changes nothing and adds no undo step`, () => {
      const s = session();
      const before = cloneDocument(s.doc);
      const r = run(s);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.message).toContain(field);
      expect(r.message).toContain('32767');
      expect(s.doc).toEqual(before);
      expect(s.canUndo()).toBe(false);
    });
  }

  it('typing refuses with the cell named; a paste refuses as a whole', () => {
    const s = session();
    const typed = textEditsCommand(s.doc, template, [{ ref: { table: 't7', row: 'p1', col: 'name' }, text: long }], '编辑');
    expect(typed.ok).toBe(false);
    if (!typed.ok) expect(typed.message).toMatch(/表7.*32767/);
    const pasted = textEditsCommand(s.doc, template, [
      { ref: { table: 't7', row: 'p1', col: 'name' }, text: '短' },
      { ref: { table: 't7', row: 'p2', col: 'name' }, text: long },
    ], '粘贴');
    expect(pasted).toMatchObject({ ok: false, ref: { row: 'p2' } });
  });

  it('undo restores an over-long text that came from a file, so undo keeps working', () => {
    const doc = createSampleDocument();
    doc.meta.unitName = long;
    doc.tables.t3.note = long;
    doc.inputs['overview.duties'] = [long];
    const s = new DocumentSession({ template, doc });
    expect(s.execute(setMeta({ unitName: '短名' })).ok).toBe(true);
    expect(s.execute(setTableNote('t3', '短注')).ok).toBe(true);
    expect(s.execute(setInput('overview.duties', ['短'])).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect(s.undo().ok).toBe(true);
    expect(s.doc.meta.unitName).toBe(long);
    expect(s.doc.tables.t3.note).toBe(long);
    expect(s.doc.inputs['overview.duties']).toEqual([long]);
  });

  it('refuses a 100,000-deep input in Chinese instead of overflowing the stack', () => {
    const s = session();
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const r = s.execute(setInput('overview.duties', deep as never));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/主要职能.*嵌套超过 64 层/);
  });
});
