import { formatAmount, type Amount } from '../../amount/amount';
import { CodeBook } from '../../codes/code-book';
import type { BudgetDocument, RowData } from '../../document/document';
import { codeParts, tableEmptyNote } from '../../template/header-layout';
import { codedSideLines } from '../../layout/coded-sides';
import type { ColumnDef, FixedRowDef, TableDef } from '../../template/template.schema';
import { carriesName, fixedLabel, headerText, incomeSynonym, synonymLabel, type LayoutVariant } from './layout-variant';

/**
 * One table of a document as a layout prints it: the columns, the header rows with their merges, the optional
 * column-number row, the body and the note. Positions are relative to the table's top-left header cell; the sheet
 * writer (layouts.ts) places and styles them.
 */

export interface GridCell {
  value: string | number;
  /** "@" for codes (leading zeros), "0.00" / "#,##0.00" for figures. */
  numFmt?: string;
}

export interface GridMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PrintedTable {
  width: number;
  /** Columns that are extra blank columns (no header, no border). */
  blank: boolean[];
  header: (string | null)[][];
  merges: GridMerge[];
  columnNumbers?: (string | null)[];
  /** Body rows; an empty array is a blank row. */
  body: (GridCell | null)[][];
  noteInBody?: string;
  noteUnder?: string;
}

type Column =
  | { kind: 'blank'; path: string[] }
  | { kind: 'code'; part: 'lei' | 'kuan' | 'xiang' | 'full'; path: string[]; side?: 0 | 1 }
  /** The 科目名称 of a project table's subtotal rows and projects (the econ 表七 layout). */
  | { kind: 'codeName'; path: string[] }
  | { kind: 'name'; path: string[]; side?: 0 | 1 }
  | { kind: 'amount'; id: string; path: string[]; side?: 0 | 1 };

const book = CodeBook.builtin();
const SPLIT = new Set(['split', 'split2021', 'splitSparse']);

export function printTable(doc: BudgetDocument, def: TableDef, variant: LayoutVariant): PrintedTable {
  const columns = withBlankColumns(planColumns(def, variant), variant);
  const { header, merges } = headerRows(columns, variant, def);
  const table = doc.tables[def.id] ?? { rows: [] };
  const empty = table.rows.every((r) => Object.keys(r.values).length === 0);
  let body = empty && variant.emptyTables === 'headerOnly' ? [] : bodyRows(doc, def, columns, variant);
  if (variant.blankRows) body = body.flatMap((row, i) => (i % 4 === 3 && i < body.length - 1 ? [row, []] : [row]));
  const printed: PrintedTable = { width: columns.length, blank: columns.map((c) => c.kind === 'blank'), header, merges, body };
  const numbers = variant.columnNumbers ?? false;
  if (numbers && def.rows.kind !== 'sideBySide') {
    let n = 0;
    printed.columnNumbers = columns.map((c) => (c.kind === 'blank' ? null : c.kind === 'amount' ? String(++n) : '**'));
  }
  // A table's own note; an empty table without one prints the template's 空表 sentence, as releases do.
  const note = table.note ?? (empty && variant.emptyNote !== 'none' ? tableEmptyNote(def, doc.meta) : undefined);
  if (note) {
    const inside = variant.notes === 'inBody' || (variant.notes === 'mixed' && !empty);
    if (inside) printed.noteInBody = note;
    else printed.noteUnder = note;
  }
  return printed;
}

// --- columns --------------------------------------------------------------------------------------------------

function isEconProjects(def: TableDef, variant: LayoutVariant): boolean {
  return variant.projectsByEconClass === true && def.rows.kind === 'projects' && def.columns.some((c) => /^e\d{3}$/.test(c.id));
}

