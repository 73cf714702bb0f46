import type { BudgetDocument, TableData } from '../document/document';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { balanceToWan } from '../xlsx/rounding/rounding-balance';

/**
 * A table may print in another unit than the document keeps (the Shanghai release prints its 三公 table in 万元 while
 * the document is in 元): `amountUnit` on the table is a display unit, never a second stored unit. Excel and Word
 * print such a table from this converted copy — 元 → 万元 by 舍位平衡, so the printed 合计 still adds up, 万元 → 元
 * exactly — while the grid, the rules and the text keep reading the stored figures.
 */
export function tableInPrintUnit(doc: BudgetDocument, template: TemplateSet, table: TableDef): BudgetDocument {
  const unit = table.amountUnit;
  const data = doc.tables[table.id];
  if (!unit || unit === doc.meta.amountUnit || !data) return doc;
  const rows = unit === '万元'
    ? balanceToWan({ [table.id]: data }, { ...template, tables: [table] }).tables[table.id]?.rows ?? data.rows
    : data.rows.map((r) => ({ ...r, values: scaled(r.values, 10_000) }));
  const converted: TableData = { ...data, rows };
  return { ...doc, tables: { ...doc.tables, [table.id]: converted } };
}

function scaled(values: Readonly<Record<string, number>>, factor: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v * factor;
  return out;
}
