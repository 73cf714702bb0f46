import { tableInPrintUnit } from '../layout/print-unit';
import ExcelJS from 'exceljs';
import { isOrgRow, type BudgetDocument } from '../document/document';
import type { TableDef, TemplateSet } from '../template/template.schema';
import { tableTitle } from '../template/header-layout';
import { printedLayout, type PrintedRow } from '../layout/printed-layout';
import { tableBlocks, type Block } from './rounding/table-structure';
import { writeDataSheet } from './data-sheet';
import { documentForExport } from '../document/export-guard';
import { cleanText } from '../document/clean-text';
import { sheetNameFor, columnLetter, textWidth } from './sheet-names';

/**
 * Excel export: one sheet per table laid out like the printed release (number, title, 编制部门/单位 line, merged
 * multi-level header, optional column-number row, body, the table's note or its 空表 note), styled for A4 printing.
 * Bytes out, no I/O.
 */
export interface ExportXlsxOptions {
  /** Write subtotal and 合计 cells as formulas (with their cached results) instead of plain figures. */
  formulas?: boolean;
  /** Override the document's blank-zero display (default: the document's setting, else the template's). */
  blankZero?: boolean;
  /** Called after each sheet and before the workbook is packed, for a progress bar on large documents. */
  onProgress?: (done: number, total: number, stage: string) => void;
}

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Cells get whole style objects shared between all cells that look alike. exceljs turns a style into its style
 * index once per style object it meets (a cell styled property by property owns a fresh object, and pays a full
 * XML serialisation of font, border and alignment at write time), so sharing is what keeps a 10,000-row table
 * close to the cost of writing bare values. A shared object is never changed after it is handed out.
 */
type CellStyle = Partial<ExcelJS.Style>;

/** The looks of body cells, made on first use: by kind and weight, and for texts by alignment, indent and wrap. */
class BodyStyles {
  private readonly plain = new Map<number, CellStyle>();
  private readonly texts = new Map<number, CellStyle[]>();

  /** An amount (0), code (1) or empty (2) cell, bold or not. */
  fixed(kind: 0 | 1 | 2, emphasis: boolean): CellStyle {
    const key = kind * 2 + (emphasis ? 1 : 0);
    let style = this.plain.get(key);
    if (!style) {
      const font = emphasis ? BODY_FONT_BOLD : BODY_FONT;
      if (kind === 0) style = { border: BORDER, font, numFmt: '0.00', alignment: { horizontal: 'right', vertical: 'middle' } };
      else if (kind === 1) style = { border: BORDER, font, numFmt: '@', alignment: { horizontal: 'center', vertical: 'middle' } };
      else style = { border: BORDER, font };
      this.plain.set(key, style);
    }
    return style;
  }

  /** A label or text cell: centred (合计 / 总计) or left with its indent, wrapped or not. */
  text(emphasis: boolean, centred: boolean, indent: number, wrap: boolean): CellStyle {
    let byLook = this.texts.get(indent);
    if (!byLook) this.texts.set(indent, (byLook = []));
    const key = (centred ? 4 : 0) + (wrap ? 2 : 0) + (emphasis ? 1 : 0);
    let style = byLook[key];
    if (!style) {
      const alignment: Partial<ExcelJS.Alignment> = { horizontal: centred ? 'center' : 'left', vertical: 'middle', indent: centred ? 0 : indent, wrapText: wrap };
      style = byLook[key] = { border: BORDER, font: emphasis ? BODY_FONT_BOLD : BODY_FONT, alignment };
    }
    return style;
  }
}

