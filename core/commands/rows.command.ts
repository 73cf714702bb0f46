import type { BudgetDocument, RowData } from '../document/document';
import type { Command } from './command';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { structureOf } from '../structure/structure-model';
import { isProjectRowId, TOTAL_ROW_ID } from '../structure/table-structure';
import { command, CommandError, rawDeleteRows, rawMoveRow, rawInsertRows, rawSetRowFields } from './raw';
import { applyStructural } from './structure';
import { acceptText, cellField } from './text-guard';

/** Row-structure commands: insert a coded or project row, delete rows, move a row, change a row's code or name. */

export interface InsertRowArgs {
  table: string;
  /** Full classification code (the 项 code for a project row). */
  code: string;
  name: string;
  /** Initial amounts (optional). */
  values?: Record<string, number>;
}

function tableDef(template: TemplateSet, table: string): TableDef {
  const def = template.tables.find((t) => t.id === table);
  if (!def) throw new CommandError(`找不到表“${table}”`);
  return def;
}

function checkCode(def: TableDef, code: string, project: boolean): void {
  const m = def.rows;
  if (m.kind !== 'coded' && m.kind !== 'projects') throw new CommandError(`${def.no}是固定行表，不能增删行`);
  if (!/^\d+$/.test(code)) throw new CommandError(`科目编码“${code}”只能由数字组成`);
  const lengths = m.levels;
  if (project ? code.length > Math.max(...lengths) : !lengths.includes(code.length)) {
    throw new CommandError(`科目编码“${code}”的位数不对：${def.no}的编码应为 ${lengths.join('、')} 位`);
  }
}

/** Inserts a coded row (id = code) or, in a project table, a project row (id p<n>), in code order among its siblings. */
export function insertRow(args: InsertRowArgs): Command {
  const label = `插入行 ${args.code}`;
  return command(label, (doc, ctx) => {
    const def = tableDef(ctx.template, args.table);
    const project = def.rows.kind === 'projects';
    checkCode(def, args.code, project);
    const idx = structureOf(doc, ctx.template);
    const rows = doc.tables[args.table].rows;
    let id = args.code;
    if (project) {
      let max = 0;
      for (const r of rows) if (isProjectRowId(r.id)) max = Math.max(max, Number(r.id.slice(1)));
      id = `p${max + 1}`;
    } else if (idx.position(args.table, id) >= 0) {
      throw new CommandError(`${def.no}已有科目“${args.code}”`);
    }
    const row: RowData = { id, code: args.code, values: {} };
    const name = acceptText(args.name, `${def.no} 新${project ? '项目' : '行'}（${args.code}）的名称`);
    if (name !== '') row.name = name;
    for (const [col, v] of Object.entries(args.values ?? {})) if (v !== 0) row.values[col] = v;
    const index = insertionIndex(rows, def, args.code, project);
    return applyStructural(doc, ctx, label, args.table, rawInsertRows(label, args.table, [{ index, row }]), [], [id]);
  });
}

function codeOf(r: RowData): string {
  return r.code ?? r.id;
}

function insertionIndex(rows: readonly RowData[], def: TableDef, code: string, project: boolean): number {
  const levels = (def.rows as { levels: number[] }).levels;
  const isGroup = (r: RowData) => r.id !== TOTAL_ROW_ID && !(project && isProjectRowId(r.id));
  // The nearest existing ancestor: the new row goes inside its block.
  let parentIndex = -1;
  let parentCode = '';
  for (const len of [...levels].sort((a, b) => b - a)) {
    if (len > code.length || (len === code.length && !project)) continue;
    const i = rows.findIndex((r) => isGroup(r) && codeOf(r) === code.slice(0, len));
    if (i >= 0) {
      parentIndex = i;
      parentCode = code.slice(0, len);
      break;
    }
  }
  let start = parentIndex + 1;
  if (parentIndex < 0) start = rows[0]?.id === TOTAL_ROW_ID && (def.rows as { total: { position: string } }).total.position === 'top' ? 1 : 0;
  let i = start;
  for (; i < rows.length; i++) {
    const r = rows[i];
    if (r.id === TOTAL_ROW_ID) break;
    const c = codeOf(r);
    if (parentIndex >= 0 && !c.startsWith(parentCode)) break;
    if (c > code) break;
  }
  return i;
}

