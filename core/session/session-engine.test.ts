import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSampleDocument } from '../sample/sample-inputs';
import { getBuiltinTemplateSet } from '../template/registry';
import { createRuleEngine } from '../rules/engine';
import { cloneDocument } from '../document/document';
import { DocumentSession } from './session';
import { setCells } from '../commands/set-cells.command';
import { deleteRows, insertRow, setRowCode } from '../commands/rows.command';
import type { Command } from '../commands/command';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;

/**
 * The session feeds each command's ChangeSet to the rule engine; if a ChangeSet missed a recomputed cell the
 * incremental findings would drift from a full check. This checks the two agree after random edits, undos and redos.
 */
describe('session + rule engine', () => {
  const leaves = ['2080505', '2080506', '2101101', '2101102', '2101501', '2101550', '2210201'];
  const cmdArb: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ t: fc.constantFrom('t2', 't3', 't5'), row: fc.constantFrom(...leaves), col: fc.constantFrom('basic', 'project', 'gpb'), value: fc.integer({ min: 0, max: 99999 }) })
      .map(({ t, row, col, value }) => setCells([{ table: t, row, col: t === 't2' ? 'gpb' : col === 'gpb' ? 'basic' : col, value }])),
    fc.record({ row: fc.constantFrom('abroad', 'reception', 'vehiclePurchase'), value: fc.integer({ min: 0, max: 999 }) })
      .map(({ row, value }) => setCells([{ table: 't10', row, col: 'gpb', value }])),
    fc.constantFrom('2080599', '2101199', '21099', '229').map((code) => insertRow({ table: 't3', code, name: `新增${code}` })),
    fc.constantFrom(...leaves).map((id) => deleteRows('t3', [id])),
    fc.tuple(fc.constantFrom(...leaves), fc.constantFrom('2080507', '2101103', '2210203')).map(([id, code]) => setRowCode('t5', id, code)),
  );
  it('incremental findings equal a full check; undo all restores the findings of the original', () => {
    fc.assert(fc.property(fc.array(fc.tuple(cmdArb, fc.nat(4)), { minLength: 1, maxLength: 12 }), (steps) => {
      const doc = createSampleDocument();
      const original = cloneDocument(doc);
      const session = new DocumentSession({ template, doc, ruleEngineFactory: createRuleEngine });
      const startFindings = JSON.stringify(session.findings());
      for (const [cmd, undoChance] of steps) {
        session.execute(cmd);
        if (undoChance === 0) session.undo();
        if (undoChance === 1) session.redo();
        const full = createRuleEngine(template, cloneDocument(doc)).checkAll();
        expect(session.findings().map((f) => `${f.id} ${f.message}`)).toEqual(full.map((f) => `${f.id} ${f.message}`));
      }
      while (session.canUndo()) session.undo();
      expect(doc).toEqual(original);
      expect(JSON.stringify(session.findings())).toBe(startFindings);
    }), { numRuns: 25 });
  });
});

describe('session + text checks', () => {
  it('merges the text findings after the table findings and re-runs them when an input changes', async () => {
    const { checkDocumentText } = await import('../checks/check-text');
    const { setInput } = await import('../commands/document-fields.command');
    const doc = createSampleDocument();
    const session = new DocumentSession({ template, doc, ruleEngineFactory: createRuleEngine, textChecks: checkDocumentText });
    // The sample keeps the release's own prior-year fault (items 743.45 against a total of 753.45): two 提示.
    const textIds = () => session.findings().filter((f) => f.scope === '文字').map((f) => f.id);
    const before = textIds();
    expect(before.length).toBe(2);
    session.execute(setInput('overview.duties', []));
    const added = session.findings().filter((f) => f.scope === '文字' && !before.includes(f.id));
    expect(added.length).toBeGreaterThan(0);
    expect(added[0].input).toBeDefined();
    session.undo();
    expect(textIds()).toEqual(before);
  });
});
