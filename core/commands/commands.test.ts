import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getBuiltinTemplateSet } from '../template/registry';
import { createDocument } from '../document/create';
import { cloneDocument, type BudgetDocument } from '../document/document';
import { History } from './history';
import { setCells } from './set-cells.command';
import { insertRow, deleteRows, moveRow, rowsUnder, setRowCode, setRowName } from './rows.command';
import { unitDocument2021 } from '../testing/unit-2021';
import { setInput, setMeta, setPriorYear } from './document-fields.command';
import { composite } from './composite.command';
import { pasteBlock } from './paste-block.command';
import { textEditsCommand } from './text-edits.command';
import { applyFix } from './apply-fix.command';
import { recomputeAll } from '../derive/recompute.command';
import type { Command, CommandContext } from './command';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
const ctx: CommandContext = { template };

function doc3(): BudgetDocument {
  const doc = createDocument(template, { unitName: '测试局', year: 2024 });
  for (const code of ['208', '20805', '2080505', '2080506', '210', '21011', '2101101']) {
    insertRow({ table: 't3', code, name: `科目${code}` }).apply(doc, ctx);
  }
  return doc;
}

const ids = (doc: BudgetDocument, t: string) => doc.tables[t].rows.map((r) => r.id);
const vals = (doc: BudgetDocument, t: string, id: string) => doc.tables[t].rows.find((r) => r.id === id)?.values;

describe('insert-row', () => {
  it('places coded rows in code order among siblings, 合计 last', () => {
    const doc = doc3();
    insertRow({ table: 't3', code: '2080501', name: '行政单位离退休' }).apply(doc, ctx);
    insertRow({ table: 't3', code: '201', name: '一般公共服务支出' }).apply(doc, ctx);
    insertRow({ table: 't3', code: '221', name: '住房保障支出' }).apply(doc, ctx);
    expect(ids(doc, 't3')).toEqual(['201', '208', '20805', '2080501', '2080505', '2080506', '210', '21011', '2101101', '221', 'total']);
  });
  it('refuses duplicates and bad codes with Chinese messages, changing nothing', () => {
    const doc = doc3();
    const before = cloneDocument(doc);
    expect(() => insertRow({ table: 't3', code: '208', name: 'x' }).apply(doc, ctx)).toThrow('表3已有科目“208”');
    expect(() => insertRow({ table: 't3', code: '2080', name: 'x' }).apply(doc, ctx)).toThrow('位数不对');
    expect(() => insertRow({ table: 't10', code: '208', name: 'x' }).apply(doc, ctx)).toThrow('固定行');
    expect(doc).toEqual(before);
  });
  it('a new parent takes over its children; a leaf parent becomes a computed sum; undo restores', () => {
    const doc = createDocument(template);
    insertRow({ table: 't3', code: '208', name: '社保' }).apply(doc, ctx);
    setCells([{ table: 't3', row: '208', col: 'basic', value: 500 }]).apply(doc, ctx);
    insertRow({ table: 't3', code: '2080505', name: '养老', values: { basic: 100 } }).apply(doc, ctx);
    expect(vals(doc, 't3', '208')).toEqual({ basic: 100, total: 100 });
    const before = cloneDocument(doc);
    const r = insertRow({ table: 't3', code: '20805', name: '行政事业单位养老支出' }).apply(doc, ctx);
    expect(ids(doc, 't3')).toEqual(['208', '20805', '2080505', 'total']);
    expect(vals(doc, 't3', '20805')).toEqual({ basic: 100, total: 100 });
    expect(r.changes.tables).toEqual(['t3']);
    r.inverse.apply(doc, ctx);
    expect(doc).toEqual(before);
  });
  it('project rows get p<n> ids, sorted by code; 合计 sums projects', () => {
    const doc = createDocument(template);
    insertRow({ table: 't7', code: '2101101', name: '项目甲', values: { total: 38370 } }).apply(doc, ctx);
    insertRow({ table: 't7', code: '2080505', name: '项目乙', values: { total: 1000 } }).apply(doc, ctx);
    insertRow({ table: 't7', code: '2101101', name: '项目丙', values: { total: 2200 } }).apply(doc, ctx);
    expect(ids(doc, 't7')).toEqual(['p2', 'p1', 'p3', 'total']);
    expect(vals(doc, 't7', 'total')).toEqual({ total: 41570 });
  });
});

