import { z } from 'zod';
import { STORED_SET_ID, type FileKind, type HostApi, type JsonValue, type MenuCommand } from '../core/ipc/contract';

/**
 * Argument schemas for every HostApi call. The renderer is treated as untrusted: a compromised page could send any
 * structured-clone value, so each handler parses its argument here before touching dialogs or the disk.
 */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
const MAX_TEXT = 2_000;

const text = (max = MAX_TEXT) => z.string().max(max);
const bytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, { message: '文件过大（超过 256 MB）' });

export const fileKindSchema = z.enum(['document', 'xlsx', 'csv', 'template']) satisfies z.ZodType<FileKind>;

/** A path the renderer hands back (recent list, 保存 over the open file); still checked against known paths. */
export const pathSchema = z
  .string()
  .min(1)
  .max(4_096)
  .refine((p) => !p.includes('\0'), { message: '路径无效' });

/** A stamp the host itself handed out; only compared with the disk, never used as a path or size to allocate. */
export const fileStampSchema = z.strictObject({
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  mtimeMs: z.number().finite().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const saveRequestSchema = z.strictObject({
  path: pathSchema.optional(),
  suggestedName: text(255),
  bytes,
  kind: z.enum(['document', 'xlsx', 'docx', 'csv', 'zip', 'json']),
  basedOn: fileStampSchema.optional(),
  overwrite: z.boolean().optional(),
});

/** A backup id as the store makes them ("<hash>/<time>.ysgk"): two plain names, never a path (the store checks again). */
export const historyIdSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/)
  .refine((id) => !id.includes('..'), { message: '版本编号无效' });

/** 重新汇总: at most as many unit files as one 批量审核 takes; the host reads only .ysgk among them. */
export const unitFilesRequestSchema = z.strictObject({
  documentPath: pathSchema.nullable(),
  files: z.array(pathSchema).max(2_000),
});

export const documentStateSchema = z.strictObject({ title: text(500), dirty: z.boolean() });

export const confirmSchema = z.strictObject({ title: text(200), message: text(), okLabel: text(40) });

/** A settings key: "importMap:xj-dept-2024-11", "columnWidths:t3" — printable, short. */
export const settingKeySchema = z
  .string()
  .min(1)
  .max(200)
  .refine((k) => ![...k].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), { message: '设置名无效' });

/** One setting holds at most this much JSON (a remembered import map is a few KB). */
export const MAX_SETTING_BYTES = 1024 * 1024;
const MAX_SETTING_DEPTH = 64;
const MAX_SETTING_NODES = 200_000;

/**
 * True for a value JSON can carry unchanged: null, booleans, finite numbers, strings, arrays and plain objects of
 * those. Structured clone also lets through Dates, Maps, typed arrays, NaN and holes, which the file could not
 * store faithfully. The walk is bounded (depth and node count) so a hostile value cannot exhaust the main process.
 */
export function isJsonValue(value: unknown): value is JsonValue {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (++nodes > MAX_SETTING_NODES || depth > MAX_SETTING_DEPTH) return false;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) return false;
        stack.push({ v: v[i], depth: depth + 1 });
      }
      continue;
    }
    if (typeof v !== 'object') return false;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const inner of Object.values(v)) stack.push({ v: inner, depth: depth + 1 });
  }
  return true;
}

const settingValueSchema = z
  .custom<JsonValue>(isJsonValue, { message: '设置值必须是 JSON 数据' })
  .refine((v) => new TextEncoder().encode(JSON.stringify(v)).byteLength <= MAX_SETTING_BYTES, { message: '设置值过大（超过 1 MB）' });

export const settingEntrySchema = z.strictObject({ key: settingKeySchema, value: settingValueSchema.nullable() });

/** A kept template set: its id is the file name in the per-user folder, so only the store's id shape passes. */
export const templateSetIdSchema = z.string().max(100).regex(STORED_SET_ID);
export const storedTemplateSetSchema = z.strictObject({ id: templateSetIdSchema, text: text(20 * 1024 * 1024) });

const none = z.undefined();

/** One schema per HostApi member: the single argument it takes (undefined for none). */
export const HOST_ARG_SCHEMAS = {
  kind: none,
  startupFile: none,
  openFile: fileKindSchema,
  openRecent: pathSchema,
  recentFiles: none,
  saveFile: saveRequestSchema,
  setDocumentState: documentStateSchema,
  writeRecovery: bytes,
  takeRecovery: none,
  clearRecovery: none,
  confirm: confirmSchema,
  getSetting: settingKeySchema,
  setSetting: settingEntrySchema,
  reopenFile: pathSchema,
  releaseDocument: none,
  listHistory: pathSchema,
  openHistory: historyIdSchema,
  setAsideRecovery: none,
  openFolder: none,
  openUnitFiles: none,
  readUnitFiles: unitFilesRequestSchema,
  listTemplateSets: none,
  saveTemplateSet: storedTemplateSetSchema,
  removeTemplateSet: templateSetIdSchema,
} satisfies Record<keyof HostApi, z.ZodType>;

export const MENU_COMMANDS = [
  'new', 'open', 'save', 'saveAs', 'importExcel', 'importCodes', 'exportExcel', 'exportWord',
  'undo', 'redo', 'copy', 'paste', 'settings', 'about', 'loadTemplate', 'history', 'exportCsv', 'exportData', 'textUses', 'batchCheck',
  'mergeUnits', 'remerge', 'templateFromWorkbook', 'manageTemplates',
] as const satisfies readonly MenuCommand[];

/** Chinese message for a rejected argument: which call and what was wrong, without echoing the data. */
export function describeInvalid(method: string, error: z.ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `（${first.path.join('.')}）` : '';
  return `调用 ${method} 的参数无效${where}`;
}
