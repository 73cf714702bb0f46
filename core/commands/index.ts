/** Public API of the commands: every change to a document is one of these, applied through DocumentSession. */
export * from './command';
export { History, type HistoryStep } from './history';
export { setCells, setCell, type CellValue } from './set-cells.command';
export { pasteBlock, type PasteArgs, type PasteResult } from './paste-block.command';
export { textEditsCommand, type TextEdit, type TextEditsResult } from './text-edits.command';
export { insertRow, deleteRows, rowsUnder, moveRow, setRowCode, setRowName, type InsertRowArgs } from './rows.command';
export { setInput, setPriorYear, setMeta, type MetaPatch } from './document-fields.command';
export { applyFix } from './apply-fix.command';
export { fixOptions, describeFixOption, type FixOption } from './fix-options';
export { composite } from './composite.command';
export { CommandError } from './raw';
export { isComputedCell } from './cell-writer';
export { structureOf } from '../structure/structure-model';
export { TOTAL_ROW_ID } from '../structure/table-structure';
export { setTableNote, tableNoteChangeKey } from './table-note.command';