const HEADER_STYLE: CellStyle = {
  border: BORDER,
  font: { name: FONT, size: 10, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const NUMBER_ROW_STYLE: CellStyle = { border: BORDER, font: { name: FONT, size: 10 }, alignment: { horizontal: 'center', vertical: 'middle' } };
const BODY_FONT = { name: FONT, size: 10, bold: false };
const BODY_FONT_BOLD = { name: FONT, size: 10, bold: true };

/** Where the parts of a sheet are: the importer of our own export relies on the same layout being recognisable. */
export interface SheetLayout {
  titleRow: number;
  compilerRow: number;
  headerTop: number;
  headerBottom: number;
  firstBodyRow: number;
}

/** Throws (Chinese message naming the fields) while a text is over Excel's cell limit, whatever the caller's force. */
export async function exportXlsx(input: BudgetDocument, template: TemplateSet, options: ExportXlsxOptions = {}): Promise<Uint8Array> {
  const doc = documentForExport(input, template);
  const wb = new ExcelJS.Workbook();
  wb.creator = '预算公开编制助手';
  wb.title = cleanText(`${doc.meta.unitName}${doc.meta.year}年${doc.meta.entityKind}预算公开表`);
  const used = new Set<string>();
  const total = template.tables.length + 1;
  template.tables.forEach((table, i) => {
    writeTableSheet(wb, doc, template, table, options, used);
    options.onProgress?.(i + 1, total, `${table.no} ${tableTitle(table, doc.meta.entityKind)}`);
  });
  writeDataSheet(wb, doc);
  options.onProgress?.(total, total, '正在生成文件');
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function writeTableSheet(
  wb: ExcelJS.Workbook,
  doc: BudgetDocument,
  template: TemplateSet,
  table: TableDef,
  options: ExportXlsxOptions,
  used: Set<string>,
): void {
  const title = tableTitle(table, doc.meta.entityKind);
  const ws = wb.addWorksheet(sheetNameFor(table.no, title, used));
  const nCols = table.columns.length;
  // A table with a display unit of its own (Shanghai 三公 in 万元) prints converted; the data sheet keeps the stored figures.
  const printed = printedLayout(tableInPrintUnit(doc, template, table), template, table, { blankZero: options.blankZero });
  const { header, blankZero, rows: lines, note } = printed;
  const layout: SheetLayout = { titleRow: 2, compilerRow: 3, headerTop: 4, headerBottom: 3 + header.depth, firstBodyRow: 4 + header.depth };

  // Number and title.
  const noCell = ws.getCell('A1');
  noCell.value = table.no;
  noCell.font = { name: '黑体', size: 12 };
  putMerged(ws, layout.titleRow, 1, nCols, title, { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } });
  ws.getRow(layout.titleRow).height = 30;

  // 编制部门 left, 单位 right.
  const unit = table.amountUnit ?? template.amountUnit;
  const split = Math.max(1, nCols - Math.max(1, Math.floor(nCols / 3)));
  const small = { name: FONT, size: 10 };
  putMerged(ws, layout.compilerRow, 1, split, `${template.display.compilerPrefix}${doc.meta.compiler}`, { font: small, alignment: { horizontal: 'left', vertical: 'middle' } });
  putMerged(ws, layout.compilerRow, Math.min(nCols, split + 1), nCols, `单位：${unit}`, { font: small, alignment: { horizontal: 'right', vertical: 'middle' } });

  // Header: every cell of a merged range is styled so borders print on all of it.
  for (const cell of header.cells) {
    const top = layout.headerTop + cell.row;
    const left = cell.col + 1;
    const bottom = top + cell.rowSpan - 1;
    const right = left + cell.colSpan - 1;
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) ws.getCell(r, c).style = HEADER_STYLE;
    }
    if (cell.rowSpan > 1 || cell.colSpan > 1) ws.mergeCells(top, left, bottom, right);
    ws.getCell(top, left).value = cleanText(cell.label);
  }
  let bodyRow = layout.firstBodyRow;
  // The 2021 releases number the columns of the code and 三公 tables, not of the two side-by-side overviews.
  if (printed.columnNumbers) {
    printed.columnNumbers.forEach((n, i) => {
      const x = ws.getCell(bodyRow, i + 1);
      x.value = n;
      x.style = NUMBER_ROW_STYLE;
    });
    bodyRow++;
  }
  const lastHeaderRow = bodyRow - 1;

  // Body.
  const rowOf = new Map<string, number>();
  lines.forEach((line, i) => line.rowIds.forEach((id) => id && rowOf.set(id, bodyRow + i)));
  const formulaFor = options.formulas ? formulaBuilder(doc, table, rowOf) : undefined;
  // Widths: the template's hint, widened to the longest text of the column (a Chinese character is 2 units).
  // One pass over the cells; each text's width is kept for the wrapping decision when its line is written.
  const columns = table.columns;
  const want = columns.map((col) => {
    const w = col.kind === 'amount' ? 10 : col.kind === 'code' ? (col.codePart === 'full' ? 8 : Math.max(5, (col.width ?? 3) * 1.5)) : Math.max(8, (col.width ?? 10) * 1.6);
    return col.kind === 'code' && col.codePart !== 'full' ? Math.max(w, Math.min(textWidth(leafOf(col)) + 2, 12)) : w;
  });
  const textWidths = new Int32Array(lines.length * nCols);
  lines.forEach((line, r) => {
    for (let i = 0; i < nCols; i++) {
      const cell = line.cells[i];
      if (cell.kind === 'text') {
        const tw = textWidth(cell.text);
        textWidths[r * nCols + i] = tw;
        want[i] = Math.max(want[i], tw + 2 + (cell.indent ?? 0) * 2);
      } else if (cell.kind === 'amount') want[i] = Math.max(want[i], String(cell.value / 100).length + 5);
    }
  });
  const widths = columns.map((col, i) => Math.ceil(Math.min(want[i], col.kind === 'name' || col.kind === 'text' ? 50 : 20)));
  const styles = new BodyStyles();
  lines.forEach((line, r) => writeLine(ws, bodyRow + r, line, table, blankZero, widths, textWidths.subarray(r * nCols, (r + 1) * nCols), styles, formulaFor));
  bodyRow += lines.length;

  if (note) {
    putMerged(ws, bodyRow, 1, nCols, note, { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } });
    // Excel does not grow a merged row for wrapped text: size it for the note's lines across the table's width.
    const lineCount = note.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / Math.max(1, widths.reduce((a, b) => a + b, 0) - 2))), 0);
    ws.getRow(bodyRow).height = Math.max(20, 14 * lineCount + 6);
  }

  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // Header rows tall enough for wrapped labels (Excel does not grow rows for merged cells).
  for (let r = 0; r < header.depth; r++) {
    let lineCount = 1;
    for (const cell of header.cells.filter((c) => c.row === r && c.rowSpan === 1)) {
      const width = widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
      lineCount = Math.max(lineCount, Math.ceil(textWidth(cell.label) / Math.max(1, width - 1)));
    }
    ws.getRow(layout.headerTop + r).height = Math.max(20, 14 * lineCount + 6);
  }

  const totalWidth = widths.reduce((a, b) => a + b, 0);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: lastHeaderRow, showGridLines: false }];
  ws.pageSetup = {
    paperSize: 9 as unknown as ExcelJS.PaperSize,
    orientation: table.landscape || totalWidth > 100 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    // The two overviews (收支总表, 财政拨款收支总表) and the short fixed tables are printed on one page in releases;
    // left to grow, their last lines (收入总计 / 支出总计) fall alone onto a second page. Coded tables run as long
    // as they must.
    fitToHeight: table.rows.kind === 'sideBySide' || table.rows.kind === 'fixed' ? 1 : 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  } as Partial<ExcelJS.PageSetup> as ExcelJS.PageSetup;
  ws.pageSetup.printTitlesRow = `${layout.headerTop}:${lastHeaderRow}`;
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