/**
 * The rows under the given ones by code (a 类 row's 款 and 项, a 款 row's 项), not themselves selected, in printed
 * order: what deleting a heading would leave behind under the next level up. The caller asks whether they go too.
 */
export function rowsUnder(doc: BudgetDocument, template: TemplateSet, table: string, rowIds: readonly string[]): RowData[] {
  const s = structureOf(doc, template).table(table);
  const rows = doc.tables[table]?.rows ?? [];
  if (!s) return [];
  const chosen = new Set(rowIds);
  const under = new Set<number>();
  // Down the structure's code tree: 款 and 项 rows, and in a project table the group rows and their projects.
  const stack = rows.flatMap((r, i) => (chosen.has(r.id) && r.code !== undefined ? [i] : []));
  while (stack.length > 0) {
    for (const c of s.children(stack.pop()!)) {
      if (under.has(c) || chosen.has(rows[c].id)) continue;
      under.add(c);
      stack.push(c);
    }
  }
  return [...under].sort((a, b) => a - b).map((i) => rows[i]);
}

export function deleteRows(table: string, rowIds: readonly string[]): Command {
  const ids = [...new Set(rowIds)];
  const label = ids.length === 1 ? `删除行 ${ids[0]}` : `删除 ${ids.length} 行`;
  return command(label, (doc, ctx) => {
    const def = tableDef(ctx.template, table);
    if (def.rows.kind !== 'coded' && def.rows.kind !== 'projects') throw new CommandError(`${def.no}是固定行表，不能删除行`);
    if (ids.includes(TOTAL_ROW_ID)) throw new CommandError('合计行不能删除');
    return applyStructural(doc, ctx, label, table, rawDeleteRows(label, table, ids), ids, []);
  });
}

/** Moves a row to a new position (printed order); sums do not change since they follow codes. */
export function moveRow(table: string, rowId: string, toIndex: number): Command {
  const label = `移动行 ${rowId}`;
  return command(label, (doc, ctx) => {
    const def = tableDef(ctx.template, table);
    if (def.rows.kind !== 'coded' && def.rows.kind !== 'projects') throw new CommandError(`${def.no}是固定行表，不能移动行`);
    if (rowId === TOTAL_ROW_ID) throw new CommandError('合计行不能移动');
    return rawMoveRow(label, table, rowId, toIndex).apply(doc, ctx);
  });
}

/** Changes a row's code; a coded row's id follows its code. The row stays where it is printed. */
export function setRowCode(table: string, rowId: string, code: string): Command {
  const label = `修改编码 ${rowId} → ${code}`;
  return command(label, (doc, ctx) => {
    const def = tableDef(ctx.template, table);
    const project = def.rows.kind === 'projects' && isProjectRowId(rowId);
    checkCode(def, code, project);
    const row = structureOf(doc, ctx.template).row(table, rowId);
    if (!row || rowId === TOTAL_ROW_ID) throw new CommandError(`找不到行“${rowId}”`);
    const newId = !project && row.id === codeOf(row) ? code : row.id;
    if (newId !== rowId && structureOf(doc, ctx.template).position(table, newId) >= 0) {
      throw new CommandError(`${def.no}已有科目“${code}”`);
    }
    const raw = rawSetRowFields(label, table, rowId, { id: newId, code }, nameColumns(def));
    return applyStructural(doc, ctx, label, table, raw, [rowId], [newId]);
  });
}

export function setRowName(table: string, rowId: string, name: string): Command {
  const label = `修改名称 ${rowId}`;
  return command(label, (doc, ctx) => {
    const def = tableDef(ctx.template, table);
    const clean = acceptText(name, cellField(ctx.template, doc, { table, row: rowId, col: nameColumns(def)[0] ?? 'name' }));
    return rawSetRowFields(label, table, rowId, { name: clean === '' ? undefined : clean }, nameColumns(def)).apply(doc, ctx);
  });
}

function nameColumns(def: TableDef): string[] {
  return def.columns.filter((c) => c.kind === 'name').map((c) => c.id);
}
