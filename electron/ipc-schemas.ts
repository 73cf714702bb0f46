import { z } from 'zod';
import type { FileKind, HostApi, MenuCommand } from '../core/ipc/contract';

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

export const saveRequestSchema = z.strictObject({
  path: pathSchema.optional(),
  suggestedName: text(255),
  bytes,
  kind: z.enum(['document', 'xlsx', 'docx', 'csv']),
});

export const documentStateSchema = z.strictObject({ title: text(500), dirty: z.boolean() });

export const confirmSchema = z.strictObject({ title: text(200), message: text(), okLabel: text(40) });

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
} satisfies Record<keyof HostApi, z.ZodType>;

export const MENU_COMMANDS = [
  'new', 'open', 'save', 'saveAs', 'importExcel', 'importCodes', 'exportExcel', 'exportWord',
  'undo', 'redo', 'copy', 'paste', 'settings', 'about', 'loadTemplate',
] as const satisfies readonly MenuCommand[];

/** Chinese message for a rejected argument: which call and what was wrong, without echoing the data. */
export function describeInvalid(method: string, error: z.ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `（${first.path.join('.')}）` : '';
  return `调用 ${method} 的参数无效${where}`;
}