function planColumns(def: TableDef, variant: LayoutVariant): Column[] {
  const model = def.rows;
  const amounts = (cols: ColumnDef[]): Column[] => cols.filter((c) => c.kind === 'amount').map((c) => ({ kind: 'amount', id: c.id, path: c.header, ...(c.side !== undefined ? { side: c.side } : {}) }));
  if (model.kind === 'fixed' || model.kind === 'sideBySide') {
    return def.columns.map((c): Column => (c.kind === 'amount' ? amounts([c])[0] : { kind: 'name', path: c.header, ...(c.side !== undefined ? { side: c.side } : {}) }));
  }
  if (model.kind === 'coded' && model.sides && !variant.oneList) return sideColumns(def, variant);
  const econ = isEconProjects(def, variant);
  const codeDefs = def.columns.filter((c) => c.kind === 'code');
  // A two-list table printed as one list: one code and name column, each side's figures in a column of its own.
  const oneList = model.kind === 'coded' && model.sides !== undefined;
  const templateFull = !oneList && codeDefs.length === 1 && codeDefs[0].codePart === 'full';
  const group = econ ? ['科目编码'] : oneList ? ['科目编码'] : templateFull ? codeDefs[0].header : codeDefs[0].header.slice(0, -1);
  const style = variant.codes ?? 'split';
  const cols: Column[] = [];
  if (SPLIT.has(style) && !templateFull) {
    const parts = (['lei', 'kuan', 'xiang'] as const).slice(0, model.levels.length);
    for (const part of parts) cols.push({ kind: 'code', part, path: [...group, part === 'lei' ? '类' : part === 'kuan' ? '款' : '项'] });
  } else {
    cols.push({ kind: 'code', part: 'full', path: group.length > 0 ? group : ['科目编码'] });
  }
  const nameDef = def.columns.find((c) => c.kind === 'name');
  if (econ) {
    if (variant.nameColumn !== false) cols.push({ kind: 'codeName', path: ['科目名称'] });
    cols.push({ kind: 'name', path: ['项目名称'] });
    // One header level: 项目支出合计 and the economic 类 side by side, without the template's 支出经济分类 group.
    cols.push(...amounts(def.columns).map((c) => ({ ...c, path: c.kind === 'amount' && c.id === 'total' ? ['项目支出合计'] : c.path.slice(-1) })));
    return cols;
  }
  if (nameDef && (model.kind === 'projects' || variant.nameColumn !== false)) cols.push({ kind: 'name', path: oneList ? ['科目名称'] : nameDef.header });
  cols.push(...amounts(def.columns).map((c) => (oneList ? { ...c, path: [c.path[0]] } : c)));
  return cols;
}

/** Each list of a coded two-list table (决算 表6): its code column(s), name and figures under its group. */
function sideColumns(def: TableDef, variant: LayoutVariant): Column[] {
  const model = def.rows;
  if (model.kind !== 'coded' || !model.sides) return [];
  const style = variant.codes ?? 'split';
  return model.sides.flatMap((side, i): Column[] => {
    const s = i as 0 | 1;
    const defs = side.columns.map((id) => def.columns.find((c) => c.id === id)!);
    const code = defs.find((c) => c.kind === 'code')!;
    const cols: Column[] = SPLIT.has(style)
      ? (['lei', 'kuan'] as const).slice(0, model.levels.length).map((part) => ({ kind: 'code', part, path: [...code.header, part === 'lei' ? '类' : '款'], side: s }))
      : [{ kind: 'code', part: 'full', path: code.header, side: s }];
    const name = defs.find((c) => c.kind === 'name');
    if (name && variant.nameColumn !== false) cols.push({ kind: 'name', path: name.header, side: s });
    for (const c of defs) if (c.kind === 'amount') cols.push({ kind: 'amount', id: c.id, path: c.header, side: s });
    return cols;
  });
}

/** A blank column at the left and one where the top header group changes (between codes and figures, or sides). */
function withBlankColumns(cols: Column[], variant: LayoutVariant): Column[] {
  if (!variant.blankColumns) return cols;
  const out = [...cols];
  const boundary = cols.findIndex((c, i) => i > 0 && c.path[0] !== cols[i - 1].path[0]);
  if (boundary > 0) out.splice(boundary, 0, { kind: 'blank', path: [] });
  return [{ kind: 'blank', path: [] }, ...out];
}

