import { seededRandom } from '../../testing/random';
import ExcelJS from 'exceljs';
import type { BudgetDocument } from '../../document/document';
import { tableTitle } from '../../template/header-layout';
import type { TableDef, TemplateSet } from '../../template/template.schema';
import { printTable, type GridCell, type PrintedTable } from './layout-grid';
import { checkVariant, tableNumber, type LayoutVariant } from './layout-variant';

export { describeVariant, printsBlankZero, printsUnitName, printsYear, type CodeStyle, type LayoutVariant } from './layout-variant';

/**
 * Writes a document as a published workbook of the given layout, straight with exceljs: the layouts our own export
 * never makes (other numbering, titles, code columns, synonyms, notes, 元, blank rows and columns …), so that the
 * import can be tested against the workbooks counties actually publish. Merged header cells are written as Excel
 * writes them (value in the first cell, every cell of the range bordered). Test-only: no data sheet is written.
 */
export async function writeLayout(doc: BudgetDocument, set: TemplateSet, variant: LayoutVariant = {}): Promise<Uint8Array> {
  checkVariant(variant, set);
  const resolved: LayoutVariant = {
    ...variant,
    zeros: variant.zeros ?? (set.display.blankZero ? 'blank' : 'zero'),
    columnNumbers: variant.columnNumbers ?? set.display.columnNumberRow,
  };
  const wb = new ExcelJS.Workbook();
  const names = new Set<string>();
  let shared: ExcelJS.Worksheet | undefined;
  let next = 1;
  for (const def of tableOrder(set.tables, variant.shuffle)) {
    const printed = printTable(doc, def, resolved);
    const titles = titleLines(doc, def, resolved);
    if (resolved.sheets === 'oneSheet') {
      shared ??= wb.addWorksheet('预算公开表');
      next = writeTable(shared, next, printed, titles, resolved) + 2;
    } else {
      writeTable(wb.addWorksheet(sheetName(titles.sheet, names)), 1, printed, titles, resolved);
    }
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

interface TitleLines {
  /** "表3" on its own row, when printed so. */
  numberRow?: string;
  title: string;
  compiler?: string;
  unit?: string;
  sheet: string;
}

function titleLines(doc: BudgetDocument, def: TableDef, variant: LayoutVariant): TitleLines {
  const no = tableNumber(def, variant.numerals);
  const base = tableTitle(def, doc.meta.entityKind);
  const title = `${variant.yearPrefix ? `${doc.meta.unitName}${doc.meta.year}年` : ''}${base}`;
  const unit = `单位：${variant.unit ?? '万元'}`;
  const line = variant.compilerLine ?? '编制部门';
  return {
    ...(variant.number === undefined || variant.number === 'ownRow' ? { numberRow: no } : {}),
    title: variant.number === 'inTitle' ? `${no} ${title}` : title,
    ...(line !== 'none' ? { compiler: `${line}：${doc.meta.compiler}`, unit } : variant.unit === '元' ? { unit } : {}),
    sheet: variant.number === 'none' ? base : `${no} ${base}`,
  };
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Writes one table from `start` (1-based row); returns the first row after it. */
function writeTable(ws: ExcelJS.Worksheet, start: number, t: PrintedTable, titles: TitleLines, variant: LayoutVariant): number {
  let r = start;
  if (titles.numberRow) ws.getCell(r++, 1).value = titles.numberRow;
  const titleCell = ws.getCell(r, 1);
  titleCell.value = titles.title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center' };
  if (t.width > 1) ws.mergeCells(r, 1, r, t.width);
  r++;
  if (titles.compiler || titles.unit) {
    if (titles.compiler) ws.getCell(r, 1).value = titles.compiler;
    if (titles.unit) {
      const unitCell = ws.getCell(r, t.width);
      unitCell.value = titles.unit;
      unitCell.alignment = { horizontal: 'right' };
    }
    r++;
  }

  const headerTop = r;
  t.header.forEach((line, i) => {
    line.forEach((label, c) => {
      const cell = ws.getCell(headerTop + i, c + 1);
      if (label !== null) cell.value = label;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: variant.headerText === 'wrapped' };
      cell.font = { bold: true };
    });
  });
  for (const m of t.merges) ws.mergeCells(headerTop + m.top, m.left + 1, headerTop + m.bottom, m.right + 1);
  r += t.header.length;
  if (t.columnNumbers) {
    t.columnNumbers.forEach((v, c) => {
      if (v !== null) ws.getCell(r, c + 1).value = v;
    });
    r++;
  }
  for (const line of t.body) {
    line.forEach((cell, c) => put(ws.getCell(r, c + 1), cell));
    r++;
  }
  const first = t.blank.findIndex((b) => !b) + 1;
  if (t.noteInBody) {
    ws.getCell(r, first).value = t.noteInBody;
    ws.mergeCells(r, first, r, t.width);
    r++;
  }
  // Every cell of the grid (merged ranges included) bordered, extra blank columns left bare.
  for (let row = headerTop; row < r; row++) {
    for (let c = 1; c <= t.width; c++) if (!t.blank[c - 1]) ws.getCell(row, c).border = THIN;
  }
  if (t.noteUnder) ws.getCell(r++, first).value = t.noteUnder;
  t.blank.forEach((b, c) => (ws.getColumn(c + 1).width = b ? 3 : 14));
  return r;
}

function put(cell: ExcelJS.Cell, value: GridCell | null): void {
  if (value === null) return;
  cell.value = value.value;
  if (value.numFmt) cell.numFmt = value.numFmt;
}

/** Sheet names as Excel allows them: no []:*?/\, at most 31 characters, unique. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 28)}(${n})`;
  taken.add(name);
  return name;
}

/** The template's order, or a seeded shuffle of it (the same seed gives the same order). */
function tableOrder(tables: readonly TableDef[], seed: number | undefined): TableDef[] {
  const out = [...tables];
  if (seed === undefined) return out;
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

