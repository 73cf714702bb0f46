import type { TableDef, TemplateSet } from '../../template/template.schema';
import { headerVocabulary, matchColumns, type ColumnMatch } from './column-matcher';
import type { ImportMap } from './import-map';
import { cellAt, type SheetGrid } from './sheet-reader';
import { columnKey, isTotalLabel, looseLabel, norm, splitTableNumber, titleKey } from './labels';

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

export type { CodeLayout } from './column-matcher';

export interface LocatedTable extends ColumnMatch {
  table: TableDef;
  title: TitleHit;
  /** 0-based sheet rows: first and last header row, first body row, end (exclusive). */
  headerTop: number;
  headerBottom: number;
  bodyStart: number;
  bodyEnd: number;
  compiler?: string;
  /** The cell the compiler line was read from, for the report. */
  compilerCell?: { row: number; col: number };
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
  // A number-typed cell never belongs to a header (whole 元 figures look like codes, so they are not excluded);
  // digits typed as text are a figure with decimals or separators, and otherwise a code (body) or a label.
  return (grid.rows[r] ?? []).some((c) => !c.mergedCopy && (c.num !== undefined || (AMOUNT_TEXT.test(c.text) && /[.,，]/.test(c.text)) || /^\d{3,}$/.test(c.text)));
}

function isHeaderRow(grid: SheetGrid, r: number, vocab: Set<string>): boolean {
  const row = grid.rows[r] ?? [];
  return row.some((c) => c.text !== '' && c.num === undefined && (vocab.has(columnKey(c.text)) || vocab.has(looseLabel(c.text)) || /编码|名称/.test(c.text)));
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

const COMPILER_LINE = /^(编制部门|编制单位|编报单位|部门名称|单位名称|预算单位|编制部门[(（]单位[)）])\s*[:：]\s*(.*)$/s;

export function locateTable(grid: SheetGrid, table: TableDef, title: TitleHit, end: number, map?: ImportMap): LocatedTable | undefined {
  const vocab = headerVocabulary(table, map);
  let compiler: string | undefined;
  let compilerCell: { row: number; col: number } | undefined;
  let unit: '万元' | '元' | undefined;
  let r = title.row + 1;
  let headerTop = -1;
  for (; r < Math.min(end, title.row + 8); r++) {
    for (const [c, cell] of (grid.rows[r] ?? []).entries()) {
      const m = COMPILER_LINE.exec(cell.text);
      // "编制部门：某局    单位：万元" in one cell: the unit is not part of the name.
      if (m && !cell.mergedCopy) {
        compiler = m[2].replace(/\s*(金额)?单位\s*[:：].*$/, '').trim();
        compilerCell = { row: r, col: c };
      }
      const u = /单位\s*[:：]\s*(万元|元)/.exec(cell.text);
      if (u) unit = u[1] as '万元' | '元';
    }
    if (isHeaderRow(grid, r, vocab) && !(grid.rows[r] ?? []).some((c) => COMPILER_LINE.test(c.text))) {
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
  const matched = matchColumns(table, paths, map);
  return {
    table, title, headerTop, headerBottom, bodyStart, bodyEnd: end, ...matched,
    ...(compiler !== undefined ? { compiler, ...(compilerCell ? { compilerCell } : {}) } : {}), ...(unit ? { unit } : {}), ...(columnNumberRow !== undefined ? { columnNumberRow } : {}),
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
export function locateAll(sheets: SheetGrid[], set: TemplateSet, map?: ImportMap): { located: LocatedTable[]; notFound: TableDef[]; headerless: Map<string, TitleHit> } {
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
      found = locateTable(grid, table, hit, next, map?.template === set.id ? map : undefined);
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

/** How well a set fits the workbook, and the signs that decided it (for the import report). */
export interface SetEvidence {
  score: number;
  tablesFound: number;
  tablesTotal: number;
  /** Chinese phrases: "找到 9 张表中的 9 张", "表号为中文数字（表一…）", "表七的 11 列全部对应". */
  reasons: string[];
}

/**
 * How well a set fits the workbook: titles found, template columns and header groups matched, sheet columns left
 * over; then the small signs that tell the 2021 and 2024 sets apart (表三 vs 表3, a column-number row, 部门/单位).
 */
export function setEvidence(sheets: SheetGrid[], set: TemplateSet, map?: ImportMap): SetEvidence {
  const { located } = locateAll(sheets, set, map);
  let score = 0;
  let numberedMatch = 0;
  let columnRowMatch = 0;
  const whole: string[] = [];
  const partial: string[] = [];
  for (const t of located) {
    score += 100 + t.columns.size * 2 - t.unmapped.size * 3 - t.missing.length * 3;
    const grid = sheets[t.title.sheet];
    const groups = new Set(t.table.columns.flatMap((c) => c.header.slice(0, -1)).map(norm));
    const seen = new Set<string>();
    for (let r = t.headerTop; r <= t.headerBottom; r++) for (const cell of grid.rows[r] ?? []) if (groups.has(norm(cell.text))) seen.add(norm(cell.text));
    score += seen.size;
    const numbered = numberNear(grid, t.title);
    if (numbered !== undefined && /^[0-9]/.test(t.table.no.replace(/^表/, '')) === numbered) {
      score += 5;
      numberedMatch++;
    }
    if ((t.columnNumberRow !== undefined) === set.display.columnNumberRow) {
      score += 3;
      columnRowMatch++;
    }
    if (t.title.entityKind && t.title.entityKind === set.entityKind) score += 2;
    const amountCols = t.table.columns.filter((c) => c.kind === 'amount').length;
    if (t.unmapped.size === 0 && t.missing.length === 0) {
      if (amountCols > 4) whole.push(`${t.table.no}的 ${amountCols} 个金额列全部对应`);
    } else partial.push(`${t.table.no}有 ${t.missing.length} 列未找到、${t.unmapped.size} 列无法对应`);
  }
  const reasons = [`找到 ${set.tables.length} 张表中的 ${located.length} 张`];
  if (numberedMatch > 0) reasons.push(`表号写法与模板一致（${set.tables[0]?.no ?? ''}…）`);
  if (columnRowMatch > 0 && set.display.columnNumberRow) reasons.push('表头下有列序号行');
  reasons.push(...whole.slice(0, 3), ...partial.slice(0, 3));
  return { score, tablesFound: located.length, tablesTotal: set.tables.length, reasons };
}

export function setScore(sheets: SheetGrid[], set: TemplateSet, map?: ImportMap): number {
  return setEvidence(sheets, set, map).score;
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
