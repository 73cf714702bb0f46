import { readFile } from 'node:fs/promises';
import type { BatchRow } from './report-workbook';

/**
 * What the last run of a batch found, per file, keyed by the file's content hash: a re-run over a county's folder
 * re-checks only the units whose files changed. Kept beside the report ("汇总.xlsx.cache.json"); the settings that
 * change a result (template, year, map, export) are part of the key, so a run with other settings starts afresh.
 */
export interface BatchCache {
  version: 1;
  settings: string;
  files: Record<string, { sha256: string; row: BatchRow }>;
}

export const cachePathOf = (reportFull: string): string => `${reportFull}.cache.json`;

export async function readBatchCache(path: string, settings: string): Promise<BatchCache> {
  const empty: BatchCache = { version: 1, settings, files: {} };
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<BatchCache>;
    if (parsed.version !== 1 || parsed.settings !== settings || typeof parsed.files !== 'object' || parsed.files === null) return empty;
    return { version: 1, settings, files: parsed.files };
  } catch {
    // No cache yet, or one that is damaged: check everything.
    return empty;
  }
}
