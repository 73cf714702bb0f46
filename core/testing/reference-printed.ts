import { amount } from '../amount/amount';
import type { BudgetDocument, RowData } from '../document/document';
import { getBuiltinTemplateSet } from '../template/registry';
import type { TableDef } from '../template/template.schema';
import { docFor } from './builders';

/**
 * A transcribed reference release (testdata/reference) loaded cell by cell as printed: every 类/款/合计 as typed in
 * the release, nothing derived, so the rules see the release's own faults. The caller reads the file (core reads
 * no files); the rule tests and the recorded findings of the built-in sets share this one reading.
 */

export interface RefTable { no: string; rows: { cells: string[] }[] }

function values(cells: string[], cols: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  cells.forEach((v, i) => {
    const a = amount(v);
    if (a !== 0 && cols[i]) out[cols[i]] = a;
  });
  return out;
}

/** Coded rows as printed: split 类|款|项 (a blank 类 repeats the one above) or a combined code; organisation rows skipped. */
function codedRows(def: TableDef, t: RefTable, doc: BudgetDocument): void {
  const cols = def.columns.filter((c) => c.kind === 'amount').map((c) => c.id);
  const codeCols = def.columns.filter((c) => c.kind === 'code').length;
  const split = codeCols > 1;
  const rows: RowData[] = [];
  let lei = '';
  let kuan = '';
  for (const { cells } of t.rows) {
    const [codeCells, name, amounts] = [cells.slice(0, codeCols), cells[codeCols], cells.slice(codeCols + 1)];
    if (codeCells.every((c) => c === '')) {
      if (name.replace(/\s/g, '') === '合计') doc.tables[def.id].rows.find((r) => r.id === 'total')!.values = values(amounts, cols);
      continue;
    }
    let code: string;
    if (!split) code = codeCells[0];
    else {
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

/** A transcribed release (its `tables.json`, already read) as a document of the built-in set `setId`. */
export function printedReferenceDocument(ref: { tables: RefTable[] }, setId: string, year: number): BudgetDocument {
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
