import type ExcelJS from 'exceljs';

/**
 * A bureau's blank template workbook read as titled blocks: for each table its number, title, 编制 line and unit,
 * the header rows (every column covered by a label, merged cells repeating their label), an optional column-number
 * row, the body rows (labels of fixed rows, a 合计 line, maybe example rows) and a note under the table. Plain data,
 * so the inference never touches exceljs types.
 */
export interface GridCell {
  text: string;
  num?: number;
  /** The top-left address of the merged range covering this cell (the cell's own address when not merged). */
  master: string;
  /** Indentation level of the cell's alignment (Excel's 缩进), 0 when none. */
  indent: number;
}

export interface Block {
  sheet: string;
  no: string;
  title: string;
  /** The 编制 line's left text ("编制部门：某某局") and the unit printed on it. */
  compiler?: string;
  unit?: '万元' | '元';
  /** Header rows, top to bottom; each row has one cell per column of the block. */
  header: GridCell[][];
  columnNumberRow: boolean;
  body: GridCell[][];
  note?: string;
  width: number;
}

const EMPTY = (address: string): GridCell => ({ text: '', master: address, indent: 0 });

function textOf(value: ExcelJS.CellValue): { text: string; num?: number } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: String(value), num: value };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean' || value instanceof Date) return { text: String(value) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim() };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return typeof result === 'number' ? { text: String(result), num: result } : { text: typeof result === 'string' ? result.trim() : '' };
  }
  if ('text' in value) return { text: String(value.text).trim() };
  return { text: '' };
}

/** The sheet as rows of cells (1 … rowCount, 1 … columnCount), merged cells carrying their master's text. */
export function readGrid(ws: ExcelJS.Worksheet): GridCell[][] {
  const rows: GridCell[][] = [];
  const width = ws.actualColumnCount > 0 ? ws.columnCount : 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: GridCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      const master = cell.isMerged ? cell.master : cell;
      const { text, num } = textOf(master.value);
      row.push(text === '' && num === undefined ? EMPTY(master.address) : { text, ...(num !== undefined ? { num } : {}), master: master.address, indent: cell.alignment?.indent ?? 0 });
    }
    rows.push(row);
  }
  return rows;
}

const NUMBER = /^表\s*([0-9０-９]+|[一二三四五六七八九十]+)$/;
const NUMBER_PREFIX = /^(表\s*(?:[0-9０-９]+|[一二三四五六七八九十]+))[\s:：、.．-]*(.+)$/;
const TITLE_END = /表\s*(?:[（(][^）)]*[）)])?$/;
const UNIT = /单位\s*[:：]\s*(万元|元)/;

/** The distinct texts of a row, merged ranges counted once. */
function distinct(row: GridCell[]): GridCell[] {
  const seen = new Set<string>();
  return row.filter((c) => c.text !== '' && !seen.has(c.master) && seen.add(c.master));
}

const numeric = (text: string) => /^-?[\d,]+(\.\d+)?$/.test(text);

/** Every column covered by a label (merged or not) that is not a figure: a header row. */
function isHeaderRow(row: GridCell[]): boolean {
  return row.length > 0 && row.every((c) => c.text !== '' && c.num === undefined && !numeric(c.text) && c.text !== '**');
}

/** "** ** 1 2 3" under the header (2021 releases), or the plain 1 … n numbering of every column. */
function isColumnNumberRow(row: GridCell[]): boolean {
  const cells = row.filter((c) => c.text !== '');
  if (cells.length < row.length - 1 || cells.length === 0) return false;
  let next = 1;
  for (const c of cells) {
    if (c.text === '**' || c.text === '*') continue;
    if (Number(c.text) !== next) return false;
    next++;
  }
  return next > 1 || cells.every((c) => c.text.startsWith('*'));
}

