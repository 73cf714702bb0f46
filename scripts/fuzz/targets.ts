import { parseDocument } from '../../core/file';
import { importXlsx } from '../../core/xlsx/import-xlsx';
import { importCodeListXlsx } from '../../core/xlsx/import-code-list';
import { parseCodeCsv } from '../../core/codes/code-csv';

/**
 * What the fuzzer feeds: every way a file from outside enters the app (打开 a document, 导入 Excel, 导入 科目表 from
 * Excel or CSV). Each returns a uniform outcome; a thrown error is a crash (the renderer would show a raw stack or
 * nothing at all).
 */
export type Outcome = { ok: true } | { ok: false; message: string };

export const TARGETS = {
  document: async (bytes: Uint8Array): Promise<Outcome> => {
    const r = parseDocument(bytes);
    return r.ok ? { ok: true } : { ok: false, message: r.message };
  },
  workbook: async (bytes: Uint8Array): Promise<Outcome> => {
    const r = await importXlsx(bytes);
    return r.ok ? { ok: true } : { ok: false, message: r.message };
  },
  codesXlsx: async (bytes: Uint8Array): Promise<Outcome> => {
    const r = await importCodeListXlsx(bytes, { classification: 'functional', year: 2024 });
    return r.ok ? { ok: true } : { ok: false, message: r.errors.join('\n') };
  },
  codesCsv: async (bytes: Uint8Array): Promise<Outcome> => {
    const r = parseCodeCsv(new TextDecoder().decode(bytes), { classification: 'functional', year: 2024 });
    return r.ok ? { ok: true } : { ok: false, message: r.errors.join('\n') };
  },
} satisfies Record<string, (bytes: Uint8Array) => Promise<Outcome>>;

export type TargetName = keyof typeof TARGETS;
