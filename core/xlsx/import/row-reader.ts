import { parseAmount } from '../../amount/amount';
import type { RowData } from '../../document/document';
import { initialRows } from '../../document/create';
import type { FixedRowDef } from '../../template/template.schema';
import { address, cellAt, type SheetCell, type SheetGrid } from './sheet-reader';
import { isTotalLabel, labelKey, norm } from './labels';
import type { LocatedTable } from './table-locator';
import type { ImportIssue } from './import-report';
import { CodeBook, type Classification } from '../../codes/code-book';

/**
 * Reads the body of a located table into document rows (amounts in hundredths of the sheet's unit). Codes split
 * (类 | 款 | 项, with 类 left blank on 款 rows as in 2021) or combined ("2080505", "208 05 05", "[2080505]名称");
 * organisation rows ("[040001]单位", 部门 rows) and notes are skipped and listed; a code that appears under several
 * units is summed. Every cell that cannot be read is reported with its address, never guessed.
 */
export interface ReadTableResult {
  rows: RowData[];
  read: number;
  issues: ImportIssue[];
}

const CODE_BRACKETED = /^\s*[[【(（]\s*(\d+)\s*[\]】)）]\s*(.*)$/;
const CODE_PLAIN = /^\s*(\d{3}(?:\s*\d{2}){0,2})(?!\d)\s*(.*)$/;
const DASHES = /^[-—－–/\\]+$/;

export interface ReadOptions {
  /** Insert missing 类/款 rows (not for our own export, which is restored as it was). */
  addParents?: boolean;
  /**
   * Read 万元 figures to six decimals (units of 0.000001 万元 = 1 分) instead of two: for workbooks whose cells hold
   * more precision than they display; the caller then rounds them with 舍位平衡.
   */
  precise?: boolean;
}

