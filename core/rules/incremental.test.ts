import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyChangeSet, type ChangeSet } from '../commands/command';
import { cloneDocument, type BudgetDocument, type RowData } from '../document/document';
import { codedTable, docFor, fixedTable, projectTable, testSet } from '../testing/builders';
import type { RuleDef } from '../template/template.schema';
import { createRuleEngine } from './engine';

/**
 * findings() after any sequence of incremental updates equals a full check of the same document. Random edits
 * (values, inserted / deleted rows, changed codes and names) are applied directly to the document here, each with
 * the ChangeSet a command would report.
 */

const rule = (id: string, expr: string, severity: 'error' | 'warning' = 'error'): RuleDef => ({ id, name: id, severity, scope: '表内', expr });

const SET = testSet(
  [
    codedTable('a', ['total', 'basic', 'project']),
    codedTable('b', ['total', 'basic', 'project']),
    codedTable('e', ['total', 'personnel', 'public'], { classification: 'economic' }),
    fixedTable('f', ['sum', 'x', 'y'], ['amount']),
    projectTable('p'),
  ],
  {
    id: 'incremental-test',
    rules: [
      rule('row', 'a[*].total = a[*].basic + a[*].project'),
      rule('sub', 'a[类, 款].* = sum(a[children].*)'),
      rule('tot', 'a[total].* = sum(a[类].*)'),
      rule('le', 'b[*].* <= a[*].*'),
      rule('eq', 'b[项].total = a[项].total', 'warning'),
      rule('lit', 'e[30110].total = a[2101101].basic + a[2101102].basic', 'warning'),
      rule('eco', 'e[302*].personnel = 0', 'warning'),
      rule('fix', 'f[sum].amount = f[x].amount + f[y].amount'),
      rule('proj', 'p[total].total = sum(p[projects].total)'),
      rule('code', 'a[项].project = sum(p[under].total)'),
      rule('ge', 'f[x].amount >= e[30217].total + 1'),
      rule('valid', 'validCodes(*)'),
      rule('parent', 'parentsPresent(*)'),
      rule('unique', 'uniqueCodes(*)'),
      rule('names', 'knownNames(a)', 'warning'),
      rule('neg', 'nonNegative(*)', 'warning'),
    ],
  },
);

const FUNCTIONAL = ['210', '21011', '2101101', '2101102', '21015', '2101501', '208', '20805', '2080505', '21099', '2109901'];
const ECONOMIC = ['301', '30110', '302', '30201', '30217', '3029'];
const CODED: Record<string, string[]> = { a: FUNCTIONAL, b: FUNCTIONAL, e: ECONOMIC };
const COLUMNS: Record<string, string[]> = { a: ['total', 'basic', 'project'], b: ['total', 'basic', 'project'], e: ['total', 'personnel', 'public'], f: ['amount'], p: ['total'] };
const NAMES = ['行政运行', '行政单位医疗', '事业单位医疗', '其他', ''];

type Edit =
  | { kind: 'value'; table: string; pick: number; col: number; value: number }
  | { kind: 'insert'; table: string; at: number; code: number }
  | { kind: 'delete'; table: string; pick: number }
  | { kind: 'recode'; table: string; pick: number; code: number }
  | { kind: 'rename'; table: string; pick: number; name: number };

const value = fc.oneof(fc.integer({ min: -300, max: 3000 }), fc.constantFrom(0, 1, -1, 100));
const tableId = fc.constantFrom('a', 'b', 'e', 'f', 'p');
const pick = fc.nat(40);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('value' as const), table: tableId, pick, col: fc.nat(2), value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), table: fc.constantFrom('a', 'b', 'e', 'p'), at: pick, code: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), table: fc.constantFrom('a', 'b', 'e', 'p'), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recode' as const), table: fc.constantFrom('a', 'b', 'e', 'p'), pick, code: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), table: fc.constantFrom('a', 'b'), pick, name: fc.nat(4) }) },
);

let serial = 0;

function codeFor(table: string, n: number): string {
  const pool = table === 'p' ? FUNCTIONAL.filter((c) => c.length === 7) : CODED[table];
  return pool[n % pool.length];
}

