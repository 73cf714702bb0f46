import type { BudgetDocument, RowData } from '../../core/document/document';
import type { CellFindingsLookup } from './cell-findings';
import type { ColumnDef, TableDef, TemplateSet } from '../../core/template/template.schema';
import type { GridRow } from './grid-rows';
import type { CellView } from './columns';

/**
 * Mutable state the column definitions read through AG Grid's `context`, so that an edit refreshes cells without
 * rebuilding column definitions (which would reset the grid's focus and scroll).
 */
export interface GridContext {
  template: TemplateSet;
  table: TableDef;
  doc: BudgetDocument;
  /** Document rows of this table by id, rebuilt after every change (commands may replace row objects). */
  rowsById: Map<string, RowData>;
  /** Findings by cellKey, for outlines and tooltips. */
  findingsByCell: CellFindingsLookup;
  /** Cells in the user's rectangle selection (cellKey of table/row/col). */
  selected: Set<string>;
  /** Cell that flashes after a finding was clicked. */
  flashKey: string | null;
  /**
   * What each rendered cell shows, by grid row key, one entry per column (in the table's column order), computed
   * once per document version: value, editability and classes read it, and scrolling 5,000 rows asks for it many
   * times per frame (a row key lookup and an index, no string building). A changed row's entry is dropped.
   */
  viewCache: Map<string, (CellView | undefined)[]>;
  /** The pane's handler of a value typed into a cell, called as the editor closes. */
  onEdit?: (row: GridRow, col: ColumnDef, value: unknown) => void;
}
