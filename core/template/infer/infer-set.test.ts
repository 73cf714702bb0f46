import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { getBuiltinTemplateSet } from '../registry';
import { createDocument } from '../../document/create';
import { exportXlsx } from '../../xlsx/export-xlsx';
import { formulaRefs } from '../../structure/formula';
import type { FixedRowDef, TableDef, TemplateSet } from '../template.schema';
import { inferTemplateSet } from './infer-set';
import { twinSpendingWorkbook } from '../../testing/set-workbooks';

/**
 * The round trip the bureau's case rests on: a blank workbook printed from a built-in set (titles, 编制 line, header,
 * fixed labels, 合计 lines, 空表 notes — no figures), read back as a proposed set, has the same tables and the same
 * 表内 rules as the built-in set, whatever ids either gives. Ids are replaced by what they print (a column by its
 * header path, a fixed row by its label) before comparing.
 */
async function blankWorkbook(setId: string): Promise<Uint8Array> {
  const set = getBuiltinTemplateSet(setId)!;
  return exportXlsx(createDocument(set, { unitName: '某某区某某局', year: 2025 }), set);
}

const squash = (s: string) => s.replace(/\s+/g, '');

function rowsOf(t: TableDef): FixedRowDef[] {
  return t.rows.kind === 'fixed' ? t.rows.rows : t.rows.kind === 'sideBySide' ? [...t.rows.sides.flat(), ...t.rows.totals] : [];
}

/** What a table prints and computes, with every id replaced by its header path or label. */
function structure(t: TableDef) {
  const col = new Map(t.columns.map((c) => [c.id, c.header.join('/')]));
  const row = new Map(rowsOf(t).map((r) => [r.id, squash(r.label)]));
  const m = t.rows;
  return {
    no: t.no, title: t.title, role: t.role, amountUnit: t.amountUnit,
    columns: t.columns.map((c) => ({ header: c.header, kind: c.kind, codePart: c.codePart, side: c.side, formula: c.formula && formulaRefs(c.formula).map((x) => col.get(x)) })),
    rows: m.kind === 'coded' ? { kind: m.kind, classification: m.classification, levels: m.levels, subtotals: m.subtotals, total: m.total.label }
      : m.kind === 'projects' ? { kind: m.kind, levels: m.levels, total: m.total.label }
        : {
          kind: m.kind,
          rows: (m.kind === 'fixed' ? [m.rows] : [...m.sides, m.totals]).map((list) => list.map((r) => ({
            label: squash(r.label), level: r.level ?? 0, code: r.code, partOf: r.partOf && row.get(r.partOf), formula: r.formula && formulaRefs(r.formula).map((x) => row.get(x)),
          }))),
        },
  };
}

/**
 * A 表内 rule with its ids replaced (tables by position, columns by header path, fixed rows by label; the only row
 * of a one-row table is "*"). A "≤ parent" rule whose parent is the sum of it and its siblings says nothing beyond
 * that sum and 非负 (the 2024 set writes it for 表1 but not for 表10), so it is left out on both sides.
 */
function canonicalRules(set: TemplateSet): string[] {
  const out: string[] = [];
  for (const rule of set.rules.filter((r) => r.scope === '表内')) {
    let implied = false;
    const expr = rule.expr.replace(/(\w+)\[([^\]]*)\]\.(\*|\w+)/g, (_, tid: string, sel: string, colId: string) => {
      const index = set.tables.findIndex((t) => t.id === tid);
      const t = set.tables[index]!;
      const rows = rowsOf(t);
      const label = (part: string) => {
        const r = rows.find((x) => x.id === part);
        if (!r) return part;
        return t.rows.kind === 'fixed' && t.rows.rows.length === 1 ? '*' : squash(r.label);
      };
      const column = colId === '*' ? '*' : t.columns.find((c) => c.id === colId)!.header.join('/');
      return `T${index}[${sel.split(',').map((s) => label(s.trim())).join(',')}].${column}`;
    });
    const le = /^(\w+)\[(\w+)\]\.\S+ <= \1\[(\w+)\]\.\S+$/.exec(rule.expr);
    if (le) {
      const t = set.tables.find((x) => x.id === le[1])!;
      const parent = rowsOf(t).find((r) => r.id === le[3]);
      implied = parent?.formula !== undefined && formulaRefs(parent.formula).includes(le[2]!);
    }
    if (!implied) out.push(`${rule.severity} ${expr}`);
  }
  // A rule written twice (an own rule beside the one generated from the table) is one rule.
  return [...new Set(out)].sort();
}

