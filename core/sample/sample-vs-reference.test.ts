import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../amount/amount';
import type { RowData } from '../document/document';
import { codePartFor, headerLayout } from '../template/header-layout';
import { getBuiltinTemplateSet } from '../template/registry';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { createSampleTables } from './sample-tables';

/**
 * Cell-by-cell comparison with the two published releases transcribed in testdata/reference (the 2024 one is the
 * built-in sample). The built-in sets must print the same headers, and the sample the same figures.
 */
const referenceDir = join(import.meta.dirname, '../../testdata/reference');
const available = existsSync(referenceDir);

interface RefTable { no: string; title: string; header: string[][]; rows: { cells: string[] }[] }
const load = (name: string): RefTable[] => (JSON.parse(readFileSync(join(referenceDir, name), 'utf8')) as { tables: RefTable[] }).tables;

/** The header as the transcription writes it: a label at its merged cell's origin, "" elsewhere. */
function printedHeader(def: TableDef): string[][] {
  const { depth, cells } = headerLayout(def.columns);
  const m = Array.from({ length: depth }, () => def.columns.map(() => ''));
  for (const c of cells) m[c.row][c.col] = c.label;
  return m;
}

function printedBody(def: TableDef, rows: RowData[], set: TemplateSet): string[][] {
  const fmt = (v: number | undefined) => formatAmount(v ?? 0, { blankZero: set.display.blankZero });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const model = def.rows;
  if (model.kind === 'sideBySide') {
    const [left, right] = model.sides;
    const colsOf = (side: 0 | 1) => def.columns.filter((c) => c.side === side);
    const half = (side: 0 | 1, label: string | undefined, id: string | undefined) =>
      colsOf(side).map((c) => (c.kind === 'name' ? label ?? '' : id === undefined ? '' : fmt(byId.get(id)?.values[c.id])));
    const out: string[][] = [];
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      out.push([...half(0, left[i]?.label, left[i]?.id), ...half(1, right[i]?.label, right[i]?.id)]);
    }
    out.push([...half(0, model.totals[0].label, model.totals[0].id), ...half(1, model.totals[1].label, model.totals[1].id)]);
    return out;
  }
  if (model.kind === 'fixed') {
    return model.rows.map((r) => def.columns.map((c) => (c.kind === 'name' ? r.label : fmt(byId.get(r.id)?.values[c.id]))));
  }
  return rows.map((r) => def.columns.map((c) => {
    if (c.kind === 'amount') return fmt(r.values[c.id]);
    if (r.id === 'total') return c.kind === 'name' ? model.total.label : '';
    if (c.kind === 'name') return r.name ?? '';
    return codePartFor(r.code ?? r.id, c.codePart ?? 'full', model.levels);
  }));
}

describe.skipIf(!available)('built-in sets and sample against the reference releases', () => {
  it('2024: every printed table has the same title, header and cells', () => {
    const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
    const tables = createSampleTables();
    for (const ref of load('2024-ruoqiang-medical-security-dept-budget.tables.json')) {
      const def = set.tables.find((t) => t.no === ref.no)!;
      expect(def.title.replace('{主体}', '部门'), ref.no).toBe(ref.title);
      expect(printedHeader(def), ref.no).toEqual(ref.header);
      expect(printedBody(def, tables[def.id].rows, set), ref.no).toEqual(ref.rows.map((r) => r.cells));
    }
  });

  it('2021: every printed table has the same title and header (with its column-number row)', () => {
    const set = getBuiltinTemplateSet('xj-unit-2021-9')!;
    for (const ref of load('2021-urho-medical-security-unit-budget.tables.json')) {
      const def = set.tables.find((t) => t.no === ref.no)!;
      expect(def.title.replace('{主体}', '单位'), ref.no).toBe(ref.title);
      const header = printedHeader(def);
      // The transcription keeps the printed spacing inside a few labels; compare without it.
      const squash = (m: string[][]) => m.map((row) => row.map((s) => s.replace(/\s+/g, '')));
      const refHeader = ref.header.filter((row) => !row.some((s) => /^\d+$/.test(s)));
      expect(squash(header), ref.no).toEqual(squash(refHeader));
    }
  });
});
