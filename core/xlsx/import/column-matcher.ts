import type { ColumnDef, TableDef } from '../../template/template.schema';
import { mapTarget, type ImportMap } from './import-map';
import { columnKey, looseLabel, norm } from './labels';

/**
 * Which sheet column holds which template column, by meaning: each column's printed leaf label against the
 * template's label and synonyms (exact after normalisation, then loosely), header groups breaking ties; code columns
 * split (类 | 款 | 项) or combined; the officer's answers from an ImportMap; and the columns that are read but not
 * needed (a 科目名称 beside the code in a project table, 序号, 栏次, 备注).
 */

export interface CodeLayout {
  /** Split code columns (sheet column indexes) or one combined column. */
  lei?: number;
  kuan?: number;
  xiang?: number;
  full?: number;
}

export interface ColumnMatch {
  /** Template column id → sheet column. */
  columns: Map<string, number>;
  codes: CodeLayout;
  /**
   * A 科目名称 column the template does not store (the project table's name column is 项目名称): read for the names
   * of 类/款/项 subtotal rows, otherwise not needed.
   */
  codeName?: number;
  /** Sheet columns read but not needed: label by column. */
  unneeded: Map<number, string>;
  /** Sheet columns the officer chose to ignore (map value null). */
  ignored: Map<number, string>;
  /** Sheet columns with a header that maps to nothing: label by column. */
  unmapped: Map<number, string>;
  /** Template columns not found in the sheet. */
  missing: ColumnDef[];
  /** Template column id → the map entry that placed it (for the report). */
  fromMap: Map<string, string>;
  /**
   * A coded table printed as two lists (决算 表6 人员经费 | 公用经费): the first sheet column of the right-hand list and
   * each list's code columns (`codes` is the left one's). Absent when the sheet prints the rows as one list.
   */
  sides?: { start: number; codes: [CodeLayout, CodeLayout] };
}

const CODE_LEAF = /^(类|款|项)$/;
const COMBINED_CODE = /类款|编码|代码/;
/** Name columns of coded tables, whatever the template calls its own. */
const CODE_NAME = /^(功能分类|经济分类|支出功能分类|支出经济分类)?科目名称$|^名称$/;
const NAME_FALLBACK = /名称$|^项目$|^科目$/;
const NOT_NEEDED = /^(序号|栏次|行次|备注|说明|编号)$/;

/** Printed leaf labels a template column answers to. */
export function columnLabels(col: ColumnDef): string[] {
  return [col.header[col.header.length - 1], ...(col.synonyms ?? [])];
}

export function matchColumns(table: TableDef, paths: string[][], map?: ImportMap): ColumnMatch {
  const used = new Set<number>();
  // Two printed lists each have their own code columns: the left list's are the table's, the right one's its own.
  const start = rightListStart(table, paths);
  const codes = codeLayout(paths, used, 0, start ?? paths.length);
  const right = start !== undefined ? codeLayout(paths, used, start, paths.length) : undefined;
  const sides = start !== undefined && right && hasCodes(right) ? { start, codes: [codes, right] as [CodeLayout, CodeLayout] } : undefined;
  const columns = new Map<string, number>();
  const fromMap = new Map<string, string>();
  const ignored = new Map<number, string>();
  const pending = table.columns.filter((col) => col.kind !== 'code');
  const leafOf = (p: string[]) => p[p.length - 1] ?? '';

  // The officer's answers come first: they exist because the labels alone did not decide.
  paths.forEach((p, c) => {
    if (used.has(c) || p.length === 0) return;
    const label = p.join('/');
    let target = mapTarget(map, 'column', table.id, label);
    if (target === undefined || target === '') target = mapTarget(map, 'column', table.id, leafOf(p));
    if (target === null) {
      ignored.set(c, label);
      used.add(c);
    } else if (target && !columns.has(target) && pending.some((col) => col.id === target)) {
      columns.set(target, c);
      fromMap.set(target, label);
      used.add(c);
    }
  });

  const match = (col: ColumnDef, key: (s: string) => string, labels: string[]) => {
    if (columns.has(col.id)) return;
    const wanted = new Set(labels.map(key));
    const candidates = paths
      .map((p, c) => ({ p, c }))
      .filter(({ p, c }) => !used.has(c) && p.length > 0 && wanted.has(key(leafOf(p))));
    if (candidates.length === 0) return;
    const groups = col.header.slice(0, -1).map(norm);
    const score = (p: string[]) => groups.filter((g) => p.slice(0, -1).some((x) => norm(x) === g || looseLabel(x) === looseLabel(g))).length;
    const extra = (p: string[]) => Math.abs(p.length - col.header.length);
    candidates.sort((a, b) => score(b.p) - score(a.p) || extra(a.p) - extra(b.p) || a.c - b.c);
    columns.set(col.id, candidates[0].c);
    used.add(candidates[0].c);
  };
  // The template's own labels first, so that one column's synonym never takes another column's printed label.
  for (const col of pending) match(col, columnKey, [col.header[col.header.length - 1]]);
  for (const col of pending) match(col, columnKey, columnLabels(col));
  for (const col of pending) match(col, looseLabel, columnLabels(col));

  // Coded tables: any 科目名称-like column is the name column when the template's own label is not printed.
  const name = table.columns.find((c) => c.kind === 'name' && !columns.has(c.id) && c.side === undefined);
  if (name && table.rows.kind === 'coded') {
    const c = paths.findIndex((p, i) => !used.has(i) && p.length > 0 && (CODE_NAME.test(columnKey(leafOf(p))) || NAME_FALLBACK.test(columnKey(leafOf(p)))));
    if (c >= 0) {
      columns.set(name.id, c);
      used.add(c);
    }
  }
  let codeName: number | undefined;
  const unneeded = new Map<number, string>();
  paths.forEach((p, c) => {
    if (used.has(c) || p.length === 0) return;
    const leaf = columnKey(leafOf(p));
    if (CODE_NAME.test(leaf) && codeName === undefined && table.rows.kind !== 'fixed') {
      codeName = c;
      unneeded.set(c, p.join('/'));
      used.add(c);
    } else if (NOT_NEEDED.test(leaf)) {
      unneeded.set(c, p.join('/'));
      used.add(c);
    }
  });

  // Split code columns in the template but one combined column in the sheet (or the reverse) are both fine.
  const codeFound = hasCodes(codes);
  // A two-list table printed as one list (one code and name column, 人员经费 and 公用经费 beside them) lacks nothing.
  const oneList = table.rows.kind === 'coded' && table.rows.sides && !sides ? new Set(table.rows.sides[1].columns) : undefined;
  const missing = table.columns.filter((c) => !(oneList?.has(c.id) && c.kind !== 'amount') && (c.kind === 'code' ? !codeFound : !columns.has(c.id)));
  const unmapped = new Map<number, string>();
  paths.forEach((p, c) => {
    if (!used.has(c) && p.length > 0) unmapped.set(c, p.join('/'));
  });
  return { columns, codes, ...(codeName !== undefined ? { codeName } : {}), unneeded, ignored, unmapped, missing, fromMap, ...(sides ? { sides } : {}) };
}

