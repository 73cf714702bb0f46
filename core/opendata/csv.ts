import { strToU8, zipSync } from 'fflate';
import { formatAmount } from '../amount/amount';
import type { BudgetDocument } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { tableData, type DataTable } from './table-data';

/**
 * One CSV per table for open-data portals and for analysts who read with Excel or a script: UTF-8 with a BOM (so
 * Excel on a Chinese Windows reads it as UTF-8, not GBK), CRLF lines, RFC 4180 quoting, a header row with the
 * printed column names, plain numbers ("824.50", no thousands separators, zero as 0.00).
 */

const BOM = '\uFEFF';

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function tableCsv(data: DataTable): string {
  const lines = [data.columns.map((c) => field(c.label)).join(',')];
  for (const row of data.rows) {
    lines.push(row.values.map((v) => {
      if (v === null) return '';
      if (typeof v === 'number') return formatAmount(v);
      return field(v);
    }).join(','));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A file name from the printed number and title; characters Windows refuses in names become "_". */
export function csvFileName(data: Pick<DataTable, 'no' | 'title'>): string {
  const name = `${data.no} ${data.title}.csv`.replace(/[\\/:*?"<>|]/g, '_');
  return [...name].map((ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
}

/** Every table of the document as { name, text }, in template order. */
export function documentCsvFiles(doc: BudgetDocument, template: TemplateSet): { name: string; text: string }[] {
  return template.tables.map((t) => {
    const data = tableData(doc, template, t);
    return { name: csvFileName(data), text: tableCsv(data) };
  });
}

/** Every table's CSV in one zip (the app saves one file; UTF-8 names, which fflate marks as such). */
export function documentCsvZip(doc: BudgetDocument, template: TemplateSet): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const f of documentCsvFiles(doc, template)) files[f.name] = strToU8(f.text);
  return zipSync(files, { level: 6 });
}
