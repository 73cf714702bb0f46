import type ExcelJS from 'exceljs';
import type { BudgetDocument, DocumentMeta, JsonValue, OrgLevel, RowData } from '../document/document';

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

export function readDataSheet(wb: ExcelJS.Workbook): DataSheetPayload | undefined {
  const ws = wb.getWorksheet(DATA_SHEET_NAME);
  if (!ws) return undefined;
  let json = '';
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getCell(`A${r}`).value;
    if (typeof v === 'string') json += v;
  }
  try {
    const payload = JSON.parse(json) as DataSheetPayload;
    if (payload.format !== 'budget-disclosure-xlsx' || !payload.meta) return undefined;
    return payload;
  } catch {
    return undefined;
  }
}
