import type { BudgetDocument } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import type { Classification } from '../codes/code-book';
import type { CodeCsvResult } from '../codes/code-csv';
import type { ImportXlsxOptions, ImportXlsxResult } from '../xlsx/import-xlsx';
import type { ExportXlsxOptions } from '../xlsx/export-xlsx';
import type { ExportDocxOptions } from '../docx/export-docx';
import type { CheckPart, DocPatch, FindingsDelta, LearnedCode } from './session-sync';
import type { UnitCheckOptions, UnitResult } from '../batch/unit-check';
import type { InferOptions, InferResult } from '../template/infer/infer-set';
import type { Severity } from '../template/template.schema';

/**
 * The messages between a host (the renderer, the CLI) and the worker that runs core's heavy, input-driven work, so a
 * hostile file can fail but never freeze or crash the host. Every kind is one entry of `WorkerKinds` (its payload and
 * its value), and the worker side is a registry of handlers keyed by kind (`dispatcher.ts`): the document session
 * can move into the same worker later by adding kinds (open, apply command, findings …) and their handlers, without
 * changing the envelope. Payloads are structured-cloneable data only — no functions (progress comes back as
 * messages).
 */
export interface WorkerKinds {
  importXlsx: { payload: { bytes: Uint8Array; options: Omit<ImportXlsxOptions, 'onProgress'> }; value: ImportXlsxResult };
  importCodeList: { payload: { bytes: Uint8Array; classification: Classification; year: number }; value: CodeCsvResult };
  exportXlsx: { payload: { doc: BudgetDocument; template: TemplateSet; options?: Omit<ExportXlsxOptions, 'onProgress'> }; value: Uint8Array };
  exportDocx: { payload: { doc: BudgetDocument; template: TemplateSet; options?: Omit<ExportDocxOptions, 'layoutTrace'> }; value: Uint8Array };
  /**
   * A checking replica (session-handlers.ts): the open document as JSON text (cheap to send, unlike a structured
   * clone of 10,000 rows), its template when it is not built in, the codes learnt this run, and which checks this
   * replica runs (the rules and the text checks live in separate workers so neither waits for the other).
   */
  sessionOpen: { payload: { json: string; templateId: string; template?: TemplateSet; learned: LearnedCode[]; part: CheckPart }; value: FindingsDelta };
  /** What one command changed, as data, so the replica's rule engine re-checks incrementally. */
  sessionPatch: { payload: { patch: DocPatch }; value: FindingsDelta };
  /** Re-run the text checks an edit left stale (the host asks when typing pauses). */
  sessionRefreshText: { payload: Record<string, never>; value: FindingsDelta };
  /** An imported code list: names change what the code checks say. */
  sessionLearnCodes: { payload: { codes: LearnedCode[] }; value: FindingsDelta };
  /**
   * A document file read and validated off the page's thread; the page gets the document back as JSON text (parsed
   * in tens of milliseconds) and hands the same text to the checking replicas. `templates`: the bureau sets loaded
   * this run (built-in sets are found by id).
   */
  parseDocument: { payload: { bytes: Uint8Array; templates: TemplateSet[] }; value: { ok: true; json: string; templateId: string } | { ok: false; message: string } };
  /** The document file's bytes from the document as JSON text (saving and crash recovery stay off the page's thread). */
  serialize: { payload: { json: string }; value: Uint8Array };
  /**
   * One unit of a batch check: read (a document, or a workbook imported on the fly), check and summarise; with
   * `exports`, also build its Excel and Word when it has no 错误 (or `force`), so a county's files are exported by
   * the same worker that checked them.
   */
  checkUnit: { payload: { name: string; bytes: Uint8Array; options: Omit<UnitCheckOptions, 'keepDocument'>; exports?: { force: boolean } }; value: CheckUnitValue };
  /** 从空白模板工作簿创建: a bureau's blank workbook read and a set proposed (core/template/infer). */
  inferSet: { payload: { bytes: Uint8Array; options: InferOptions }; value: InferResult };
  /** 用当前文档试用: an edited set's table rules run once over the open document (as JSON text). */
  trySet: { payload: { json: string; template: TemplateSet; limit: number }; value: TrySetValue };
}

/** What a set's rules find in a document: counts, and the first findings in the panel's order. */
export interface TrySetValue {
  errors: number;
  warnings: number;
  first: { severity: Severity; ruleName: string; message: string }[];
}

/** A batch unit's result, with its exports when asked for and allowed. */
export interface CheckUnitValue {
  result: UnitResult;
  xlsx?: Uint8Array;
  docx?: Uint8Array;
  /** Why the exports were not built (错误 without force, or a failure). */
  exportNote?: string;
}

export type WorkerKind = keyof WorkerKinds;
export type PayloadOf<K extends WorkerKind> = WorkerKinds[K]['payload'];
export type ValueOf<K extends WorkerKind> = WorkerKinds[K]['value'];

/** Host → worker. */
export type WorkerRequest<K extends WorkerKind = WorkerKind> = { type: 'request'; id: number; kind: K; payload: PayloadOf<K> };
export interface WorkerCancel {
  type: 'cancel';
  id: number;
}
export type HostMessage = WorkerRequest | WorkerCancel;

/** Worker → host. `stage` is Chinese, shown as is ("表3 部门支出总体情况表"). */
export interface WorkerProgress {
  type: 'progress';
  id: number;
  done: number;
  total: number;
  stage: string;
}
export type WorkerResult<K extends WorkerKind = WorkerKind> =
  | { type: 'result'; id: number; ok: true; value: ValueOf<K> }
  | { type: 'result'; id: number; ok: false; message: string };
export type WorkerMessage = WorkerProgress | WorkerResult;

/** What a host's `run` resolves to: cancelled is an outcome, not an error. */
export type RunOutcome<V> = { ok: true; value: V } | { ok: false; message: string } | { ok: false; cancelled: true; message: string };

export const CANCELLED_MESSAGE = '已取消';

export function isWorkerMessage(data: unknown): data is WorkerMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { type?: unknown; id?: unknown };
  return (m.type === 'progress' || m.type === 'result') && typeof m.id === 'number';
}