function hasCodes(codes: CodeLayout): boolean {
  return codes.full !== undefined || codes.lei !== undefined || codes.kuan !== undefined;
}

/**
 * Where the right-hand list of a coded two-list table begins: the first sheet column under a header group only the
 * right side prints (公用经费). In a one-list layout that word heads the 公用经费 amount column, which has no code
 * column to its right, so the table is then read as one list.
 */
function rightListStart(table: TableDef, paths: string[][]): number | undefined {
  const model = table.rows;
  if (model.kind !== 'coded' || !model.sides) return undefined;
  const groupsOf = (ids: string[]) => new Set(table.columns.filter((c) => ids.includes(c.id) && c.header.length > 1).map((c) => norm(c.header[0])));
  const left = groupsOf(model.sides[0].columns);
  const right = [...groupsOf(model.sides[1].columns)].filter((g) => !left.has(g));
  const c = paths.findIndex((p) => p.some((label) => right.includes(norm(label))));
  return c > 0 ? c : undefined;
}

function codeLayout(paths: string[][], used: Set<number>, from: number, to: number): CodeLayout {
  const codes: CodeLayout = {};
  paths.forEach((p, c) => {
    if (c < from || c >= to) return;
    const leaf = norm(p[p.length - 1] ?? '');
    if (CODE_LEAF.test(leaf)) {
      const part = leaf === '类' ? 'lei' : leaf === '款' ? 'kuan' : 'xiang';
      if (codes[part] === undefined) {
        codes[part] = c;
        used.add(c);
      }
    }
  });
  if (codes.lei === undefined && codes.kuan === undefined) {
    const c = paths.findIndex((p, i) => i >= from && i < to && p.length > 0 && COMBINED_CODE.test(norm(p[p.length - 1])) && !/名称/.test(p[p.length - 1]));
    if (c >= 0) {
      codes.full = c;
      used.add(c);
    }
  }
  return codes;
}

/** Every word a header row of this table may print: its labels, synonyms, and the words of code/name columns. */
export function headerVocabulary(table: TableDef, map?: ImportMap): Set<string> {
  const words = new Set<string>(['类', '款', '项', '项目', '科目', '科目编码', '科目名称', '功能分类', '经济分类']);
  for (const col of table.columns) {
    for (const label of [...col.header, ...(col.synonyms ?? [])]) {
      words.add(columnKey(label));
      words.add(looseLabel(label));
    }
  }
  for (const label of Object.keys(map?.columns?.[table.id] ?? {})) for (const part of label.split('/')) words.add(columnKey(part));
  return words;
}
