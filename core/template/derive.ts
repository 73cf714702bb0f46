import type { RowData } from '../document/document';
import type { TableDef } from './template.schema';
import { recomputeTable } from '../structure/recompute';
import { TableStructure } from '../structure/table-structure';

/**
 * A full recomputation of a table's derived cells from its inputs: column formulas (total = basic + project),
 * 类/款 rows and the 合计 row of coded tables, the 合计 of project tables, 部门/单位 rows, fixed-row formulas
 * (收入总计 …) — what sums into what is the structure model's, as for the editor. Used to build consistent data
 * (the sample, test documents). Rows are returned in the same order, in canonical form (zero amounts absent).
 */
export function deriveTable(def: TableDef, rows: readonly RowData[]): RowData[] {
  const out = rows.map((r) => ({ ...r, values: { ...r.values } }));
  const structure = new TableStructure(def, out);
  recomputeTable(structure, (i, col, value) => {
    out[i].values[col] = value;
  });
  for (const r of out) {
    for (const [k, v] of Object.entries(r.values)) if (v === 0) delete r.values[k];
  }
  return out;
}
