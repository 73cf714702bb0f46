import type { RowData } from '../../document/document';
import { CodeBook, normalizeName, type Classification } from '../../codes/code-book';
import { cellAt, type SheetGrid } from './sheet-reader';
import { isTotalLabel, norm } from './labels';
import type { LocatedTable } from './table-locator';
import type { ReadContext } from './read-context';

/**
 * Rows of a coded table (表2, 3, 5, 6, 8, 9, 11) or a project table (表7), kept as printed: the 合计 row wherever it
 * stands (moved to the template's position), organisation rows (合计 / 部门 / [040001]单位) as rows of their own with
 * the printed subtotal, 类/款/项 subtotal rows of a project table as group rows (checked against their projects),
 * codes split (类 | 款 | 项, with 类 left blank on 款 rows as in 2021) or combined ("2080505", "208 05 05",
 * "[2080505]名称"). A code printed under several units of a department is summed (reported).
 */
export function readCodedRows(ctx: ReadContext): RowData[] {
  const model = ctx.loc.table.rows;
  if (model.kind !== 'coded' && model.kind !== 'projects') return [];
  const { rows, total, merged } = readCodedList(ctx);
  // Codes summed across units belong to no single unit: the units' printed subtotals stay as printed, unlinked.
  if (merged) for (const row of rows) if (row.org === undefined) delete row.unit;
  if (model.kind === 'coded' && model.subtotals && ctx.options.addParents !== false) addMissingParents(ctx, rows, model.levels, model.classification);
  return withTotal(ctx, rows, total);
}

/**
 * The 合计 row (computed when the sheet printed none, reported) where the template prints it: first or last whatever
 * the workbook did.
 */
export function withTotal(ctx: ReadContext, rows: RowData[], total: RowData | undefined): RowData[] {
  const model = ctx.loc.table.rows;
  if (model.kind !== 'coded' && model.kind !== 'projects') return rows;
  if (!total && rows.length > 0) ctx.issue('warning', '没有找到“合计”行：已按各行相加算出合计（见“计算补充的单元格”）');
  const row = total ?? { id: 'total', values: {} };
  return model.total.position === 'top' ? [row, ...rows] : [...rows, row];
}

export interface CodedList {
  /** Rows in printed order, without the 合计 row. */
  rows: RowData[];
  total?: RowData;
  /** Some code was printed more than once (under several units) and summed. */
  merged: boolean;
}