/** Writes a value across columns c1..c2 of one row, styling every cell of the range (not only its first). */
function putMerged(ws: ExcelJS.Worksheet, r: number, c1: number, c2: number, value: string, style: Pick<ExcelJS.Style, 'font' | 'alignment'>): void {
  const shared: CellStyle = { font: style.font, alignment: style.alignment };
  for (let c = c1; c <= c2; c++) ws.getCell(r, c).style = shared;
  if (c2 > c1) ws.mergeCells(r, c1, r, c2);
  ws.getCell(r, c1).value = cleanText(value);
}

const isTotalLabel = (text: string) => /^(合\s*计|总\s*计|收\s*入\s*总\s*计|支\s*出\s*总\s*计)$/.test(text.trim());

type FormulaFor = (rowId: string, colId: string, value: number) => string | undefined;

const leafOf = (col: { header: string[] }) => col.header[col.header.length - 1];

function writeLine(
  ws: ExcelJS.Worksheet,
  r: number,
  line: PrintedRow,
  table: TableDef,
  blankZero: boolean,
  widths: number[],
  textWidths: Int32Array,
  styles: BodyStyles,
  formulaFor?: FormulaFor,
): void {
  const row = ws.getRow(r);
  let lineCount = 1;
  const cells = line.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const x = row.getCell(i + 1);
    if (cell.kind === 'amount') {
      // A zero result is not saved by exceljs; a formula without a cached result would read back as unknown.
      const formula = cell.value !== 0 ? formulaFor?.(cell.rowId, cell.colId, cell.value) : undefined;
      if (formula) x.value = { formula, result: cell.value / 100 };
      else x.value = cell.value === 0 && blankZero ? null : cell.value / 100;
      x.style = styles.fixed(0, line.emphasis);
    } else if (cell.kind === 'text') {
      x.value = cell.text === '' ? null : cleanText(cell.text);
      if (cell.code) {
        x.style = styles.fixed(1, line.emphasis);
      } else {
        const kind = table.columns[i].kind;
        const indent = cell.indent ?? 0;
        const centred = kind === 'name' && isTotalLabel(cell.text);
        // Text wider than its (capped) column wraps, and the row grows: a long project name is never cut off.
        const need = Math.ceil((textWidths[i] + indent * 2) / Math.max(1, widths[i] - 2));
        lineCount = Math.max(lineCount, need);
        x.style = styles.text(line.emphasis, centred, indent, kind === 'text' || need > 1);
      }
    } else {
      x.value = null;
      x.style = styles.fixed(2, line.emphasis);
    }
  }
  row.height = Math.max(18, 14 * lineCount + 4);
}

