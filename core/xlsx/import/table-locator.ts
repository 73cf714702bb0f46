import type { ColumnDef, TableDef, TemplateSet } from '../../template/template.schema';
import { cellAt, type SheetGrid } from './sheet-reader';
import { isTotalLabel, looseLabel, norm, splitTableNumber, titleKey } from './labels';

/**
 * Finds a template's tables in a workbook laid out like the published tables: the title (with or without 表N,
 * 部门 or 单位, any prefix such as the unit name and year) on any sheet, the 编制部门/单位 line, the header rows
 * (ending before the first figure or at a column-number row), and which sheet column holds which template column.
 */

export interface TitleHit {
  sheet: number;
  row: number;
  col: number;
  text: string;
  entityKind?: '部门' | '单位';
}

export interface CodeLayout {
  /** Split code columns (sheet column indexes) or one combined column. */
  lei?: number;
  kuan?: number;
  xiang?: number;
  full?: number;
}

export interface LocatedTable {
  table: TableDef;
  title: TitleHit;
  /** 0-based sheet rows: first and last header row, first body row, end (exclusive). */
  headerTop: number;
  headerBottom: number;
  bodyStart: number;
  bodyEnd: number;
  /** Template column id → sheet column. */
  columns: Map<string, number>;
  codes: CodeLayout;
  /** Sheet columns with a header that maps to nothing: label by column. */
  unmapped: Map<number, string>;
  /** Template columns not found in the sheet. */
  missing: ColumnDef[];
  compiler?: string;
  unit?: '万元' | '元';
  columnNumberRow?: number;
}

export function titleKeys(table: TableDef): { key: string; kind?: '部门' | '单位' }[] {
  if (!table.title.includes('{主体}')) return [{ key: titleKey(table.title) }];
  return (['部门', '单位'] as const).map((kind) => ({ key: titleKey(table.title.replace('{主体}', kind)), kind }));
}

/** Every cell that reads like the title of one of the set's tables: table id → hits in workbook order. */
export function findTitles(sheets: SheetGrid[], set: TemplateSet): Map<string, TitleHit[]> {
  const keys = set.tables.map((t) => ({ table: t, keys: titleKeys(t) }));
  const hits = new Map<string, TitleHit[]>();
  sheets.forEach((grid, sheet) => {
    grid.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell.mergedCopy || cell.num !== undefined || cell.text.length < 4 || cell.text.length > 80) return;
        const key = titleKey(splitTableNumber(cell.text).rest);
        let best: { table: TableDef; kind?: '部门' | '单位'; len: number } | undefined;
        for (const { table, keys: ks } of keys) {
          for (const k of ks) {
            if (key.endsWith(k.key) && (!best || k.key.length > best.len)) best = { table, kind: k.kind, len: k.key.length };
          }
        }
        if (!best) return;
        const list = hits.get(best.table.id) ?? [];
        list.push({ sheet, row: r, col: c, text: cell.text, ...(best.kind ? { entityKind: best.kind } : {}) });
        hits.set(best.table.id, list);
      });
    });
  });
  return hits;
}

const AMOUNT_TEXT = /^[+-]?[\d,，]+(\.\d+)?$/;
const CODE_LABEL = /^(类|款|项)$/;

function isColumnNumberRow(grid: SheetGrid, r: number): boolean {
  const row = grid.rows[r] ?? [];
  const texts = row.map((c) => c.text).filter((t) => t !== '');
  if (texts.length < 2) return false;
  let expected = 1;
  let numbers = 0;
  for (const t of texts) {
    if (/^\*+$/.test(t) || /^(栏次|行次)$/.test(t)) continue;
    if (t !== String(expected)) return false;
    expected++;
    numbers++;
  }
  return numbers >= 1;
}

function hasFigure(grid: SheetGrid, r: number): boolean {
  return (grid.rows[r] ?? []).some((c) => !c.mergedCopy && (c.num !== undefined || AMOUNT_TEXT.test(c.text)) && !/^\d{3,}$/.test(c.text));
}

function headerVocabulary(table: TableDef): Set<string> {
  const words = new Set<string>(['类', '款', '项', '项目', '科目', '科目编码', '科目名称', '功能分类', '经济分类']);
  for (const col of table.columns) for (const label of col.header) {
    words.add(norm(label));
    words.add(looseLabel(label));
  }
  return words;
}

function isHeaderRow(grid: SheetGrid, r: number, vocab: Set<string>): boolean {
  const row = grid.rows[r] ?? [];
  return row.some((c) => c.text !== '' && c.num === undefined && (vocab.has(norm(c.text)) || vocab.has(looseLabel(c.text)) || /编码|名称/.test(c.text)));
}

