import type { Host, JsonValue, OpenedFile } from '../../core/ipc/contract';
import type { ImportReport, ImportXlsxOptions, ImportXlsxResult } from '../../core/xlsx/import-xlsx';
import { parseImportMap, withAnswers, type ImportMap } from '../../core/xlsx/import/import-map';
import type { RunOutcome } from '../../core/worker/protocol';
import type { Prompts } from './use-prompts';

/** The settings key under which the officer's mapping answers for one template set are remembered. */
export function importMapKey(templateId: string): string {
  return `importMap:${templateId}`;
}

export type WorkbookImport =
  | {
      kind: 'imported';
      result: Extract<ImportXlsxResult, { ok: true }>;
      /** How many labels the officer mapped in this import (0: no mapping step). */
      answered: number;
      /** Why the answers could not be remembered, when they could not. */
      saveError?: string;
    }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string; report?: ImportReport };

export interface ImportDeps {
  host: Pick<Host, 'getSetting' | 'setSetting'>;
  prompts: Pick<Prompts, 'askYear' | 'askMapping'>;
  onProgress?: ImportXlsxOptions['onProgress'];
  /** The sets to recognise the workbook against: the built-in ones and any bureau set loaded in this session. */
  templates?: ImportXlsxOptions['templates'];
  /**
   * Runs one import pass; the app passes its worker (progress dialog, 取消). Default: core's import on this thread
   * (tests, and the reference behaviour).
   */
  importer?: Importer;
}

export type Importer = (bytes: Uint8Array, options: Omit<ImportXlsxOptions, 'onProgress'>) => Promise<RunOutcome<ImportXlsxResult>>;

function inThread(onProgress: ImportXlsxOptions['onProgress']): Importer {
  return async (bytes, options) => {
    const { importXlsx } = await import('../../core/xlsx/import-xlsx');
    return { ok: true, value: await importXlsx(bytes, { ...options, ...(onProgress ? { onProgress } : {}) }) };
  };
}

/** Thrown out of a pass that did not run to the end: the worker was cancelled or died. */
class Stopped {
  constructor(readonly outcome: WorkbookImport) {}
}

/**
 * 导入 Excel as a dialogue with the officer; every import makes a new document (nothing of the open one leaks in):
 * 1. import; a workbook that names no year → ask it, import again with it;
 * 2. the officer's remembered answers for the recognised template set → import again with them;
 * 3. labels still unmatched → mapping step (nothing imported until answered), remember the answers, import again.
 * A pass that is cancelled (取消 in the progress dialog) or whose worker dies ends the whole dialogue; nothing of
 * the open document is touched because nothing is returned to load.
 */
export async function importWorkbook(file: OpenedFile, deps: ImportDeps): Promise<WorkbookImport> {
  try {
    return await dialogue(file, deps);
  } catch (error) {
    if (error instanceof Stopped) return error.outcome;
    throw error;
  }
}

async function dialogue(file: OpenedFile, deps: ImportDeps): Promise<WorkbookImport> {
  const importer = deps.importer ?? inThread(deps.onProgress);
  const options: Omit<ImportXlsxOptions, 'onProgress'> = {
    fileName: file.name,
    ...(deps.templates ? { templates: deps.templates } : {}),
  };
  const run = async (): Promise<ImportXlsxResult> => {
    const outcome = await importer(file.bytes, options);
    if (outcome.ok) return outcome.value;
    throw new Stopped('cancelled' in outcome ? { kind: 'cancelled' } : { kind: 'failed', message: outcome.message });
  };
  let mapFor: string | undefined;
  let stored: ImportMap | undefined;
  // The remembered map of a template set; loaded once per import.
  const applyStoredMap = async (templateId: string): Promise<boolean> => {
    if (mapFor === templateId) return false;
    mapFor = templateId;
    stored = await storedMap(deps.host, templateId, parseImportMap);
    if (stored) options.map = stored;
    else delete options.map;
    return stored !== undefined;
  };

  let result = await run();
  if (!result.ok && result.needsYear) {
    const year = await deps.prompts.askYear(file.name);
    if (year === null) return { kind: 'cancelled' };
    options.meta = { year };
    if (result.report) await applyStoredMap(result.report.templateId);
    result = await run();
  }
  if (!result.ok) return { kind: 'failed', message: result.message, report: result.report };
  if (await applyStoredMap(result.report.templateId)) {
    result = await run();
    if (!result.ok) return { kind: 'failed', message: result.message, report: result.report };
  }

  const unmatched = result.report.unmatched ?? [];
  if (unmatched.length === 0) return { kind: 'imported', result, answered: 0 };
  const answers = await deps.prompts.askMapping(file.name, unmatched);
  if (answers === null) return { kind: 'cancelled' };
  const templateId = result.report.templateId;
  const map = withAnswers(stored, templateId, answers);
  let saveError: string | undefined;
  try {
    await deps.host.setSetting({ key: importMapKey(templateId), value: map as unknown as JsonValue });
  } catch (error) {
    saveError = error instanceof Error ? error.message : String(error);
  }
  options.map = map;
  result = await run();
  if (!result.ok) return { kind: 'failed', message: result.message, report: result.report };
  return { kind: 'imported', result, answered: answers.length, ...(saveError ? { saveError } : {}) };
}

/** A damaged or foreign stored value counts as no answers (the officer is asked again), never as an error. */
async function storedMap(
  host: Pick<Host, 'getSetting'>,
  templateId: string,
  parse: (text: string) => { ok: true; map: ImportMap } | { ok: false; message: string },
): Promise<ImportMap | undefined> {
  const value = await host.getSetting(importMapKey(templateId)).catch(() => null);
  if (value === null) return undefined;
  const parsed = parse(JSON.stringify(value));
  return parsed.ok && parsed.map.template === templateId ? parsed.map : undefined;
}