/**
 * Formula for a computed cell: a column formula ("合计 = 基本支出 + 项目支出") in the same row, or the row's
 * children (类 = Σ 款) in the same column, a child taken with a minus where the set's formula subtracts it.
 * Written only when the stored figure equals what the formula gives, so the cached result is always right;
 * otherwise the figure is written as a plain number.
 */
function formulaBuilder(doc: BudgetDocument, table: TableDef, rowOf: Map<string, number>): FormulaFor {
  // Organisation rows are plain figures: left out, 合计 is the sum of the 类 rows again (written only where it holds).
  const rows = (doc.tables[table.id]?.rows ?? []).filter((r) => !isOrgRow(r));
  const values = new Map(rows.map((r) => [r.id, r.values]));
  // Each row's blocks in order, so a cell finds its block without scanning every block of the table.
  const blocksOfRow = new Map<string, { block: Block; colSet: Set<string> }[]>();
  for (const block of tableBlocks(table, rows)) {
    const entry = { block, colSet: new Set(block.cols) };
    for (const id of block.rows) {
      const list = blocksOfRow.get(id);
      if (list) list.push(entry);
      else blocksOfRow.set(id, [entry]);
    }
  }
  const letterOf = new Map(table.columns.map((c, i) => [c.id, columnLetter(i + 1)]));
  return (rowId, colId, value) => {
    const block = blocksOfRow.get(rowId)?.find((e) => e.colSet.has(colId))?.block;
    if (!block) return undefined;
    let formula = '';
    let sum = 0;
    const term = (ref: string, v: number, negative: boolean) => {
      formula += (negative ? '-' : formula ? '+' : '') + ref;
      sum += negative ? -v : v;
    };
    const parts = block.colChildren.get(colId);
    const kids = block.rowChildren.get(rowId);
    if (parts) {
      const own = values.get(rowId);
      const r = rowOf.get(rowId);
      for (const c of parts) term(`${letterOf.get(c)}${r}`, own?.[c] ?? 0, block.colNegative?.has(c) ?? false);
    } else if (kids && kids.every((k) => rowOf.has(k))) {
      const letter = letterOf.get(colId);
      for (const k of kids) term(`${letter}${rowOf.get(k)}`, values.get(k)?.[colId] ?? 0, block.rowNegative?.has(k) ?? false);
    } else return undefined;
    if (sum !== value) return undefined;
    return formula.length < 8000 ? formula : undefined;
  };
}