describe('a set proposed from a blank workbook', () => {
  it.each(['sh-dept-2025-9', 'xj-dept-2024-11'])('%s: same tables and 表内 rules as the built-in set', async (setId) => {
    const builtin = getBuiltinTemplateSet(setId)!;
    const r = await inferTemplateSet(await blankWorkbook(setId), { id: 'from-blank' });
    if (!r.ok) throw new Error(r.message);
    expect(r.set.tables.map(structure)).toEqual(builtin.tables.map(structure));
    expect(r.set.amountUnit).toBe(builtin.amountUnit);
    expect(r.set.display.compilerPrefix).toBe(builtin.display.compilerPrefix);
    expect(canonicalRules(r.set)).toEqual(canonicalRules(builtin));
  });

  it('names columns and rows with the conventional ids where the labels are known', async () => {
    const r = await inferTemplateSet(await blankWorkbook('sh-dept-2025-9'));
    if (!r.ok) throw new Error(r.message);
    const sh = getBuiltinTemplateSet('sh-dept-2025-9')!;
    expect(r.set.tables.map((t) => t.columns.map((c) => c.id))).toEqual(sh.tables.map((t) => t.columns.map((c) => c.id)));
    expect(r.set.tables[5]!.emptyNote).toBe(sh.tables[5]!.emptyNote);
  });

  it('a 9-table set with its 合计 rows at the top and a combined economic code column (2021): the same tables but for where 合计 stands', async () => {
    const builtin = getBuiltinTemplateSet('xj-unit-2021-9')!;
    const r = await inferTemplateSet(await blankWorkbook('xj-unit-2021-9'));
    if (!r.ok) throw new Error(r.message);
    // A blank workbook prints only the 合计 line, so it cannot tell top from bottom: the proposal says so.
    expect(r.notes.some((n) => n.includes('只有合计行'))).toBe(true);
    const withoutPosition = (s: ReturnType<typeof structure>) => JSON.stringify(s).replace(/"position":"(top|bottom)"/g, '');
    expect(r.set.tables.map(structure).map(withoutPosition)).toEqual(builtin.tables.map(structure).map(withoutPosition));
    expect(r.set.display.columnNumberRow).toBe(true);
  });

  it('proposes an equality between two tables that print the same columns over the same codes', async () => {
    const r = await inferTemplateSet(await twinSpendingWorkbook(), { id: 'bureau-2025' });
    if (!r.ok) throw new Error(r.message);
    expect(r.set.amountUnit).toBe('元');
    expect(r.set.display.compilerPrefix).toBe('编制单位：');
    const [a, b] = r.set.tables;
    expect(a).toMatchObject({ title: '{主体}支出预算表', rows: { kind: 'coded', levels: [3, 5, 7], total: { position: 'bottom' } } });
    expect(a!.columns.map((c) => [c.id, c.kind, c.codePart, c.formula])).toEqual([
      ['code', 'code', 'full', undefined], ['name', 'name', undefined, undefined], ['total', 'amount', undefined, 'basic + project'],
      ['basic', 'amount', undefined, undefined], ['project', 'amount', undefined, undefined],
    ]);
    expect(r.crossTable.map((x) => x.expr)).toEqual([`${a!.id}[*].* = ${b!.id}[*].*`]);
    expect(r.set.rules.map((x) => x.expr)).toContain('t1[*].total = t1[*].basic + t1[*].project');
  });

  it('a workbook without any titled table is refused in Chinese', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['随便写的内容']);
    const r = await inferTemplateSet(wb);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('没有找到带标题和表头的表格') });
  });
});
