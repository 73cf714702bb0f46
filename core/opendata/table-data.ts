import type { BudgetDocument } from '../document/document';
import { printedLayout } from '../layout/printed-layout';
import type { ColumnDef, TableDef, TemplateSet } from '../template/template.schema';
import { tableTitle } from '../template/header-layout';

/**
 * A table as open data: one column per printed column, except that a code printed in 类/款/项 parts becomes one
 * full code column (data users join on the code, not on its pieces); amounts as exact hundredths of the printed unit
 * (each output writes them its own way: "824.50" in CSV, 824.5 in JSON).
 * Read from the one printed layout, so the data holds the same lines and figures as the published table.
 */

export interface DataColumn {
  id: string;
  /** The printed column name; a leaf that repeats in the table (预算数 on both sides of 表1) carries its group. */
  label: string;
  kind: 'code' | 'text' | 'amount';
}

/** Text, an amount in hundredths (amount columns), or nothing. */
export type DataValue = string | number | null;

export interface DataTable {
  id: string;
  /** 表1 / 表一 as printed. */
  no: string;
  title: string;
  unit: string;
  columns: DataColumn[];
  rows: { key: string; isTotal: boolean; values: DataValue[] }[];
}

const squash = (s: string) => s.replace(/\s+/g, '');

function labels(columns: readonly ColumnDef[]): string[] {
  const leaf = columns.map((c) => squash(c.header[c.header.length - 1] ?? c.id));
  return columns.map((c, i) => {
    const repeated = leaf.filter((l) => l === leaf[i]).length > 1;
    return repeated && c.header.length > 1 ? `${squash(c.header[c.header.length - 2]!)}-${leaf[i]}` : leaf[i]!;
  });
}

/** The group label over a table's code parts ("功能分类科目编码"), else 科目编码. */
function codeLabel(columns: readonly ColumnDef[]): string {
  const first = columns.find((c) => c.kind === 'code');
  return first && first.header.length > 1 ? squash(first.header[first.header.length - 2]!) : '科目编码';
}

export function tableData(doc: BudgetDocument, template: TemplateSet, table: TableDef): DataTable {
  const layout = printedLayout(doc, template, table, { blankZero: false });
  const names = labels(table.columns);
  const coded = table.rows.kind === 'coded' || table.rows.kind === 'projects';
  const codeCols = table.columns.map((c, i) => (c.kind === 'code' ? i : -1)).filter((i) => i >= 0);
  const merge = coded && codeCols.length > 0;
  const columns: DataColumn[] = [];
  if (merge) columns.push({ id: 'code', label: codeLabel(table.columns), kind: 'code' });
  table.columns.forEach((c, i) => {
    if (merge && c.kind === 'code') return;
    columns.push({ id: c.id, label: names[i]!, kind: c.kind === 'amount' ? 'amount' : c.kind === 'code' ? 'code' : 'text' });
  });
  const storedRows = new Map((doc.tables[table.id]?.rows ?? []).map((r) => [r.id, r]));
  const rows = layout.rows.map((line) => {
    const values: DataValue[] = [];
    if (merge) values.push(line.isTotal ? null : storedRows.get(line.rowIds[0] ?? '')?.code ?? null);
    line.cells.forEach((cell, i) => {
      if (merge && table.columns[i]?.kind === 'code') return;
      if (cell.kind === 'amount') values.push(cell.value);
      else if (cell.kind === 'text') values.push(cell.text.trim() === '' ? null : cell.text.trim());
      else values.push(null);
    });
    return { key: line.key, isTotal: line.isTotal, values };
  });
  return { id: table.id, no: table.no, title: tableTitle(table, doc.meta.entityKind), unit: template.amountUnit, columns, rows };
}