function headerRows(columns: Column[], variant: LayoutVariant, def: TableDef): { header: (string | null)[][]; merges: GridMerge[] } {
  const paths = columns.map((c) =>
    c.path.map((label, i) => {
      const leaf = i === c.path.length - 1;
      const projectTotal = def.rows.kind === 'projects' && c.kind === 'amount' && c.id === 'total' && !isEconProjects(def, variant);
      return variant.synonyms ? synonymLabel(label, { leaf, projectTotal: projectTotal && leaf, role: def.role }) : label;
    }),
  );
  const depth = paths.reduce((m, p) => Math.max(m, p.length), 0);
  const header = Array.from({ length: depth }, () => columns.map((): string | null => null));
  const merges: GridMerge[] = [];
  paths.forEach((p, c) => {
    if (p.length === 0) return;
    header[p.length - 1][c] = headerText(p[p.length - 1], variant);
    if (p.length < depth) merges.push({ top: p.length - 1, left: c, bottom: depth - 1, right: c });
  });
  for (let r = 0; r < depth; r++) {
    let c = 0;
    while (c < paths.length) {
      const p = paths[c];
      if (p.length - 1 <= r) {
        c++;
        continue;
      }
      let end = c + 1;
      while (end < paths.length && paths[end].length - 1 > r && paths[end].slice(0, r + 1).join('\u0001') === p.slice(0, r + 1).join('\u0001')) end++;
      header[r][c] = headerText(p[r], variant);
      if (end - c > 1) merges.push({ top: r, left: c, bottom: r, right: end - 1 });
      c = end;
    }
  }
  return { header, merges };
}

// --- body -----------------------------------------------------------------------------------------------------

export function amountCell(value: Amount, variant: LayoutVariant): GridCell | null {
  const yuan = variant.unit === '元';
  if (value === 0 && (variant.zeros ?? 'blank') === 'blank') return null;
  const hundredths = yuan ? value * 100 * 100 : value; // 0.01 万元 = 100 元
  if (variant.amounts === 'text') return { value: formatAmount(hundredths, { thousands: true }) };
  return { value: hundredths / 100, numFmt: yuan ? '#,##0.00' : '0.00' };
}