export function readTable(grid: SheetGrid, loc: LocatedTable, options: ReadOptions = {}): ReadTableResult {
  const { table } = loc;
  const issues: ImportIssue[] = [];
  const where = { table: table.id, sheet: grid.name };
  const issue = (severity: ImportIssue['severity'], message: string, row?: number, col?: number) =>
    issues.push({ severity, ...where, ...(row !== undefined ? { cell: col !== undefined ? address(row, col) : `第${row + 1}行` } : {}), message });

  const amountCols = table.columns.filter((c) => c.kind === 'amount' && loc.columns.has(c.id));
  const textCols = table.columns.filter((c) => c.kind === 'text' && loc.columns.has(c.id));
  // A cell that cannot be read is reported and left out; the rest of its row is still imported.
  const readAmounts = (r: number, side?: 0 | 1): Record<string, number> => {
    const values: Record<string, number> = {};
    for (const col of amountCols) {
      if (side !== undefined && (col.side ?? 0) !== side) continue;
      const c = loc.columns.get(col.id) as number;
      const cell = cellAt(grid, r, c);
      const v = options.precise ? preciseAmountOf(cell) : amountOf(cell);
      if (v.ok) {
        if (v.value !== 0) values[col.id] = v.value;
      } else {
        issue('error', `${v.message}（“${col.header.join('/')}”列），该单元格未导入`, r, c);
      }
    }
    return values;
  };
  const readTexts = (r: number): Record<string, string> | undefined => {
    const texts: Record<string, string> = {};
    for (const col of textCols) {
      const t = cellAt(grid, r, loc.columns.get(col.id) as number).text;
      if (t) texts[col.id] = t;
    }
    return Object.keys(texts).length > 0 ? texts : undefined;
  };
  const nameCol = table.columns.find((c) => c.kind === 'name' && (c.side ?? 0) === 0);
  const nameAt = (r: number, colId = nameCol?.id) => (colId && loc.columns.has(colId) ? cellAt(grid, r, loc.columns.get(colId) as number).text : '');
  const blankRow = (r: number) => (grid.rows[r] ?? []).every((c) => c.text === '' && !c.noResult);
  const noteRow = (r: number) => {
    const cells = (grid.rows[r] ?? []).filter((c) => c.text !== '' && !c.mergedCopy);
    return cells.length === 1 && cells[0].text.length > 15 && cells[0].num === undefined && !amountCols.some((col) => cellAt(grid, r, loc.columns.get(col.id) as number).text !== '' && cellAt(grid, r, loc.columns.get(col.id) as number).mergedCopy !== true);
  };

  const model = table.rows;
  let read = 0;
  if (model.kind === 'coded' || model.kind === 'projects') {
    const levels = model.levels;
    const rows: RowData[] = [];
    const byId = new Map<string, RowData>();
    let lastLei = '';
    let lastKuan = '';
    let projectNo = 0;
    let totalSeen = false;
    for (let r = loc.bodyStart; r < loc.bodyEnd; r++) {
      if (blankRow(r)) continue;
      if (noteRow(r)) {
        issue('info', `跳过说明文字：“${firstText(grid, r).slice(0, 40)}”`, r);
        continue;
      }
      let name = nameAt(r);
      const parsed = codeOf(grid, r, loc, levels, lastLei, lastKuan, name);
      const code = parsed.code;
      if (parsed.name !== undefined) name = parsed.name;
      if (parsed.bad) {
        issue('error', `科目编码“${parsed.bad}”无法识别，该行未导入`, r);
        continue;
      }
      if (!code) {
        if (isTotalLabel(name) && !totalSeen) {
          totalSeen = true;
          const values = readAmounts(r);
          const total: RowData = { id: 'total', values };
          rows.push(total);
          byId.set('total', total);
          read++;
        } else if (name || hasAnyAmount(grid, r, loc)) {
          issue('info', `跳过单位/部门汇总行“${name || firstText(grid, r)}”（没有科目编码）`, r);
        }
        continue;
      }
      if (!levels.includes(code.length) || !/^[1-9]/.test(code)) {
        issue('info', `跳过“${code}${name ? ' ' + name : ''}”：不是科目编码（按单位编码处理）`, r);
        continue;
      }
      lastLei = code.slice(0, levels[0]);
      if (code.length >= (levels[1] ?? 99)) lastKuan = code.slice(0, levels[1]);
      const values = readAmounts(r);
      if (model.kind === 'projects') {
        if (code.length < levels[levels.length - 1] && !/项目/.test(name)) {
          issue('info', `跳过科目汇总行“${code} ${name}”`, r);
          continue;
        }
        const row: RowData = { id: `p${++projectNo}`, code, values };
        if (name) row.name = name;
        const texts = readTexts(r);
        if (texts) row.texts = texts;
        rows.push(row);
        read++;
        continue;
      }
      const existing = byId.get(code);
      if (existing) {
        for (const [k, v] of Object.entries(values)) existing.values[k] = (existing.values[k] ?? 0) + v;
        for (const k of Object.keys(existing.values)) if (existing.values[k] === 0) delete existing.values[k];
        issue('info', `科目“${code}”出现多次（多个单位），已合并相加`, r);
        continue;
      }
      const row: RowData = { id: code, code, values };
      if (name) row.name = name;
      const texts = readTexts(r);
      if (texts) row.texts = texts;
      rows.push(row);
      byId.set(code, row);
      read++;
    }
    if (model.kind === 'coded' && model.subtotals && options.addParents !== false) addMissingParents(rows, levels, model.classification, issue);
    if (!byId.has('total')) {
      const total: RowData = { id: 'total', values: {} };
      if (model.total.position === 'top') rows.unshift(total);
      else rows.push(total);
      if (rows.length > 1) issue('warning', '没有找到“合计”行：合计按空白导入，请在软件中重新计算');
    }
    return { rows, read, issues };
  }

  // Fixed rows and two lists side by side: match printed labels to the template's rows.
  const rows = initialRows(table);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const filled = new Set<string>();
  const sides: { defs: FixedRowDef[]; side?: 0 | 1; nameCol?: string }[] =
    model.kind === 'fixed'
      ? [{ defs: model.rows, nameCol: nameCol?.id }]
      : [0, 1].map((s) => ({
          defs: [...model.sides[s], model.totals[s]],
          side: s as 0 | 1,
          nameCol: table.columns.find((c) => c.kind === 'name' && (c.side ?? 0) === s)?.id,
        }));
  for (const { defs, side, nameCol: labelCol } of sides) {
    const taken = new Set<string>();
    let position = 0;
    for (let r = loc.bodyStart; r < loc.bodyEnd; r++) {
      if (blankRow(r)) continue;
      if (noteRow(r)) {
        if (side !== 1) issue('info', `跳过说明文字：“${firstText(grid, r).slice(0, 40)}”`, r);
        continue;
      }
      const label = labelCol ? nameAt(r, labelCol) : '';
      let def: FixedRowDef | undefined;
      if (!labelCol) def = defs[position];
      else if (label) def = matchFixedRow(defs, label, taken);
      position++;
      if (!def) {
        const values = readAmounts(r, side);
        if (label || Object.keys(values).length > 0) {
          issue(Object.keys(values).length > 0 ? 'error' : 'info', `无法对应到本表的项目：“${label || firstText(grid, r)}”，该行${side === undefined ? '' : side === 0 ? '左侧' : '右侧'}未导入`, r);
        }
        continue;
      }
      taken.add(def.id);
      const values = readAmounts(r, side);
      const row = byId.get(def.id);
      if (row) {
        Object.assign(row.values, values);
        filled.add(row.id);
      }
    }
  }
  return { rows, read: read + filled.size, issues };
}

