import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amount } from '../amount/amount';
import { checkDocument } from '../checks/check-document';
import { emptyChangeSet } from '../commands/command';
import type { BudgetDocument, RowData } from '../document/document';
import type { Finding } from '../rules/finding';
import { createRuleEngine } from '../rules/engine';
import { createSampleDocument } from '../sample/sample-inputs';
import { docFor } from '../testing/builders';
import { unitDocument2021 } from '../testing/unit-2021';
import { getBuiltinTemplateSet } from './registry';
import type { TableDef } from './template.schema';

/**
 * What the built-in sets find, recorded: on each set's consistent sample, on the reference releases as printed, and
 * on the sample with one cell changed at a time (every row of every table). The rules a set implies are generated
 * from its table definitions; they must find exactly what the hand-written copies found, under the same ids.
 */

const line = (f: Finding) => `${f.severity} ${f.id} @ ${f.cells.map((c) => `${c.table}[${c.row}].${c.col}`).join(' ')}`;

function samples(): [string, () => BudgetDocument][] {
  return [
    ['xj-dept-2024-11', createSampleDocument],
    ['xj-unit-2021-9', () => unitDocument2021('xj-unit-2021-9')],
    ['xj-unit-2021-9-econ', () => unitDocument2021('xj-unit-2021-9-econ')],
  ];
}

/**
 * One cell at a time raised by 1.00, and what the rules find beyond the document's standing findings: in coded and project tables each row's first filled
 * amount column and every column of the 合计 row; in fixed and side-by-side tables every amount cell.
 */
function perturbed(setId: string, doc: BudgetDocument): string[] {
  const set = getBuiltinTemplateSet(setId)!;
  const engine = createRuleEngine(set, doc);
  const standing = new Set(engine.findings().map(line));
  const out: string[] = [];
  for (const def of set.tables) {
    const amountCols = def.columns.filter((c) => c.kind === 'amount');
    for (const row of doc.tables[def.id].rows) {
      const every = def.rows.kind === 'fixed' || def.rows.kind === 'sideBySide' || row.id === 'total';
      const cols = every ? amountCols : [amountCols.find((c) => row.values[c.id] !== undefined) ?? amountCols[0]!];
      for (const col of cols) {
        const cell = { table: def.id, row: row.id, col: col.id };
        const before = row.values[col.id];
        row.values[col.id] = (before ?? 0) + 100;
        engine.update({ ...emptyChangeSet(), cells: [cell] });
        out.push(`${def.id}[${row.id}].${col.id} +1.00`, ...engine.findings().map(line).filter((l) => !standing.has(l)).map((l) => `  ${l}`));
        if (before === undefined) delete row.values[col.id];
        else row.values[col.id] = before;
        engine.update({ ...emptyChangeSet(), cells: [cell] });
      }
    }
  }
  return out;
}

/**
 * A transcribed reference release (testdata/reference) loaded cell by cell as printed: every 类/款/合计 as typed,
 * nothing derived, faults included. Used to compare what a set's rules find on a real release.
 */
const referenceDir = join(import.meta.dirname, '../../testdata/reference');
const referenceAvailable = existsSync(referenceDir);

interface RefTable { no: string; rows: { cells: string[] }[] }

function values(cells: string[], cols: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  cells.forEach((v, i) => {
    const a = amount(v);
    if (a !== 0 && cols[i]) out[cols[i]] = a;
  });
  return out;
}