/** A 合计 line of an empty table: "合计" printed in a column headed 名称/项目, not a header label. */
function isTotalLine(grid: SheetGrid, r: number, headerTop: number): boolean {
  return (grid.rows[r] ?? []).some((cell, c) => {
    if (cell.mergedCopy || !isTotalLabel(cell.text)) return false;
    for (let k = r - 1; k >= headerTop; k--) {
      const above = cellAt(grid, k, c).text;
      if (above) return /名称|项目|科目|内容|功能分类|经济分类/.test(above);
    }
    return false;
  });
}

export function locateTable(grid: SheetGrid, table: TableDef, title: TitleHit, end: number): LocatedTable | undefined {
  const vocab = headerVocabulary(table);
  let compiler: string | undefined;
  let unit: '万元' | '元' | undefined;
  let r = title.row + 1;
  let headerTop = -1;
  for (; r < Math.min(end, title.row + 8); r++) {
    for (const cell of grid.rows[r] ?? []) {
      const m = /^(编制部门|编制单位|部门名称|单位名称|预算单位)\s*[:：]\s*(.*)$/.exec(cell.text);
      // "编制部门：某局    单位：万元" in one cell: the unit is not part of the name.
      if (m && !cell.mergedCopy) compiler = m[2].replace(/\s*(金额)?单位\s*[:：].*$/, '').trim();
      const u = /单位\s*[:：]\s*(万元|元)/.exec(cell.text);
      if (u) unit = u[1] as '万元' | '元';
    }
    if (isHeaderRow(grid, r, vocab) && !(grid.rows[r] ?? []).some((c) => /^(编制部门|编制单位|部门名称|单位名称|预算单位)\s*[:：]/.test(c.text))) {
      headerTop = r;
      break;
    }
  }
  if (headerTop < 0) return undefined;
  let headerBottom = headerTop;
  let columnNumberRow: number | undefined;
  for (let k = headerTop + 1; k < Math.min(end, headerTop + 6); k++) {
    if (isColumnNumberRow(grid, k)) {
      columnNumberRow = k;
      break;
    }
    if (hasFigure(grid, k) || !isHeaderRow(grid, k, vocab) || isTotalLine(grid, k, headerTop)) break;
    headerBottom = k;
  }
  const bodyStart = (columnNumberRow ?? headerBottom) + 1;

  // Header path of every sheet column (merged labels repeat; consecutive duplicates collapse).
  const paths: string[][] = [];
  for (let c = 0; c < grid.width; c++) {
    const path: string[] = [];
    for (let k = headerTop; k <= headerBottom; k++) {
      const t = cellAt(grid, k, c).text;
      if (t !== '' && norm(t) !== norm(path[path.length - 1] ?? '')) path.push(t);
    }
    paths.push(path);
  }
  const codes: CodeLayout = {};
  const used = new Set<number>();
  paths.forEach((p, c) => {
    const leaf = norm(p[p.length - 1] ?? '');
    if (CODE_LABEL.test(leaf)) {
      const part = leaf === '类' ? 'lei' : leaf === '款' ? 'kuan' : 'xiang';
      if (codes[part] === undefined) {
        codes[part] = c;
        used.add(c);
      }
    }
  });
  if (codes.lei === undefined && codes.kuan === undefined) {
    const c = paths.findIndex((p) => p.length > 0 && /类款|编码|代码/.test(norm(p[p.length - 1])) && !/名称/.test(p[p.length - 1]));
    if (c >= 0) {
      codes.full = c;
      used.add(c);
    }
  }

  const columns = new Map<string, number>();
  const pending = table.columns.filter((col) => col.kind !== 'code');
  const match = (col: ColumnDef, eq: (a: string, b: string) => boolean) => {
    const leaf = col.header[col.header.length - 1];
    const candidates = paths
      .map((p, c) => ({ p, c }))
      .filter(({ p, c }) => !used.has(c) && p.length > 0 && eq(p[p.length - 1], leaf));
    if (candidates.length === 0) return;
    const groups = col.header.slice(0, -1).map(norm);
    const score = (p: string[]) => groups.filter((g) => p.slice(0, -1).some((x) => norm(x) === g || looseLabel(x) === looseLabel(g))).length;
    const extra = (p: string[]) => Math.abs(p.length - col.header.length);
    candidates.sort((a, b) => score(b.p) - score(a.p) || extra(a.p) - extra(b.p) || a.c - b.c);
    columns.set(col.id, candidates[0].c);
    used.add(candidates[0].c);
  };
  for (const col of pending) match(col, (a, b) => norm(a) === norm(b));
  for (const col of pending) if (!columns.has(col.id)) match(col, (a, b) => looseLabel(a) === looseLabel(b));
  const name = table.columns.find((c) => c.kind === 'name' && !columns.has(c.id));
  if (name) {
    const c = paths.findIndex((p, i) => !used.has(i) && p.length > 0 && /名称|^项目$|^科目$/.test(norm(p[p.length - 1])));
    if (c >= 0) {
      columns.set(name.id, c);
      used.add(c);
    }
  }
  // Split code columns in the template but one combined column in the sheet (or the reverse) are both fine.
  const codeFound = codes.full !== undefined || codes.lei !== undefined || codes.kuan !== undefined;
  const missing = table.columns.filter((c) => (c.kind === 'code' ? !codeFound : !columns.has(c.id)));
  const unmapped = new Map<number, string>();
  paths.forEach((p, c) => {
    if (!used.has(c) && p.length > 0) unmapped.set(c, p.join('/'));
  });
  return {
    table, title, headerTop, headerBottom, bodyStart, bodyEnd: end, columns, codes, unmapped, missing,
    ...(compiler !== undefined ? { compiler } : {}), ...(unit ? { unit } : {}), ...(columnNumberRow !== undefined ? { columnNumberRow } : {}),
  };
}