describe('delete, move, re-code', () => {
  it('deleting a row updates its parents and undo puts it back', () => {
    const doc = doc3();
    setCells([{ table: 't3', row: '2080505', col: 'basic', value: 300 }, { table: 't3', row: '2080506', col: 'project', value: 200 }]).apply(doc, ctx);
    const before = cloneDocument(doc);
    const r = deleteRows('t3', ['2080506']).apply(doc, ctx);
    expect(vals(doc, 't3', 'total')).toEqual({ basic: 300, total: 300 });
    expect(r.changes.cells).toContainEqual({ table: 't3', row: '208', col: 'project' });
    r.inverse.apply(doc, ctx);
    expect(doc).toEqual(before);
    expect(() => deleteRows('t3', ['total']).apply(doc, ctx)).toThrow('合计行不能删除');
  });
  it('deleting a 款 re-attaches its 项 to the 类', () => {
    const doc = doc3();
    setCells([{ table: 't3', row: '2080505', col: 'basic', value: 300 }]).apply(doc, ctx);
    deleteRows('t3', ['20805']).apply(doc, ctx);
    expect(vals(doc, 't3', '208')).toEqual({ basic: 300, total: 300 });
  });
  it('lists the rows under a heading, down the code tree, in a coded and in a project table of another set', () => {
    for (const id of ['xj-unit-2021-9', 'xj-unit-2021-9-econ'] as const) {
      const doc = unitDocument2021(id);
      const set = getBuiltinTemplateSet(id)!;
      const under = (table: string, ids: string[]) => rowsUnder(doc, set, table, ids).map((r) => r.id);
      expect(under('t3', ['208'])).toEqual(['20805', '2080505', '20899', '2089999']);
      // A selected row is not listed again, but what is under it is.
      expect(under('t3', ['208', '20805'])).toEqual(['2080505', '20899', '2089999']);
      expect(under('t3', ['2080505'])).toEqual([]);
    }
    // 表七 by economic 类 keeps its 类/款/项 group rows above the projects: both go with the heading.
    const econ = unitDocument2021('xj-unit-2021-9-econ');
    expect(rowsUnder(econ, getBuiltinTemplateSet('xj-unit-2021-9-econ')!, 't7', ['208']).map((r) => r.id)).toEqual(['20899', '2089999', 'p1']);
  });

  it('moves a row and re-codes a row with its subtotals', () => {
    const doc = doc3();
    setCells([{ table: 't3', row: '2080506', col: 'basic', value: 300 }]).apply(doc, ctx);
    const before = cloneDocument(doc);
    const m = moveRow('t3', '2080506', 2).apply(doc, ctx);
    expect(ids(doc, 't3').slice(0, 4)).toEqual(['208', '20805', '2080506', '2080505']);
    m.inverse.apply(doc, ctx);
    expect(doc).toEqual(before);
    const c = setRowCode('t3', '2080506', '2101102').apply(doc, ctx);
    expect(vals(doc, 't3', '208')).toEqual({});
    expect(vals(doc, 't3', '21011')).toEqual({ basic: 300, total: 300 });
    expect(vals(doc, 't3', '2101102')).toEqual({ basic: 300, total: 300 });
    c.inverse.apply(doc, ctx);
    expect(doc).toEqual(before);
    setRowName('t3', '208', '社会保障和就业支出').apply(doc, ctx);
    expect(doc.tables.t3.rows[0].name).toBe('社会保障和就业支出');
  });
});