/**
 * Row ids stay unique within a table (commands address rows by id); codes may repeat. The counter runs on across
 * runs but starts at 0 in a fresh worker, where `p1` is the seed document's own project: every id is checked.
 */
function freshId(rows: RowData[], table: string, code: string): string {
  const taken = (id: string) => rows.some((r) => r.id === id);
  if (table !== 'p' && !taken(code)) return code;
  let id: string;
  do id = table === 'p' ? `p${++serial}` : `${code}-${++serial}`;
  while (taken(id));
  return id;
}

function setValue(row: RowData, col: string, v: number): void {
  if (v === 0) delete row.values[col];
  else row.values[col] = v;
}

/** Applies an edit to the document in place and returns what a command would report. */
function applyEdit(doc: BudgetDocument, e: Edit): ChangeSet {
  const changes = emptyChangeSet();
  const rows = doc.tables[e.table].rows;
  const target = rows.length > 0 ? rows[('pick' in e ? e.pick : 0) % rows.length] : undefined;
  switch (e.kind) {
    case 'value': {
      if (!target) break;
      const cols = COLUMNS[e.table];
      const col = cols[e.col % cols.length];
      setValue(target, col, e.value);
      changes.cells.push({ table: e.table, row: target.id, col });
      break;
    }
    case 'insert': {
      const code = codeFor(e.table, e.code);
      const row: RowData = { id: freshId(rows, e.table, code), code, values: {} };
      if (e.table === 'p') row.name = `项目${serial}`;
      rows.splice(e.at % (rows.length + 1), 0, row);
      changes.tables.push(e.table);
      break;
    }
    case 'delete':
      if (!target || target.id === 'total') break;
      rows.splice(rows.indexOf(target), 1);
      changes.tables.push(e.table);
      break;
    case 'recode':
      if (!target || target.id === 'total') break;
      target.code = codeFor(e.table, e.code);
      changes.tables.push(e.table);
      break;
    case 'rename':
      if (!target || target.id === 'total') break;
      if (NAMES[e.name]) target.name = NAMES[e.name];
      else delete target.name;
      changes.cells.push({ table: e.table, row: target.id, col: 'name' });
      break;
  }
  return changes;
}

function initialDoc(): BudgetDocument {
  const doc = docFor('incremental-test');
  const seed: Record<string, [string, Record<string, number>][]> = {
    a: [['210', { total: 300, basic: 300 }], ['21011', { total: 300, basic: 300 }], ['2101101', { total: 100, basic: 100 }], ['2101102', { total: 200, basic: 200 }]],
    b: [['2101101', { total: 100, basic: 100 }]],
    e: [['301', { total: 300, personnel: 300 }], ['30110', { total: 301, personnel: 301 }]],
  };
  for (const [table, rows] of Object.entries(seed)) {
    doc.tables[table].rows.unshift(...rows.map(([code, values]) => ({ id: code, code, values: { ...values } })));
  }
  doc.tables.p.rows.unshift({ id: 'p1', code: '2101101', name: '项目1', values: { total: 50 } });
  doc.tables.f.rows.find((r) => r.id === 'x')!.values.amount = 5;
  return doc;
}

describe('incremental rule checking', () => {
  it('findings() after random edits equals a full check of the same document', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), (edits) => {
        const doc = initialDoc();
        const engine = createRuleEngine(SET, doc);
        for (const e of edits) {
          engine.update(applyEdit(doc, e));
          const full = createRuleEngine(SET, cloneDocument(doc)).findings();
          expect(engine.findings()).toEqual(full);
        }
        // The same engine's own full check agrees too (and resets its incremental state).
        const incremental = engine.findings();
        expect(engine.checkAll()).toEqual(incremental);
      }),
      { numRuns: Number(process.env.RULES_PROPERTY_RUNS ?? 150) },
    );
  }, 120_000);

  it('re-evaluates only the instances that read an edited cell', () => {
    const doc = initialDoc();
    const engine = createRuleEngine(SET, doc);
    const before = engine.findings();
    // A cell no rule reads changes nothing, and the same findings array is returned.
    doc.tables.f.rows.find((r) => r.id === 'y')!.values.amount = 0;
    engine.update({ ...emptyChangeSet(), cells: [{ table: 'f', row: 'y', col: 'nothing' }] });
    expect(engine.findings()).toBe(before);
  });
});