/** A title: one text (maybe merged across) that ends with 表, or a numbered "表1 …" line. */
function titleOf(row: GridCell[]): { no?: string; title: string } | undefined {
  const texts = distinct(row);
  if (texts.length === 0 || texts.length > 2) return undefined;
  const last = texts[texts.length - 1]!.text.replace(/\s+/g, '');
  if (texts.length === 2 && !NUMBER.test(texts[0]!.text.replace(/\s+/g, ''))) return undefined;
  const prefixed = NUMBER_PREFIX.exec(last);
  if (prefixed && TITLE_END.test(prefixed[2]!)) return { no: prefixed[1]!, title: prefixed[2]! };
  if (!TITLE_END.test(last) || last.length < 4 || UNIT.test(last)) return undefined;
  return { ...(texts.length === 2 ? { no: texts[0]!.text.replace(/\s+/g, '') } : {}), title: last };
}

/** Splits a sheet into its titled blocks (usually one per sheet). */
export function sheetBlocks(sheet: string, grid: GridCell[][]): Block[] {
  const starts: { row: number; no?: string; title: string }[] = [];
  grid.forEach((row, r) => {
    const t = titleOf(row);
    if (t) starts.push({ row: r, ...t });
  });
  const blocks: Block[] = [];
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.row : grid.length;
    // The number may stand alone on the line above the title ("表1" in A1).
    let no = start.no;
    const above = grid[start.row - 1];
    if (!no && above) {
      const t = distinct(above);
      if (t.length === 1 && NUMBER.test(t[0]!.text.replace(/\s+/g, ''))) no = t[0]!.text.replace(/\s+/g, '');
    }
    const block = readBlock(sheet, grid, start.row + 1, end, no ?? `表${i + 1}`, start.title);
    if (block) blocks.push(block);
  });
  return blocks;
}

function readBlock(sheet: string, grid: GridCell[][], from: number, end: number, no: string, title: string): Block | undefined {
  let r = from;
  let compiler: string | undefined;
  let unit: Block['unit'];
  // Lines between the title and the header: the 编制 line and the unit.
  for (; r < end; r++) {
    if (r - from > 4) return undefined;
    const texts = distinct(grid[r]!);
    const line = texts.filter((c) => UNIT.test(c.text) || /^编制/.test(c.text));
    for (const c of line) {
      const u = UNIT.exec(c.text);
      if (u) unit = u[1] as Block['unit'];
      if (/^编制/.test(c.text)) compiler = c.text;
    }
    if (line.length === 0 && isHeaderRow(trimRow(grid[r]!))) break;
  }
  if (r >= end) return undefined;
  const width = trimRow(grid[r]!).length;
  const header: GridCell[][] = [];
  while (r < end && isHeaderRow(grid[r]!.slice(0, width)) && !isColumnNumberRow(grid[r]!.slice(0, width))) header.push(grid[r++]!.slice(0, width));
  if (header.length === 0) return undefined;
  let columnNumberRow = false;
  if (r < end && isColumnNumberRow(grid[r]!.slice(0, width))) {
    columnNumberRow = true;
    r++;
  }
  const body: GridCell[][] = [];
  let note: string | undefined;
  for (; r < end; r++) {
    const row = grid[r]!.slice(0, width);
    const texts = distinct(row);
    if (texts.length === 0) continue;
    // A note spans the table's width, or says 注/备注.
    const spans = texts.length === 1 && row.every((c) => c.master === row[0]!.master);
    if (spans || /^(注|备注|说明)\s*[:：]/.test(texts[0]!.text)) {
      note = texts.map((t) => t.text).join('');
      break;
    }
    body.push(row);
  }
  return { sheet, no, title, ...(compiler ? { compiler } : {}), ...(unit ? { unit } : {}), header, columnNumberRow, body, ...(note ? { note } : {}), width };
}

/** A row without its trailing empty cells. */
function trimRow(row: GridCell[]): GridCell[] {
  let n = row.length;
  while (n > 0 && row[n - 1]!.text === '') n--;
  return row.slice(0, n);
}

/** Each column's header path, from the top group to the leaf, merged cells counted once. */
export function headerPaths(block: Block): string[][] {
  const paths: string[][] = [];
  for (let c = 0; c < block.width; c++) {
    const path: string[] = [];
    let previous = '';
    for (const row of block.header) {
      const cell = row[c]!;
      if (cell.master === previous) continue;
      previous = cell.master;
      path.push(cell.text);
    }
    paths.push(path);
  }
  return paths;
}