/**
 * A workbook that lists only 项 rows (or skips a 款) still gets its 类/款 rows, as the document model expects: each
 * missing parent is inserted before its first child, named from the known codes, summed from its children, and
 * reported.
 */
function addMissingParents(
  rows: RowData[],
  levels: number[],
  classification: Classification,
  issue: (severity: ImportIssue['severity'], message: string) => void,
): void {
  const have = new Set(rows.map((r) => r.code).filter(Boolean));
  const added: RowData[] = [];
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i].code;
    if (!code) continue;
    for (const len of levels.filter((n) => n < code.length)) {
      const parent = code.slice(0, len);
      if (have.has(parent)) continue;
      have.add(parent);
      const name = codeBook().name(classification, parent);
      const row: RowData = { id: parent, code: parent, ...(name ? { name } : {}), values: {} };
      const at = rows.findIndex((r) => r.code?.startsWith(parent));
      rows.splice(at, 0, row);
      added.push(row);
      i++;
    }
  }
  // Deepest first, so a 类 sums 款 rows that were themselves added.
  for (const parent of added.sort((a, b) => (b.code as string).length - (a.code as string).length)) {
    const p = parent.code as string;
    const childLen = levels.find((n) => n > p.length);
    for (const child of rows.filter((r) => r.code && r.code.length === childLen && r.code.startsWith(p))) {
      for (const [k, v] of Object.entries(child.values)) parent.values[k] = (parent.values[k] ?? 0) + v;
    }
    for (const k of Object.keys(parent.values)) if (parent.values[k] === 0) delete parent.values[k];
    issue('warning', `原表没有“${p}${parent.name ? ' ' + parent.name : ''}”汇总行，已按其下各行相加补上`);
  }
}

let book: CodeBook | undefined;
const codeBook = () => (book ??= CodeBook.builtin());

function firstText(grid: SheetGrid, r: number): string {
  return (grid.rows[r] ?? []).find((c) => c.text !== '')?.text ?? '';
}

function hasAnyAmount(grid: SheetGrid, r: number, loc: LocatedTable): boolean {
  return [...loc.columns.values()].some((c) => cellAt(grid, r, c).num !== undefined);
}

function matchFixedRow(defs: FixedRowDef[], label: string, taken: Set<string>): FixedRowDef | undefined {
  const key = labelKey(label);
  const free = defs.filter((d) => !taken.has(d.id));
  const code = /^(\d{3})/.exec(norm(label))?.[1];
  if (code) {
    const byCode = free.find((d) => d.code === code);
    if (byCode) return byCode;
  }
  return (
    free.find((d) => labelKey(d.label) === key) ??
    free.find((d) => d.code && labelKey(d.label.replace(d.code, '')) === key.replace(/^\d{3}/, '')) ??
    (isTotalLabel(label) || /(总计|合计)$/.test(key) ? free.find((d) => /总计|合计/.test(norm(d.label))) : undefined)
  );
}