function isNumberOnlyRow(grid: SheetGrid, r: number): boolean {
  const texts = (grid.rows[r] ?? []).filter((c) => c.text !== '' && !c.mergedCopy);
  return texts.length === 1 && /^(附)?表\s*([0-9]+|[零一二三四五六七八九十]+)$/.test(texts[0].text.trim());
}

/**
 * Places every table of the set: the first title hit whose region has a recognisable header wins (a 目录 sheet
 * lists titles too). A table's region ends at the next title of any table on the same sheet.
 */
export function locateAll(sheets: SheetGrid[], set: TemplateSet): { located: LocatedTable[]; notFound: TableDef[]; headerless: Map<string, TitleHit> } {
  const hits = findTitles(sheets, set);
  const allHits = [...hits.values()].flat();
  const located: LocatedTable[] = [];
  const notFound: TableDef[] = [];
  /** Tables whose title was seen but with no recognisable header below it (reported, not guessed). */
  const headerless = new Map<string, TitleHit>();
  for (const table of set.tables) {
    let found: LocatedTable | undefined;
    for (const hit of hits.get(table.id) ?? []) {
      const grid = sheets[hit.sheet];
      let next = allHits.filter((h) => h.sheet === hit.sheet && h.row > hit.row).reduce((m, h) => Math.min(m, h.row), grid.rows.length);
      // The next table's number ("表四") on its own line above its title belongs to that table.
      while (next - 1 > hit.row && isNumberOnlyRow(grid, next - 1)) next--;
      found = locateTable(grid, table, hit, next);
      if (found) break;
    }
    if (found) located.push(found);
    else {
      notFound.push(table);
      const first = hits.get(table.id)?.[0];
      if (first) headerless.set(table.id, first);
    }
  }
  return { located, notFound, headerless };
}

/**
 * How well a set fits the workbook: titles found, template columns and header groups matched, sheet columns left
 * over; then the small signs that tell the 2021 and 2024 sets apart (表三 vs 表3, a column-number row, 部门/单位).
 */
export function setScore(sheets: SheetGrid[], set: TemplateSet): number {
  const { located } = locateAll(sheets, set);
  let score = 0;
  for (const t of located) {
    score += 100 + t.columns.size * 2 - t.unmapped.size * 3 - t.missing.length * 3;
    const grid = sheets[t.title.sheet];
    const groups = new Set(t.table.columns.flatMap((c) => c.header.slice(0, -1)).map(norm));
    const seen = new Set<string>();
    for (let r = t.headerTop; r <= t.headerBottom; r++) for (const cell of grid.rows[r] ?? []) if (groups.has(norm(cell.text))) seen.add(norm(cell.text));
    score += seen.size;
    const numbered = numberNear(grid, t.title);
    if (numbered !== undefined && /^[0-9]/.test(t.table.no.replace(/^表/, '')) === numbered) score += 5;
    if ((t.columnNumberRow !== undefined) === set.display.columnNumberRow) score += 3;
    if (t.title.entityKind && t.title.entityKind === set.entityKind) score += 2;
  }
  return score;
}

/** Whether the table number near a title is written in Arabic digits (表3) — true — or Chinese (表三) — false. */
function numberNear(grid: SheetGrid, title: TitleHit): boolean | undefined {
  for (let r = title.row; r >= Math.max(0, title.row - 2); r--) {
    for (const cell of grid.rows[r] ?? []) {
      const m = /^(附)?表\s*([0-9]+|[零一二三四五六七八九十]+)/.exec(cell.text);
      if (m) return /^[0-9]/.test(m[2]);
    }
  }
  return undefined;
}