function bodyRows(doc: BudgetDocument, def: TableDef, columns: Column[], variant: LayoutVariant): (GridCell | null)[][] {
  const model = def.rows;
  const rows = doc.tables[def.id]?.rows ?? [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const value = (row: RowData | undefined, id: string) => amountCell(row?.values[id] ?? 0, variant);
  if (model.kind === 'fixed') {
    return model.rows.map((f) => columns.map((c) => (c.kind === 'amount' ? value(byId.get(f.id), c.id) : c.kind === 'name' ? text(fixedLabel(f.label, variant)) : null)));
  }
  if (model.kind === 'sideBySide') {
    const [left, right] = model.sides;
    const line = (l: FixedRowDef | undefined, r: FixedRowDef | undefined) =>
      columns.map((c) => {
        if (c.kind === 'blank') return null;
        const f = (c.kind === 'name' || c.kind === 'amount') && c.side === 1 ? r : l;
        if (!f) return null;
        if (c.kind === 'amount') return value(byId.get(f.id), c.id);
        const label = c.kind === 'name' && c.side !== 1 && variant.incomeSynonyms ? incomeSynonym(f.label, def.role) : f.label;
        return text(label);
      });
    const out = Array.from({ length: Math.max(left.length, right.length) }, (_, i) => line(left[i], right[i]));
    out.push(line(model.totals[0], model.totals[1]));
    return out;
  }
  if (model.kind === 'coded' && model.sides && !variant.oneList) return sideBody(doc, def, columns, variant);
  const total = rows.find((r) => r.id === 'total');
  const others = rows.filter((r) => r.id !== 'total');
  const econ = isEconProjects(def, variant);
  const first = variant.total === 'first' || ((variant.total ?? 'template') === 'template' && !econ && rows[0]?.id === 'total');
  const ordered = total ? (first ? [total, ...others] : [...others, total]) : others;
  const printedCodes = new Set(others.map((r) => r.code ?? r.id));
  return ordered.map((row) => codedLine(doc, def, columns, variant, row, printedCodes));
}

function codedLine(doc: BudgetDocument, def: TableDef, columns: Column[], variant: LayoutVariant, row: RowData, printedCodes: Set<string>): (GridCell | null)[] {
  const model = def.rows;
  if (model.kind !== 'coded' && model.kind !== 'projects') return [];
  const classification = model.kind === 'coded' ? model.classification : 'functional';
  const isTotal = row.id === 'total';
  const isProject = /^p\d+$/.test(row.id);
  const code = isTotal ? undefined : row.code;
  // The code's own name: a project row carries the project's name, its 科目名称 comes from the code list.
  const codeName = isProject && code ? (book.name(classification, code, doc.meta.year) ?? '') : (row.name ?? '');
  const cells: (GridCell | null)[] = columns.map((c) => {
    switch (c.kind) {
      case 'blank':
        return null;
      case 'amount':
        return amountCell(row.values[c.id] ?? 0, variant);
      case 'code':
        return code ? text(codeText(code, c.part, model.levels, isProject, codeName, variant, printedCodes), '@') : null;
      case 'codeName':
        return isTotal ? null : text(codeName);
      case 'name':
        if (isTotal) return null;
        if (isProject) return text(row.name ?? '');
        return isEconProjects(def, variant) ? null : text(row.name ?? '');
    }
  });
  if (isTotal) {
    // 合计 goes in the first name-like column the layout prints, else in the code column.
    const at = [columns.findIndex((c) => c.kind === 'codeName'), columns.findIndex((c) => c.kind === 'name'), columns.findIndex((c) => c.kind === 'code')].find((i) => i >= 0);
    if (at !== undefined) cells[at] = text(model.total.label);
  }
  return cells;
}

/** Lines of a two-list table: the rows of each side zipped by index, each side's total on the last line. */
function sideBody(doc: BudgetDocument, def: TableDef, columns: Column[], variant: LayoutVariant): (GridCell | null)[][] {
  const model = def.rows;
  if (model.kind !== 'coded' || !model.sides) return [];
  const sides = model.sides;
  const rows = doc.tables[def.id]?.rows ?? [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const printedCodes = new Set(rows.map((r) => r.code ?? r.id));
  const sideOf = (c: Column) => (c.kind === 'blank' || c.kind === 'codeName' ? undefined : (c.side ?? 0));
  return codedSideLines(rows, model).map((line) => {
    const cells = columns.map((c): GridCell | null => {
      const side = sideOf(c);
      const id = side === undefined ? null : line.rowIds[side];
      const row = id ? byId.get(id) : undefined;
      if (!row || c.kind === 'blank' || c.kind === 'codeName') return null;
      if (c.kind === 'amount') return amountCell(row.values[c.id] ?? 0, variant);
      if (line.isTotal) return null;
      if (c.kind === 'name') return text(row.name ?? '');
      return text(codeText(row.code ?? '', c.part, model.levels, false, row.name ?? '', variant, printedCodes), '@');
    });
    if (line.isTotal) {
      // Each side's total label in its name column, else in its first code column.
      for (const s of [0, 1] as const) {
        const at = [columns.findIndex((c) => c.kind === 'name' && (c.side ?? 0) === s), columns.findIndex((c) => c.kind === 'code' && (c.side ?? 0) === s)].find((i) => i >= 0);
        if (at !== undefined) cells[at] = text(sides[s].totalLabel);
      }
    }
    return cells;
  });
}

/**
 * The text of one code cell. A part is left blank (2021 styles) only where the row of that part prints above it,
 * so the code can always be read back from the rows before it.
 */
function codeText(code: string, part: 'lei' | 'kuan' | 'xiang' | 'full', levels: number[], isProject: boolean, name: string, variant: LayoutVariant, printed: Set<string>): string {
  const style = variant.codes ?? 'split';
  if (part === 'full') {
    if (!carriesName(style)) return code;
    return style === 'codeName' ? `${code} ${name}` : `[${code}]${name}`;
  }
  const parts = codeParts(code, levels);
  const level = isProject ? levels.length - 1 : parts.length - 1;
  const index = part === 'lei' ? 0 : part === 'kuan' ? 1 : 2;
  if (style === 'split2021' || style === 'splitSparse') {
    if (level === 1 && index === 0 && printed.has(code.slice(0, levels[0]))) return '';
    if (style === 'splitSparse' && level === 2 && index === 1 && printed.has(code.slice(0, levels[1]))) return '';
  }
  return parts[index] ?? '';
}

function text(value: string, numFmt?: string): GridCell | null {
  if (value === '') return null;
  return numFmt ? { value, numFmt } : { value };
}