export function amountOf(cell: SheetCell): { ok: true; value: number } | { ok: false; message: string } {
  if (cell.noResult) return { ok: false, message: '公式没有保存计算结果（请在 Excel/WPS 中打开并保存后再导入）' };
  if (cell.num !== undefined) {
    const r = parseAmount(cell.num);
    return r.ok ? r : { ok: false, message: `数值“${cell.text}”${r.message.includes('两位') ? '超过两位小数' : '无效'}` };
  }
  const text = cell.text.trim();
  if (text === '' || DASHES.test(text)) return { ok: true, value: 0 };
  const r = parseAmount(text);
  return r.ok ? r : { ok: false, message: `“${text}”不是数字` };
}

const PRECISE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{0,6}))?$/;

/** A figure in millionths of the unit (six decimals at most), for 舍位平衡 of over-precise 万元 cells. */
export function preciseAmountOf(cell: SheetCell): { ok: true; value: number } | { ok: false; message: string } {
  if (cell.noResult) return amountOf(cell);
  if (cell.num !== undefined) {
    const v = Math.round(cell.num * 1_000_000);
    return Number.isFinite(v) && Math.abs(v) < 1e15 ? { ok: true, value: v } : { ok: false, message: `数值“${cell.text}”无效` };
  }
  const text = cell.text.trim().replace(/，/g, ',').replace(/\s/g, '');
  if (text === '' || DASHES.test(text)) return { ok: true, value: 0 };
  const m = PRECISE.exec(text);
  if (!m || (m[2] === undefined && !m[3])) return { ok: false, message: `“${cell.text.trim()}”不是数字` };
  const whole = Number((m[2] ?? '0').replace(/,/g, ''));
  const value = whole * 1_000_000 + Number((m[3] ?? '').padEnd(6, '0'));
  return { ok: true, value: m[1] === '-' ? -value : value };
}

function digits(text: string): string {
  return text.replace(/\s/g, '');
}

function codeOf(
  grid: SheetGrid,
  r: number,
  loc: LocatedTable,
  levels: number[],
  lastLei: string,
  lastKuan: string,
  name: string,
): { code?: string; name?: string; bad?: string } {
  const { codes } = loc;
  if (codes.lei !== undefined || codes.kuan !== undefined) {
    const part = (c: number | undefined, width: number) => {
      if (c === undefined) return '';
      const cell = cellAt(grid, r, c);
      const t = /^\*+$/.test(cell.text.trim()) ? '' : digits(cell.text); // "**" marks "not applicable" in some releases
      return t && /^\d+$/.test(t) && t.length < width ? t.padStart(width, '0') : t;
    };
    const lei = part(codes.lei, levels[0]);
    const kuan = part(codes.kuan, (levels[1] ?? 5) - levels[0]);
    const xiang = part(codes.xiang, (levels[2] ?? 7) - (levels[1] ?? 5));
    if (!lei && !kuan && !xiang) return fromName(name);
    if ([lei, kuan, xiang].some((p) => p && !/^\d+$/.test(p))) return { bad: [lei, kuan, xiang].filter(Boolean).join(' ') };
    // 2021 style: 类 blank on 款 rows, 款 blank on 项 rows.
    if (!lei && kuan) return { code: (lastLei + kuan + xiang) || undefined };
    if (lei && !kuan && xiang) return { code: (lastKuan.startsWith(lei) ? lastKuan : lei) + xiang };
    return { code: lei + kuan + xiang };
  }
  if (codes.full !== undefined) {
    const t = cellAt(grid, r, codes.full).text;
    if (!t) return fromName(name);
    const m = CODE_BRACKETED.exec(t) ?? CODE_PLAIN.exec(t);
    if (!m) return isTotalLabel(t) ? { name: t } : { bad: t };
    return { code: digits(m[1]), ...(m[2] && !name ? { name: m[2].trim() } : {}) };
  }
  return fromName(name);
}

/** "[2080505]名称", "【040001】单位", "2080505 名称" in the name column. */
function fromName(name: string): { code?: string; name?: string } {
  const m = /^\s*[[【]\s*(\d+)\s*[\]】]\s*(.*)$/.exec(name) ?? /^\s*(\d{3}(?:\s?\d{2}){0,2})\s+(.+)$/.exec(name);
  if (!m) return {};
  return { code: digits(m[1]), name: m[2].trim() };
}