/** The rows of one printed list of codes as printed, and its 合计 row. */
export function readCodedList(ctx: ReadContext): CodedList {
  const { loc, grid } = ctx;
  const model = loc.table.rows;
  if (model.kind !== 'coded' && model.kind !== 'projects') return { rows: [], merged: false };
  const levels = model.levels;
  const projects = model.kind === 'projects';
  const classification: Classification = model.kind === 'coded' ? model.classification : 'functional';
  // The name column this reading sees: a list of a two-list table has its own (人员经费/科目名称, 公用经费/科目名称).
  const names = loc.table.columns.filter((c) => c.kind === 'name' && (c.side ?? 0) === 0);
  const nameCol = (names.find((c) => loc.columns.has(c.id)) ?? names[0])?.id;
  const rows: RowData[] = [];
  const byId = new Map<string, RowData>();
  let lastLei = '';
  let lastKuan = '';
  let projectNo = 0;
  let orgNo = 0;
  let total: RowData | undefined;
  let unit: RowData | undefined;
  let department: RowData | undefined;
  let previousOrg = false;
  let merged = false;

  for (let r = loc.bodyStart; r < loc.bodyEnd; r++) {
    if (ctx.blankRow(r)) continue;
    const note = ctx.noteOf(r);
    if (note !== undefined) {
      ctx.notes.push(note);
      continue;
    }
    if (ctx.repeatedHeader(r)) {
      ctx.issue('info', '跳过重复的表头行', r);
      continue;
    }
    const printedName = ctx.text(r, nameCol);
    let name = printedName;
    const parsed = codeOf(grid, r, loc, levels, lastLei, lastKuan, name);
    if (parsed.name !== undefined) name = parsed.name;
    if (parsed.bad) {
      ctx.issue('error', `科目编码“${parsed.bad}”无法识别，该行未导入`, r);
      continue;
    }
    let code = parsed.code;
    if (code !== undefined && (!levels.includes(code.length) || !FIRST_DIGIT[classification].test(code))) {
      // "040001" in the code column is the unit's own code: an organisation row, named as printed.
      const full = loc.codes.full !== undefined ? cellAt(grid, r, loc.codes.full).text : '';
      name = printedName && /\d/.test(printedName) ? printedName : full && /\D/.test(full) ? full : `[${code}]${name}`;
      code = undefined;
    }
    const label = name || ctx.firstText(r);
    if (code === undefined) {
      if (!total && ctx.isTotal(label)) {
        total = { id: 'total', values: ctx.readAmounts(r) };
        ctx.keep('total', r);
        rows.push(total);
        byId.set('total', total);
        previousOrg = false;
        continue;
      }
      if (!label) {
        ctx.issue('warning', '有金额但没有名称和编码的行，未导入', r);
        continue;
      }
      // Organisation rows: one directly above another is the 部门 the next ones belong to.
      if (previousOrg && unit && unit.org === 'unit' && !unit.unit) {
        unit.org = 'department';
        department = unit;
      }
      const org: RowData = { id: `org${++orgNo}`, name: label, org: 'unit', values: ctx.readAmounts(r) };
      if (department && department !== org) org.unit = department.id;
      ctx.keep(org.id, r);
      rows.push(org);
      unit = org;
      previousOrg = true;
      continue;
    }
    previousOrg = false;
    lastLei = code.slice(0, levels[0]);
    if (code.length >= (levels[1] ?? 99)) lastKuan = code.slice(0, levels[1]);
    const values = ctx.readAmounts(r);
    const owner = unit && unit.org === 'unit' ? unit.id : undefined;
    if (projects) {
      const codeName = loc.codeName !== undefined ? cellAt(grid, r, loc.codeName).text : '';
      if (isGroupRow(code, name, codeName, loc, levels)) {
        if (byId.has(code)) {
          ctx.issue('warning', `科目小计行“${code}”重复出现，只保留第一行`, r);
          continue;
        }
        const row: RowData = { id: code, code, values };
        const groupName = codeName || name;
        if (groupName) row.name = groupName;
        if (owner) row.unit = owner;
        ctx.keep(row.id, r);
        rows.push(row);
        byId.set(code, row);
        continue;
      }
      rows.push(dataRow(ctx, r, `p${++projectNo}`, code, name, values, owner));
      continue;
    }
    const existing = byId.get(code);
    if (existing) {
      for (const [k, v] of Object.entries(values)) existing.values[k] = (existing.values[k] ?? 0) + v;
      for (const k of Object.keys(existing.values)) if (existing.values[k] === 0) delete existing.values[k];
      merged = true;
      ctx.issue('info', `科目“${code}”出现多次（多个单位），已合并相加`, r);
      continue;
    }
    const row = dataRow(ctx, r, code, code, name, values, owner);
    rows.push(row);
    byId.set(code, row);
  }

  if (total) rows.splice(rows.indexOf(total), 1);
  return { rows, ...(total ? { total } : {}), merged };
}

/** A code or project row as printed (its text columns too), recorded as kept. */
function dataRow(ctx: ReadContext, r: number, id: string, code: string, name: string, values: Record<string, number>, owner?: string): RowData {
  const row: RowData = { id, code, values };
  if (name) row.name = name;
  const texts = ctx.readTexts(r);
  if (texts) row.texts = texts;
  if (owner) row.unit = owner;
  ctx.keep(id, r);
  return row;
}

/**
 * A 类/款/项 subtotal row of a project table: no project name where the sheet has a separate 科目名称 column; else
 * a code shorter than a 项, or a name that is the code's own name.
 */
function isGroupRow(code: string, name: string, codeName: string, loc: LocatedTable, levels: number[]): boolean {
  if (loc.codeName !== undefined) return name === '' || (codeName !== '' && norm(codeName) === norm(name));
  if (code.length < levels[levels.length - 1]) return true;
  const known = codeBook().name('functional', code);
  return known !== undefined && name !== '' && normalizeName(known) === normalizeName(name);
}

/**
 * A workbook that lists only 项 rows (or skips a 款) still gets its 类/款 rows, as the document model expects: each
 * missing parent is inserted before its first child, named from the known codes, and left for the import to
 * compute from its children (listed in the report), never guessed.
 */
