import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../checks/check-document';
import { emptyChangeSet } from '../commands/command';
import type { BudgetDocument } from '../document/document';
import type { Finding } from '../rules/finding';
import { createRuleEngine } from '../rules/engine';
import { createSampleDocument } from '../sample/sample-inputs';
import { printedReferenceDocument, type RefTable } from '../testing/reference-printed';
import { unitDocument2021 } from '../testing/unit-2021';
import { getBuiltinTemplateSet } from './registry';

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

/** The release in `file` as a document of the built-in set `setId`. */
const referenceDocument = (file: string, setId: string, year: number): BudgetDocument =>
  printedReferenceDocument(JSON.parse(readFileSync(join(referenceDir, file), 'utf8')) as { tables: RefTable[] }, setId, year);

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
