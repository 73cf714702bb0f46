/** Excel in and out: the entry points the renderer, Electron main and the CLI call. Bytes in, bytes out; no I/O. */
export { exportXlsx, type ExportXlsxOptions } from './export-xlsx';
export { importXlsx, formatImportReport, reportCounts, type ImportXlsxOptions, type ImportXlsxResult, type ImportReport, type ImportIssue, type TableImportInfo, type UnmatchedLabel, type ImportDetails, parseImportMap, withAnswers, mapSkeleton, type ImportMap } from './import-xlsx';
export { importCodeListXlsx } from './import-code-list';
export { checkXlsxBytes, INPUT_LIMITS, type GuardResult } from './input-guard';
export { balanceToWan, type BalanceResult, type RoundingAdjustment, type UnbalancedGroup } from './rounding/rounding-balance';