export function addMissingParents(ctx: ReadContext, rows: RowData[], levels: number[], classification: Classification): void {
  const have = new Set(rows.map((r) => r.code).filter(Boolean));
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i].code;
    if (!code) continue;
    for (const len of levels.filter((n) => n < code.length)) {
      const parent = code.slice(0, len);
      if (have.has(parent)) continue;
      have.add(parent);
      const name = codeBook().name(classification, parent);
      const row: RowData = { id: parent, code: parent, ...(name ? { name } : {}), values: {} };
      if (rows[i].unit) row.unit = rows[i].unit;
      const at = rows.findIndex((r) => r.code?.startsWith(parent));
      rows.splice(at, 0, row);
      i++;
      ctx.issue('warning', `原表没有“${parent}${name ? ' ' + name : ''}”汇总行，已按其下各行相加补上`);
    }
  }
}

/** Functional codes are 2xx; economic 3xx (and 5xx for 政府预算支出经济分类). */
const FIRST_DIGIT: Record<Classification, RegExp> = { functional: /^2/, economic: /^[35]/ };

let book: CodeBook | undefined;
const codeBook = () => (book ??= CodeBook.builtin());

const CODE_BRACKETED = /^\s*[[【(（]\s*(\d+)\s*[\]】)）]\s*(.*)$/s;
const CODE_PLAIN = /^\s*(\d{3}(?:\s*\d{2}){0,2})(?!\d)\s*(.*)$/s;

function digits(text: string): string {
  return text.replace(/\s/g, '');
}

function codeOf(
  grid: SheetGrid, r: number, loc: LocatedTable, levels: number[], lastLei: string, lastKuan: string, name: string,
): { code?: string; name?: string; bad?: string } {
  const { codes } = loc;
  if (codes.lei !== undefined || codes.kuan !== undefined) {
    const part = (c: number | undefined, width: number) => {
      if (c === undefined) return '';
      const cell = cellAt(grid, r, c);
      if (cell.mergedCopy) return '';
      const t = /^\*+$/.test(cell.text.trim()) ? '' : digits(cell.text); // "**" marks "not applicable" in some releases
      return t && /^\d+$/.test(t) && t.length < width ? t.padStart(width, '0') : t;
    };
    const lei = part(codes.lei, levels[0]);
    const kuan = part(codes.kuan, (levels[1] ?? 5) - levels[0]);
    const xiang = part(codes.xiang, (levels[2] ?? 7) - (levels[1] ?? 5));
    if (!lei && !kuan && !xiang) return fromName(name);
    // A label spilled into the code columns ("合计" printed across the merged 类/款/项 cells).
    if (!kuan && !xiang && !/^\d+$/.test(lei)) return isTotalLabel(lei) || !name ? { name: name || lei } : { bad: lei };
    if ([lei, kuan, xiang].some((p) => p && !/^\d+$/.test(p))) return { bad: [lei, kuan, xiang].filter(Boolean).join(' ') };
    // 2021 style: 类 blank on 款 rows, 款 blank on 项 rows.
    if (!lei && kuan) return { code: (lastLei + kuan + xiang) || undefined };
    if (lei && !kuan && xiang) return { code: (lastKuan.startsWith(lei) ? lastKuan : lei) + xiang };
    return { code: lei + kuan + xiang };
  }
  if (codes.full !== undefined) {
    const cell = cellAt(grid, r, codes.full);
    const t = cell.mergedCopy ? '' : cell.text;
    if (!t) return fromName(name);
    const m = CODE_BRACKETED.exec(t) ?? CODE_PLAIN.exec(t);
    if (!m) return isTotalLabel(t) || !name ? { name: name || t } : { bad: t };
    return { code: digits(m[1]), ...(m[2] && !name ? { name: m[2].trim() } : {}) };
  }
  return fromName(name);
}

/** "[2080505]名称", "【040001】单位", "2080505 名称" in the name column. */
function fromName(name: string): { code?: string; name?: string } {
  const m = /^\s*[[【]\s*(\d+)\s*[\]】]\s*(.*)$/s.exec(name) ?? /^\s*(\d{3}(?:\s?\d{2}){0,2})\s+(.+)$/s.exec(name);
  if (!m) return {};
  return { code: digits(m[1]), name: m[2].trim() };
}
