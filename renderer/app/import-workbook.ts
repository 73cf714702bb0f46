import type { Host, JsonValue, OpenedFile } from '../../core/ipc/contract';
import type { ImportMap, ImportReport, ImportXlsxOptions, ImportXlsxResult } from '../../core/xlsx';
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
}

/**
 * 导入 Excel as a dialogue with the officer; every import makes a new document (nothing of the open one leaks in):
 * 1. import; a workbook that names no year → ask it, import again with it;
 * 2. the officer's remembered answers for the recognised template set → import again with them;
 * 3. labels still unmatched → mapping step (nothing imported until answered), remember the answers, import again.
 */
export async function importWorkbook(file: OpenedFile, deps: ImportDeps): Promise<WorkbookImport> {
  const xlsx = await import('../../core/xlsx');
  const options: ImportXlsxOptions = {
    fileName: file.name,
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    ...(deps.templates ? { templates: deps.templates } : {}),
  };
  const run = () => xlsx.importXlsx(file.bytes, options);
  let mapFor: string | undefined;
  let stored: ImportMap | undefined;
  // The remembered map of a template set; loaded once per import.
  const applyStoredMap = async (templateId: string): Promise<boolean> => {
    if (mapFor === templateId) return false;
    mapFor = templateId;
    stored = await storedMap(deps.host, templateId, xlsx.parseImportMap);
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
  const map = xlsx.withAnswers(stored, templateId, answers);
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
