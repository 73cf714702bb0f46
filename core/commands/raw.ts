import type { BudgetDocument, RowData } from '../document/document';
import type { Command, CommandContext, CommandResult } from './command';
import { emptyChangeSet } from './command';
import { CellWriter, type CellValue } from './cell-writer';
import { structureOf } from '../structure/structure-model';

/**
 * Primitive commands: exact changes with no recomputation. The user-facing commands apply a primitive, recompute
 * what depends on it, and return inverses built from primitives, so that undo restores computed cells verbatim
 * instead of recomputing them (which would not restore an imported document's own figures).
 */

/** Raised before anything is changed when a command cannot apply; the message is for the user. */
export class CommandError extends Error {}

export function command(label: string, apply: (doc: BudgetDocument, ctx: CommandContext) => CommandResult): Command {
  return { label, apply };
}

export function cloneRow(row: RowData): RowData {
  const out: RowData = { id: row.id, values: { ...row.values } };
  if (row.code !== undefined) out.code = row.code;
  if (row.name !== undefined) out.name = row.name;
  if (row.texts !== undefined) out.texts = { ...row.texts };
  if (row.org !== undefined) out.org = row.org;
  if (row.unit !== undefined) out.unit = row.unit;
  return out;
}

export function rawSetCells(label: string, entries: readonly CellValue[]): Command {
  const own = entries.map((e) => ({ ...e }));
  return command(label, (doc, ctx) => {
    const w = new CellWriter(doc, ctx.template);
    const rows = own.map((e) => {
      const row = w.index.row(e.table, e.row);
      if (!row) throw new CommandError(`找不到行“${e.row}”`);
      return row;
    });
    own.forEach((e, i) => w.write(e.table, rows[i], e.col, e.value));
    const changes = emptyChangeSet();
    const { cells, restore } = w.outcome();
    changes.cells = cells;
    return { inverse: rawSetCells(label, restore), changes };
  });
}

export interface PlacedRow {
  index: number;
  row: RowData;
}

/** Inserts rows so that each ends at its index (ascending). */
export function rawInsertRows(label: string, table: string, placed: readonly PlacedRow[]): Command {
  const own = [...placed].sort((a, b) => a.index - b.index).map((p) => ({ index: p.index, row: cloneRow(p.row) }));
  return command(label, (doc, ctx) => {
    const data = doc.tables[table];
    if (!data) throw new CommandError(`找不到表“${table}”`);
    const idx = structureOf(doc, ctx.template);
    for (const p of own) if (idx.position(table, p.row.id) >= 0) throw new CommandError(`行“${p.row.id}”已存在`);
    for (const p of own) data.rows.splice(Math.min(p.index, data.rows.length), 0, cloneRow(p.row));
    idx.invalidate(table);
    const changes = emptyChangeSet();
    changes.tables = [table];
    return { inverse: rawDeleteRows(label, table, own.map((p) => p.row.id)), changes };
  });
}

export function rawDeleteRows(label: string, table: string, rowIds: readonly string[]): Command {
  const ids = [...rowIds];
  return command(label, (doc, ctx) => {
    const data = doc.tables[table];
    if (!data) throw new CommandError(`找不到表“${table}”`);
    const idx = structureOf(doc, ctx.template);
    const placed: PlacedRow[] = [];
    for (const id of ids) {
      const i = idx.position(table, id);
      if (i < 0) throw new CommandError(`找不到行“${id}”`);
      placed.push({ index: i, row: data.rows[i] });
    }
    placed.sort((a, b) => a.index - b.index);
    for (let k = placed.length - 1; k >= 0; k--) data.rows.splice(placed[k].index, 1);
    idx.invalidate(table);
    const changes = emptyChangeSet();
    changes.tables = [table];
    return { inverse: rawInsertRows(label, table, placed), changes };
  });
}

export function rawMoveRow(label: string, table: string, rowId: string, toIndex: number): Command {
  return command(label, (doc, ctx) => {
    const data = doc.tables[table];
    const idx = structureOf(doc, ctx.template);
    const from = idx.position(table, rowId);
    if (!data || from < 0) throw new CommandError(`找不到行“${rowId}”`);
    const to = Math.max(0, Math.min(toIndex, data.rows.length - 1));
    const [row] = data.rows.splice(from, 1);
    data.rows.splice(to, 0, row);
    idx.invalidate(table);
    const changes = emptyChangeSet();
    if (from !== to) changes.tables = [table];
    return { inverse: rawMoveRow(label, table, rowId, from), changes };
  });
}

export interface RowFields {
  id?: string;
  code?: string;
  name?: string;
}

/** Sets a row's id, code and/or name; a field given as undefined in `fields` is removed. */
export function rawSetRowFields(label: string, table: string, rowId: string, fields: RowFields, nameCols: readonly string[] = []): Command {
  const own = { ...fields };
  return command(label, (doc, ctx) => {
    const idx = structureOf(doc, ctx.template);
    const row = idx.row(table, rowId);
    if (!row) throw new CommandError(`找不到行“${rowId}”`);
    const newId = 'id' in own && own.id !== undefined ? own.id : row.id;
    if (newId !== row.id && idx.position(table, newId) >= 0) throw new CommandError(`行“${newId}”已存在`);
    const old: RowFields = {};
    const changes = emptyChangeSet();
    for (const key of ['code', 'name'] as const) {
      if (!(key in own)) continue;
      old[key] = row[key];
      const v = own[key];
      if (v === undefined) delete row[key];
      else row[key] = v;
    }
    if (newId !== row.id) {
      old.id = row.id;
      row.id = newId;
    }
    if ('code' in own || old.id !== undefined) {
      changes.tables = [table];
      idx.invalidate(table);
    }
    if ('name' in own) for (const col of nameCols) changes.cells.push({ table, row: row.id, col });
    return { inverse: rawSetRowFields(label, table, row.id, old, nameCols), changes };
  });
}

/** Replaces a table's whole row list (derived tables). */
export function rawReplaceRows(label: string, table: string, rows: readonly RowData[]): Command {
  return replaceOwnRows(label, table, rows.map(cloneRow));
}

/**
 * rawReplaceRows over rows that nothing else holds: the command's own copies, or the rows a replacement took out
 * of the document (its inverse keeps them without copying 10,000 rows again). The rows put into the document are
 * always fresh copies, so the command can be applied again after an undo.
 */
function replaceOwnRows(label: string, table: string, own: readonly RowData[]): Command {
  return command(label, (doc, ctx) => {
    const data = doc.tables[table];
    if (!data) throw new CommandError(`找不到表“${table}”`);
    // In place (others hold the list itself), without spreading 10,000 rows as call arguments.
    const before = data.rows.slice();
    data.rows.length = 0;
    for (const r of own) data.rows.push(cloneRow(r));
    structureOf(doc, ctx.template).invalidate(table);
    const changes = emptyChangeSet();
    changes.tables = [table];
    // Every cell of the old and the new list, once each (per column, the row ids already listed).
    const listed = new Map<string, Set<string>>();
    for (const list of [before, data.rows]) {
      for (const r of list) {
        for (const col in r.values) {
          let ids = listed.get(col);
          if (!ids) listed.set(col, (ids = new Set()));
          if (ids.has(r.id)) continue;
          ids.add(r.id);
          changes.cells.push({ table, row: r.id, col });
        }
      }
    }
    return { inverse: replaceOwnRows(label, table, before), changes };
  });
}