function codedRows(def: TableDef, t: RefTable, doc: BudgetDocument): void {
  const cols = def.columns.filter((c) => c.kind === 'amount').map((c) => c.id);
  const codeCols = def.columns.filter((c) => c.kind === 'code').length;
  const rows: RowData[] = [];
  let lei = '';
  let kuan = '';
  for (const { cells } of t.rows) {
    const [codeCells, name, amounts] = [cells.slice(0, codeCols), cells[codeCols], cells.slice(codeCols + 1)];
    if (codeCells.every((c) => c === '')) {
      if (name.replace(/\s/g, '') === '合计') doc.tables[def.id].rows.find((r) => r.id === 'total')!.values = values(amounts, cols);
      continue;
    }
    let code = codeCells[0];
    if (codeCols > 1) {
      const [l, k, x = ''] = codeCells;
      if (l) lei = l;
      code = lei;
      if (k) code = kuan = lei + k;
      if (x) code = kuan + x;
    }
    rows.push({ id: code, code, name, values: values(amounts, cols) });
  }
  doc.tables[def.id].rows.unshift(...rows);
}

function sideBySideRows(def: TableDef, t: RefTable, doc: BudgetDocument): void {
  if (def.rows.kind !== 'sideBySide') return;
  const [left, right] = def.rows.sides;
  const [inTotal, outTotal] = def.rows.totals;
  const inCols = def.columns.filter((c) => c.kind === 'amount' && c.side === 0).map((c) => c.id);
  const outCols = def.columns.filter((c) => c.kind === 'amount' && c.side === 1).map((c) => c.id);
  const byId = new Map(doc.tables[def.id].rows.map((r) => [r.id, r]));
  t.rows.forEach(({ cells }, i) => {
    const last = i === t.rows.length - 1;
    const l = last ? inTotal : left[i];
    const r = last ? outTotal : right[i];
    if (l) Object.assign(byId.get(l.id)!.values, values(cells.slice(1, 1 + inCols.length), inCols));
    if (r) Object.assign(byId.get(r.id)!.values, values(cells.slice(2 + inCols.length), outCols));
  });
}

/** The release in `file` as a document of the built-in set `setId`. */
function referenceDocument(file: string, setId: string, year: number): BudgetDocument {
  const ref = JSON.parse(readFileSync(join(referenceDir, file), 'utf8')) as { tables: RefTable[] };
  const set = getBuiltinTemplateSet(setId)!;
  const doc = docFor(setId, { year });
  for (const t of ref.tables) {
    const def = set.tables.find((d) => d.no === t.no)!;
    const model = def.rows;
    if (model.kind === 'coded') codedRows(def, t, doc);
    else if (model.kind === 'sideBySide') sideBySideRows(def, t, doc);
    else if (model.kind === 'fixed') {
      const cols = def.columns.filter((c) => c.kind === 'amount').map((c) => c.id);
      const hasLabel = def.columns[0].kind === 'name';
      t.rows.forEach(({ cells }, i) => {
        doc.tables[def.id].rows[i].values = values(hasLabel ? cells.slice(1) : cells, cols);
      });
    }
  }
  return doc;
}

const REFERENCE_2021 = '2021-urho-medical-security-unit-budget.tables.json';
const REFERENCE_2024 = '2024-ruoqiang-medical-security-dept-budget.tables.json';

describe('findings of the built-in sets', () => {
  it.each(samples())('%s: its sample, whole and one cell changed at a time', async (setId, make) => {
    const doc = make();
    const whole = checkDocument(doc, getBuiltinTemplateSet(setId)!).map(line);
    const text = [`# ${setId} sample`, ...whole, `# ${setId} sample, one cell changed`, ...perturbed(setId, doc)].join('\n');
    await expect(`${text}\n`).toMatchFileSnapshot(`./__snapshots__/findings.${setId}.sample.txt`);
  });

  it.skipIf(!referenceAvailable).each([
    ['xj-dept-2024-11', REFERENCE_2024, 2024],
    ['xj-unit-2021-9', REFERENCE_2021, 2021],
    ['xj-unit-2021-9-econ', REFERENCE_2021, 2021],
  ] as const)('%s: the reference release as printed', async (setId, file, year) => {
    const doc = referenceDocument(file, setId, year);
    const lines = checkDocument(doc, getBuiltinTemplateSet(setId)!).map(line);
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(`./__snapshots__/findings.${setId}.reference.txt`);
  });
});
