import { describe, expect, it } from 'vitest';
import type { Command } from '../commands/command';
import { setInput, setMeta } from '../commands/document-fields.command';
import { deleteRows, insertRow } from '../commands/rows.command';
import { setTableNote } from '../commands/table-note.command';
import { textEditsCommand } from '../commands/text-edits.command';
import { checkDocumentText } from '../checks/check-text';
import { CodeBook } from '../codes/code-book';
import { createRuleEngine } from '../rules/engine';
import { createSampleDocument } from '../sample/sample-inputs';
import { DocumentSession } from '../session/session';
import { getBuiltinTemplateSet } from '../template/registry';
import type { HandlerContext } from './dispatcher';
import { replicaDocument, sessionHandlers } from './session-handlers';
import { buildPatch, FindingsMirror, mergeFindings, type FindingsDelta } from './session-sync';

const ctx: HandlerContext = { progress: () => undefined, cancelled: () => false };

describe('buildPatch', () => {
  it('copies the same rows with the set at hand (found through the structure model) as by indexing the table, duplicated ids included', async () => {
    const { setCell } = await import('../commands');
    const doc = createSampleDocument();
    const template = getBuiltinTemplateSet(doc.meta.templateId)!;
    const rows = doc.tables.t3!.rows;
    const leaf = rows.find((r) => r.code?.length === 7)!;
    const { changes } = setCell({ table: 't3', row: leaf.id, col: 'basic' }, 4321).apply(doc, { template });
    expect(changes.cells.length).toBeGreaterThan(1);
    expect(buildPatch(doc, changes, template)).toEqual(buildPatch(doc, changes));
    // A damaged file repeats a row id: the index's answer (the last of them) stands.
    rows.push({ ...leaf, values: { ...leaf.values, basic: 1 } });
    expect(buildPatch(doc, changes, template)).toEqual(buildPatch(doc, changes));
  });
});

/** The page's session has no engine; the replica answers with deltas; the mirror must equal a full check. */
describe('checking replica', () => {
  it.each(['rules', 'text'] as const)('(%s) stays equal to the page document and its findings equal a full check after every kind of change', async (part) => {
    const doc = createSampleDocument();
    const template = getBuiltinTemplateSet(doc.meta.templateId)!;
    const page = new DocumentSession({ template, doc });
    const mirror = new FindingsMirror();
    const open = await sessionHandlers.sessionOpen!({ json: JSON.stringify(doc), templateId: template.id, learned: [], part }, ctx);
    mirror.apply(open as FindingsDelta);
    const fullCheck = () => {
      const copy = JSON.parse(JSON.stringify(doc));
      const rules = new DocumentSession({ template, doc: copy, ruleEngineFactory: (t, d) => createRuleEngine(t, d, { codeBook: CodeBook.builtin() }) });
      const text = new DocumentSession({ template, doc: copy, textChecks: checkDocumentText });
      const both = new DocumentSession({
        template, doc: copy, textChecks: checkDocumentText,
        ruleEngineFactory: (t, d) => createRuleEngine(t, d, { codeBook: CodeBook.builtin() }),
      });
      // The page merges the two replicas' lists: the same order as one session with both.
      expect(mergeFindings(rules.findings(), text.findings()).map((f) => f.id)).toEqual(both.findings().map((f) => f.id));
      return (part === 'rules' ? rules : text).findings().map((f) => `${f.id} ${f.message}`);
    };
    expect(mirror.findings.map((f) => `${f.id} ${f.message}`)).toEqual(fullCheck());

    const edit = (table: string, row: string, col: string, text: string): Command => {
      const r = textEditsCommand(doc, template, [{ ref: { table, row, col }, text }], '编辑');
      if (!r.ok) throw new Error(r.message);
      if (!r.command) throw new Error('编辑没有改变任何单元格');
      return r.command;
    };
    const steps: (() => unknown)[] = [
      () => page.execute(edit('t3', '2101101', 'basic', '17.55')),
      () => page.execute(insertRow({ table: 't3', code: '2080599', name: '其他行政事业单位养老支出' })),
      () => page.execute(setTableNote('t11', '本单位无上年结转。')),
      () => page.execute(setInput('overview.duties', '新的职能说明')),
      () => page.execute(setMeta({ unitName: '测试局' })),
      () => page.undo(),
      () => page.undo(),
      () => page.redo(),
      () => page.execute(deleteRows('t3', ['2080599'])),
    ];
    for (const step of steps) {
      let changes;
      const off = page.subscribe((e) => (changes = e.changes));
      step();
      off();
      expect(changes).toBeDefined();
      const delta = await sessionHandlers.sessionPatch!({ patch: buildPatch(doc, changes!, template) }, ctx);
      mirror.apply(delta as FindingsDelta);
      if ((delta as FindingsDelta).textStale) mirror.apply((await sessionHandlers.sessionRefreshText!({}, ctx)) as FindingsDelta);
      expect(JSON.stringify(replicaDocument())).toBe(JSON.stringify(doc));
      expect(mirror.findings.map((f) => `${f.id} ${f.message}`)).toEqual(fullCheck());
    }
  });
});
