import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getBuiltinTemplateSet } from '../template/registry';
import { createDocument } from '../document/create';
import { cloneDocument, type BudgetDocument } from '../document/document';
import { DocumentSession } from './session';
import { setCells } from '../commands/set-cells.command';
import { rawInsertRows } from '../commands/raw';
import type { RuleEngine } from '../rules/engine.types';
import type { ChangeSet } from '../commands/command';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;

function docWithRows(): BudgetDocument {
  const doc = createDocument(template, { unitName: '测试局', year: 2024 });
  const rows = ['208', '20805', '2080505', '2080506', '210', '21011', '2101101'].map((code) => ({ id: code, code, name: `科目${code}`, values: {} }));
  doc.tables.t3.rows.unshift(...rows);
  return doc;
}

describe('DocumentSession', () => {
  it('executes, recomputes subtotals, undoes and redoes', () => {
    const doc = docWithRows();
    const before = cloneDocument(doc);
    const updates: ChangeSet[] = [];
    const engine: RuleEngine = { checkAll: () => [], update: (c) => void updates.push(c), findings: () => [] };
    const session = new DocumentSession({ template, doc, ruleEngineFactory: () => engine });
    const events: string[] = [];
    session.subscribe((e) => events.push(`${e.kind}:${e.version}:${e.dirty}`));
    const r = session.execute(setCells([{ table: 't3', row: '2080505', col: 'basic', value: 3914 }]));
    expect(r.ok).toBe(true);
    const row = (id: string) => doc.tables.t3.rows.find((x) => x.id === id)!.values;
    expect(row('2080505')).toEqual({ basic: 3914, total: 3914 });
    expect(row('20805')).toEqual({ basic: 3914, total: 3914 });
    expect(row('208')).toEqual({ basic: 3914, total: 3914 });
    expect(row('total')).toEqual({ basic: 3914, total: 3914 });
    expect(row('210')).toEqual({});
    if (r.ok) expect(r.changes.cells).toHaveLength(8);
    expect(updates).toHaveLength(1);
    expect(session.dirty).toBe(true);
    expect(session.undoLabel()).toBe('编辑单元格');
    session.undo();
    expect(doc).toEqual(before);
    expect(session.dirty).toBe(false);
    session.redo();
    expect(row('total')).toEqual({ basic: 3914, total: 3914 });
    session.markSaved();
    expect(session.dirty).toBe(false);
    expect(events).toEqual(['execute:1:true', 'undo:2:false', 'redo:3:true', 'saved:3:false']);
  });

  it('reports a refused command without changing anything', () => {
    const doc = docWithRows();
    const before = cloneDocument(doc);
    const session = new DocumentSession({ template, doc });
    const r = session.execute(rawInsertRows('插入', 't3', [{ index: 0, row: { id: '208', values: {} } }]));
    expect(r).toEqual({ ok: false, message: '行“208”已存在' });
    expect(doc).toEqual(before);
    expect(session.canUndo()).toBe(false);
    expect(session.undo()).toEqual({ ok: false, message: '没有可撤销的操作' });
  });

  it('treats formula and subtotal cells as computed', () => {
    const session = new DocumentSession({ template, doc: docWithRows() });
    expect(session.isComputed({ table: 't3', row: '2080505', col: 'total' })).toBe(true);
    expect(session.isComputed({ table: 't3', row: '2080505', col: 'basic' })).toBe(false);
    expect(session.isComputed({ table: 't3', row: '208', col: 'basic' })).toBe(true);
    expect(session.isComputed({ table: 't10', row: 'vehicle', col: 'gpb' })).toBe(true);
    expect(session.isComputed({ table: 't1', row: 'c208', col: 'outAmount' })).toBe(false);
    expect(session.isComputed({ table: 't1', row: 'outTotal', col: 'outAmount' })).toBe(true);
    expect(session.rowPosition('t3', '210')).toBe(4);
  });

  it('fixed-row formulas: 三公 小计 and 合计, 表1 totals', () => {
    const doc = docWithRows();
    const session = new DocumentSession({ template, doc });
    session.execute(setCells([
      { table: 't10', row: 'vehiclePurchase', col: 'gpb', value: 1000 },
      { table: 't10', row: 'vehicleOperation', col: 'gpb', value: 250 },
      { table: 't10', row: 'reception', col: 'fund', value: 100 },
      { table: 't1', row: 'gpbOwn', col: 'inAmount', value: 500 },
      { table: 't1', row: 'c208', col: 'outAmount', value: 500 },
    ]));
    const v = (t: string, id: string) => doc.tables[t].rows.find((x) => x.id === id)!.values;
    expect(v('t10', 'vehicle')).toEqual({ gpb: 1250, total: 1250 });
    expect(v('t10', 'total')).toEqual({ gpb: 1250, fund: 100, total: 1350 });
    expect(v('t1', 'inTotal')).toEqual({ inAmount: 500 });
    expect(v('t1', 'outTotal')).toEqual({ outAmount: 500 });
  });

  it('property: random set-cells then undo all restores the document, redo all restores the after-state', () => {
    const cellArb = fc.record({
      row: fc.constantFrom('208', '20805', '2080505', '2080506', '210', '21011', '2101101', 'total'),
      col: fc.constantFrom('basic', 'project', 'total'),
      value: fc.integer({ min: -100000, max: 100000 }),
    });
    fc.assert(fc.property(fc.array(fc.array(cellArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), (steps) => {
      const doc = docWithRows();
      const original = cloneDocument(doc);
      const session = new DocumentSession({ template, doc });
      for (const s of steps) session.execute(setCells(s.map((c) => ({ table: 't3', ...c }))));
      const after = cloneDocument(doc);
      while (session.canUndo()) session.undo();
      expect(doc).toEqual(original);
      while (session.canRedo()) session.redo();
      expect(doc).toEqual(after);
    }));
  });
});
