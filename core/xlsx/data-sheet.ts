import type ExcelJS from 'exceljs';
import { z } from '../zod';
import type { BudgetDocument, DocumentMeta, JsonValue, OrgLevel, RowData } from '../document/document';
import { amountSchema, jsonSchema, metaFileSchema, rowFileSchema } from '../file/schema';
import { checkJsonShape } from '../file/json-shape';
import { cleanDocumentTexts } from '../document/document-texts';
import { cleanText } from '../document/clean-text';

/**
 * What a table workbook cannot show (document meta, the officer's texts, last year's figures) is kept in a very
 * hidden sheet, so that our own export imports back to the identical document. The tables themselves are always
 * read from the visible sheets: an officer's edits in Excel win.
 */
export const DATA_SHEET_NAME = '_预算公开数据';
const CHUNK = 30_000; // an Excel cell holds at most 32 767 characters

export interface DataSheetPayload {
  format: 'budget-disclosure-xlsx';
  version: 1;
  meta: DocumentMeta;
  inputs: Record<string, JsonValue>;
  priorYear: Record<string, number>;
  /**
   * Extra row facts the printed grid does not show (row ids of project rows, names of fixed rows), and which rows are
   * organisation rows (部门 / 单位) and which organisation each row belongs to, so a re-import restores them exactly.
   */
  rows: Record<string, DataSheetRow[]>;
}

export interface DataSheetRow {
  id: string;
  code?: string;
  name?: string;
  org?: OrgLevel;
  unit?: string;
}

function rowFacts(r: RowData): DataSheetRow {
  const out: DataSheetRow = { id: r.id };
  if (r.code !== undefined) out.code = r.code;
  if (r.name !== undefined) out.name = r.name;
  if (r.org !== undefined) out.org = r.org;
  if (r.unit !== undefined) out.unit = r.unit;
  return out;
}

export function writeDataSheet(wb: ExcelJS.Workbook, doc: BudgetDocument): void {
  const payload: DataSheetPayload = {
    format: 'budget-disclosure-xlsx',
    version: 1,
    meta: doc.meta,
    inputs: doc.inputs,
    priorYear: doc.priorYear,
    rows: Object.fromEntries(Object.entries(doc.tables).map(([id, t]) => [id, t.rows.map(rowFacts)])),
  };
  const json = JSON.stringify(payload);
  const ws = wb.addWorksheet(DATA_SHEET_NAME, { state: 'veryHidden' });
  ws.getCell('A1').value = '本工作表由预算公开编制助手写入，用于重新导入时恢复文档信息，请勿修改。';
  for (let i = 0, r = 2; i < json.length; i += CHUNK, r++) ws.getCell(`A${r}`).value = json.slice(i, i + CHUNK);
}

/**
 * The payload is checked with the pieces of the one document schema (meta, inputs, last year's figures, row facts):
 * a workbook is a file anyone can edit, and what it restores ends up in a saved document that must open again.
 */
const dataSheetSchema = z
  .object({
    format: z.literal('budget-disclosure-xlsx'),
    version: z.literal(1),
    meta: metaFileSchema,
    inputs: z.record(z.string(), jsonSchema),
    priorYear: z.record(z.string(), amountSchema),
    rows: z.record(z.string(), z.array(rowFileSchema.pick({ id: true, code: true, name: true, org: true, unit: true }).strict())),
  })
  .strict();

/**
 * `none`: the workbook has no data sheet (not our export); `invalid`: it has one that is damaged or was changed so
 * that it no longer fits the document schema — the caller ignores it whole and imports the visible tables.
 */
export type DataSheetRead = { kind: 'none' } | { kind: 'ok'; payload: DataSheetPayload } | { kind: 'invalid' };

/** The report line for an ignored data sheet. */
export const DATA_SHEET_IGNORED = '工作簿中的隐藏数据表已损坏或被修改，已忽略，仅按表格内容导入（单位信息、说明文字和上年预算数未恢复，请核对）';

export function readDataSheetChecked(wb: ExcelJS.Workbook): DataSheetRead {
  const ws = wb.getWorksheet(DATA_SHEET_NAME);
  if (!ws) return { kind: 'none' };
  let json = '';
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getCell(`A${r}`).value;
    if (typeof v === 'string') json += v;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { kind: 'invalid' };
  }
  // Depth first: the schema's JSON part is recursive.
  if (checkJsonShape(raw)) return { kind: 'invalid' };
  const parsed = dataSheetSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid' };
  const payload = parsed.data as DataSheetPayload;
  // Texts come back through the same cleaner as every other way in.
  const texts = { meta: payload.meta, inputs: payload.inputs, tables: {} } as unknown as BudgetDocument;
  cleanDocumentTexts(texts);
  for (const rows of Object.values(payload.rows)) for (const r of rows) if (r.name !== undefined) r.name = cleanText(r.name);
  return { kind: 'ok', payload };
}

/** The payload of a valid data sheet, else undefined (no sheet, or one that was ignored). */
export function readDataSheet(wb: ExcelJS.Workbook): DataSheetPayload | undefined {
  const read = readDataSheetChecked(wb);
  return read.kind === 'ok' ? read.payload : undefined;
}