describe('paste-block', () => {
  const rows = ['208', '20805', '2080505', '2080506', '210', '21011', '2101101', 'total'];
  const cols = ['lei', 'kuan', 'xiang', 'name', 'total', 'basic', 'project'];
  it('parses a rectangle, skips computed cells, one command', () => {
    const doc = doc3();
    const r = pasteBlock(doc, template, { table: 't3', anchor: { row: '2080505', col: 'total' }, visibleRows: rows, visibleCols: cols, block: [['99', '1,234.50', '10'], ['', '5', '']] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.command.label).toBe('粘贴 2×3');
    r.command.apply(doc, ctx);
    expect(vals(doc, 't3', '2080505')).toEqual({ basic: 123450, project: 1000, total: 124450 });
    expect(vals(doc, 't3', 'total')).toEqual({ basic: 123950, project: 1000, total: 124950 });
  });
  it('refuses the whole paste naming the first bad cell', () => {
    const doc = doc3();
    const r = pasteBlock(doc, template, { table: 't3', anchor: { row: '2080505', col: 'basic' }, visibleRows: rows, visibleCols: cols, block: [['1', '2'], ['3', 'abc']] });
    expect(r).toEqual({ ok: false, message: '粘贴未执行：第 2 行第 2 列（表3 2080506 项目支出）“abc”不是有效金额，请输入数字，如 1234.56' });
  });
});

describe('text-edits', () => {
  it('one undo step for amounts and a name; computed cells are left out', () => {
    const doc = doc3();
    const before = JSON.stringify(doc);
    const r = textEditsCommand(doc, template, [
      { ref: { table: 't3', row: '2080505', col: 'basic' }, text: '1,000.5' },
      { ref: { table: 't3', row: '2080505', col: 'total' }, text: '9' },
      { ref: { table: 't3', row: '2080505', col: 'name' }, text: ' 新名称 ' },
    ], '编辑');
    expect(r.ok && r.cells).toBe(2);
    if (!r.ok || !r.command) throw new Error('expected a command');
    const { inverse } = r.command.apply(doc, ctx);
    expect(vals(doc, 't3', '2080505')?.basic).toBe(100050);
    expect(doc.tables.t3.rows.find((x) => x.id === '2080505')!.name).toBe('新名称');
    inverse.apply(doc, ctx);
    expect(JSON.stringify(doc)).toBe(before);
  });
  it('refuses all of it at the first bad amount, naming that cell', () => {
    const r = textEditsCommand(doc3(), template, [
      { ref: { table: 't3', row: '2080505', col: 'basic' }, text: '1' },
      { ref: { table: 't3', row: '2080506', col: 'project' }, text: '十元' },
    ], '粘贴');
    expect(r).toMatchObject({ ok: false, ref: { row: '2080506', col: 'project' } });
    expect(!r.ok && r.message).toContain('（表3 2080506 项目支出）');
  });
});

describe('apply-fix', () => {
  it('sets an input cell, refuses a computed one', () => {
    const doc = doc3();
    const fix = applyFix({ ruleName: '表1支出等于表3', fix: { cell: { table: 't1', row: 'c208', col: 'outAmount' }, value: 100 } });
    fix.apply(doc, ctx);
    expect(vals(doc, 't1', 'outTotal')).toEqual({ outAmount: 100 });
    expect(() => applyFix({ ruleName: 'x', fix: { cell: { table: 't3', row: '208', col: 'basic' }, value: 1 } }).apply(doc, ctx)).toThrow('不能直接修改');
  });
});

describe('property: random command sequences', () => {
  const rowIds = ['208', '20805', '2080505', '2080506', '210', '21011', '2101101', '2080501', '209', '20901'];
  const codes = ['208', '20805', '2080505', '2080506', '2080507', '210', '21011', '2101101', '2101102', '20901', '209', '2090101'];
  const cmdArb: fc.Arbitrary<Command> = fc.oneof(
    fc.array(fc.record({ row: fc.constantFrom(...rowIds), col: fc.constantFrom('basic', 'project'), value: fc.integer({ min: -5000, max: 5000 }) }), { minLength: 1, maxLength: 3 })
      .map((cells) => setCells(cells.map((c) => ({ table: 't3', ...c })))),
    fc.constantFrom(...codes).map((code) => insertRow({ table: 't3', code, name: `名称${code}` })),
    fc.subarray(rowIds, { minLength: 1, maxLength: 2 }).map((r) => deleteRows('t3', r)),
    fc.tuple(fc.constantFrom(...rowIds), fc.nat(8)).map(([r, i]) => moveRow('t3', r, i)),
    fc.tuple(fc.constantFrom(...rowIds), fc.constantFrom(...codes)).map(([r, c]) => setRowCode('t3', r, c)),
    fc.tuple(fc.constantFrom('a', 'b'), fc.option(fc.string())).map(([k, v]) => setInput(k, v ?? undefined)),
    fc.tuple(fc.constantFrom('item.208', 'x'), fc.integer({ min: -9, max: 9 })).map(([k, v]) => setPriorYear(k, v)),
    fc.constantFrom('甲局', '乙局', '').map((n) => setMeta({ unitName: n, region: n === '' ? undefined : n })),
    fc.record({ row: fc.constantFrom('abroad', 'vehiclePurchase', 'reception'), col: fc.constantFrom('gpb', 'fund'), value: fc.integer({ min: 0, max: 999 }) })
      .map((c) => composite('组合', [setCells([{ table: 't10', ...c }]), setInput('c', String(c.value))])),
  );

  it('undo all gives the original, redo all the after-state; sums always equal a full recompute', () => {
    fc.assert(fc.property(fc.array(cmdArb, { minLength: 1, maxLength: 25 }), (cmds) => {
      const doc = doc3();
      const original = cloneDocument(doc);
      const history = new History();
      for (const c of cmds) {
        try {
          history.execute(c, doc, ctx);
        } catch {
          // refused commands (duplicate code, missing row) change nothing and are not recorded
        }
        const check = cloneDocument(doc);
        const r = recomputeAll().apply(check, ctx);
        expect(r.changes.cells).toEqual([]);
      }
      const after = cloneDocument(doc);
      while (history.canUndo()) history.undo(doc, ctx);
      expect(doc).toEqual(original);
      while (history.canRedo()) history.redo(doc, ctx);
      expect(doc).toEqual(after);
    }), { numRuns: 300 });
  });
});

describe('set-cells guards', () => {
  it('refuses non-integer amounts, ignores the other side of a side-by-side table, dedupes deletions', () => {
    const doc = doc3();
    const before = cloneDocument(doc);
    expect(() => setCells([{ table: 't3', row: '208', col: 'basic', value: 1.5 }]).apply(doc, ctx)).toThrow('金额必须是整数');
    const r = setCells([{ table: 't1', row: 'c208', col: 'inAmount', value: 100 }]).apply(doc, ctx);
    expect(r.changes.cells).toEqual([]);
    expect(doc).toEqual(before);
    deleteRows('t3', ['2080506', '2080506']).apply(doc, ctx);
    expect(ids(doc, 't3')).toEqual(['208', '20805', '2080505', '210', '21011', '2101101', 'total']);
  });
  it('text cells: empty removes, undo restores', () => {
    const doc = doc3();
    const before = cloneDocument(doc);
    const r = setCells([{ table: 't3', row: '208', col: 'note', value: '说明' }]).apply(doc, ctx);
    expect(doc.tables.t3.rows[0].texts).toEqual({ note: '说明' });
    r.inverse.apply(doc, ctx);
    expect(doc).toEqual(before);
  });
});
