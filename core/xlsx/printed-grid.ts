/**
 * The printed layout lives in core/layout (one builder for the grid, Excel and Word); these names stay for the
 * modules that read the printed table from here.
 */
export { printedRows as printedGrid, type PrintedCell as GridCell, type PrintedRow as GridLine } from '../layout/printed-layout';
export { isEmptyTable, tableNoteText } from '../layout/table-note';
