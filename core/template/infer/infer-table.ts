import type { ColumnDef, FixedRowDef, RowModel, TableDef } from '../template.schema';
import { headerPaths, type Block, type GridCell } from './sheet-blocks';
import { knownColumnId, knownRowId, labelKey, roleOfTitle } from './known-ids';

/**
 * One table definition proposed from one titled block of a blank workbook: column kinds from the header words,
 * header groups from the merged cells, the row model from what the body holds (code columns → coded or project
 * rows, two label columns under two groups → side by side, printed labels → fixed rows), computed columns from
 * 合计/小计 leaves over their header group, computed rows from the labels' indentation or numbering.
 */

const CODE_PART: Record<string, ColumnDef['codePart']> = { 类: 'lei', 款: 'kuan', 项: 'xiang' };
const NAME_LEAF = /^(项目|科目|功能分类|支出功能分类科目|收入|支出|收入项目|支出项目)$|名称$|内容$/;
const SUBTOTAL_LEAF = /^(合计|总计|小计)$|小计$/;
const TOTAL_LABEL = /^(收入|支出)?(总计|合计)$/;

export interface InferredTable {
  table: TableDef;
  /** Things the officer should look at (ambiguities resolved by a default). */
  notes: string[];
}

export function inferTable(block: Block, index: number, setUnit: string, unitName: string | undefined): InferredTable {
  const notes: string[] = [];
  const paths = headerPaths(block);
  const role = roleOfTitle(block.title);
  const bodyText = (c: number) => block.body.some((row) => row[c]!.text !== '' && row[c]!.num === undefined && !/^[\d.,-]+$/.test(row[c]!.text));
  const kinds = paths.map((path, c): Pick<ColumnDef, 'kind' | 'codePart'> => {
    const leaf = labelKey(path[path.length - 1]!);
    const inCode = path.some((p) => /编码/.test(p));
    if (inCode) return { kind: 'code', codePart: CODE_PART[leaf] ?? 'full' };
    if (NAME_LEAF.test(leaf) || bodyText(c)) return { kind: 'name' };
    return { kind: 'amount' };
  });
  const nameCols = kinds.flatMap((k, c) => (k.kind === 'name' ? [c] : []));
  const codeCols = kinds.flatMap((k, c) => (k.kind === 'code' ? [c] : []));
  // Side by side: a second label column under another top group, with amount columns on both sides.
  const split = nameCols.length >= 2 && codeCols.length === 0 && paths[nameCols[0]!]![0] !== paths[nameCols[1]!]![0] ? nameCols[1]! : undefined;
  const sideOf = (c: number): 0 | 1 | undefined => (split === undefined ? undefined : c < split ? 0 : 1);

  const used = new Set<string>();
  const ids = paths.map((path, c) => columnId(path, kinds[c]!, sideOf(c), role, kinds, paths, c, used));
  const columns: ColumnDef[] = paths.map((path, c) => ({
    id: ids[c]!,
    header: path,
    ...kinds[c]!,
    ...(sideOf(c) !== undefined ? { side: sideOf(c)! } : {}),
  }) as ColumnDef);
  for (const col of columns) {
    const formula = columnFormula(col, columns);
    if (formula) col.formula = formula;
  }

  let rows: RowModel;
  if (codeCols.length > 0) {
    const codeHeader = codeCols.flatMap((c) => paths[c]!).join('');
    const economic = /经济分类/.test(codeHeader);
    const split3 = codeCols.length > 1;
    const levels = split3 ? [3, 5, 7].slice(0, codeCols.length) : economic ? [3, 5] : [3, 5, 7];
    const totalAt = block.body.findIndex((row) => nameCols.some((c) => TOTAL_LABEL.test(labelKey(row[c]!.text))));
    const label = totalAt >= 0 ? block.body[totalAt]!.find((cell, c) => nameCols.includes(c) && TOTAL_LABEL.test(labelKey(cell.text)))!.text : '合计';
    const position = totalAt > 0 && totalAt === block.body.length - 1 ? 'bottom' : totalAt === 0 && block.body.length > 1 ? 'top' : 'bottom';
    if (totalAt === 0 && block.body.length === 1) notes.push(`${block.no}只有合计行，按“合计行在下”处理`);
    const projects = nameCols.some((c) => /项目名称/.test(paths[c]!.join('')));
    rows = projects
      ? { kind: 'projects', levels, total: { label, position } }
      : { kind: 'coded', classification: economic ? 'economic' : 'functional', levels, subtotals: true, total: { label, position } };
  } else if (split !== undefined) {
    const [left, right] = [nameCols[0]!, nameCols[1]!];
    const lines = block.body.filter((row) => row[left]!.text !== '' || row[right]!.text !== '');
    const last = lines[lines.length - 1];
    const totalsLine = last && TOTAL_LABEL.test(labelKey(last[left]!.text)) ? last : undefined;
    const body = totalsLine ? lines.slice(0, -1) : lines;
    const rowIds = new Set<string>();
    const sides: [FixedRowDef[], FixedRowDef[]] = [
      fixedRows(body.map((row) => row[left]!).filter((c) => c.text !== ''), role, rowIds),
      fixedRows(body.map((row) => row[right]!).filter((c) => c.text !== ''), role, rowIds),
    ];
    const totals: [FixedRowDef, FixedRowDef] = [
      { id: 'inTotal', label: totalsLine?.[left]!.text ?? '收入总计', level: 0, formula: topTerms(sides[0]).join(' + ') },
      { id: 'outTotal', label: totalsLine?.[right]!.text ?? '支出总计', level: 0, formula: topTerms(sides[1]).join(' + ') },
    ];
    if (!totalsLine) notes.push(`${block.no}没有找到收入总计、支出总计行，已补上`);
    for (const t of totals) if (t.formula === '') delete t.formula;
    rows = { kind: 'sideBySide', sides, totals };
  } else if (nameCols.length > 0) {
    const labels = block.body.map((row) => row[nameCols[0]!]!).filter((c) => c.text !== '');
    rows = labels.length > 0 ? { kind: 'fixed', rows: fixedRows(labels, role, new Set(), true) } : { kind: 'fixed', rows: [{ id: 'total', label: '合计', level: 0 }] };
  } else {
    // Items as columns (the 2021 三公 table): one row of figures.
    rows = { kind: 'fixed', rows: [{ id: 'total', label: '合计', level: 0 }] };
  }

  const title = block.title.replace(/^(部门|单位)/, '{主体}');
  const table: TableDef = { id: `t${index + 1}`, no: block.no, title, role, columns, rows };
  if (block.unit && block.unit !== setUnit) table.amountUnit = block.unit;
  if (block.note) table.emptyNote = noteTemplate(block.note, unitName);
  if (columns.length > 7) table.landscape = true;
  return { table, notes };
}

function columnId(path: string[], kind: Pick<ColumnDef, 'kind' | 'codePart'>, side: 0 | 1 | undefined, role: TableDef['role'], kinds: Pick<ColumnDef, 'kind'>[], paths: string[][], c: number, used: Set<string>): string {
  const take = (id: string | undefined): string | undefined => (id && !used.has(id) ? (used.add(id), id) : undefined);
  const sameSideAmounts = kinds.filter((k, i) => k.kind === 'amount' && (side === undefined || (side === 0 ? i < c || paths[i]![0] === paths[c]![0] : paths[i]![0] === paths[c]![0]))).length;
  let id: string | undefined;
  if (kind.kind === 'code') id = take(kind.codePart === 'full' ? 'code' : kind.codePart);
  else if (kind.kind === 'name') id = take(side === 0 ? 'inLabel' : side === 1 ? 'outLabel' : role === 'sangong' ? 'item' : 'name');
  else if (side !== undefined && sameSideAmounts === 1) id = take(side === 0 ? 'inAmount' : 'outAmount');
  else {
    const leaf = path[path.length - 1]!;
    // A group's own 合计/小计 is known by the group's label (公务用车购置及运行费 → vehicle).
    const generic = SUBTOTAL_LEAF.test(labelKey(leaf)) && path.length > 1;
    id = take(generic ? knownColumnId(role, path[path.length - 2]!) : undefined)
      ?? take(/^(合计|总计)$/.test(labelKey(leaf)) ? 'total' : undefined)
      ?? take(knownColumnId(role, leaf));
  }
  let n = c + 1;
  while (!id) id = take(`c${n++}`);
  return id;
}

/**
 * A 合计/总计/小计 leaf sums its siblings under the same header group (and side): each sibling group counts by its
 * own 小计 column when it has one, else by its amount leaves. "收入预算/合计" = 财政拨款收入 + 事业收入 + …
 */
function columnFormula(col: ColumnDef, columns: ColumnDef[]): string | undefined {
  if (col.kind !== 'amount' || !SUBTOTAL_LEAF.test(labelKey(col.header[col.header.length - 1]!))) return undefined;
  const parent = col.header.slice(0, -1);
  const under = columns.filter((o) => o !== col && o.side === col.side && o.header.length > parent.length && parent.every((p, i) => o.header[i] === p));
  const terms: string[] = [];
  const groups = new Map<string, ColumnDef[]>();
  for (const o of under) {
    const key = o.header[parent.length]!;
    const list = groups.get(key) ?? [];
    list.push(o);
    groups.set(key, list);
  }
  for (const [, members] of groups) {
    const amounts = members.filter((m) => m.kind === 'amount');
    if (amounts.length === 0) continue;
    if (members.length === 1 && members[0]!.header.length === parent.length + 1) {
      terms.push(members[0]!.id);
      continue;
    }
    const own = amounts.find((m) => m.header.length === parent.length + 2 && SUBTOTAL_LEAF.test(labelKey(m.header[m.header.length - 1]!)));
    terms.push(...(own ? [own.id] : amounts.map((m) => m.id)));
  }
  return terms.length > 0 ? terms.join(' + ') : undefined;
}

/** Levels from Excel's indentation when the table uses it, else from numbering (一、 → 0, 1. → 1, 其中 → deeper). */
function levelsOf(cells: GridCell[]): number[] {
  if (cells.some((c) => c.indent > 0)) return cells.map((c) => Math.min(4, c.indent));
  const out: number[] = [];
  let inWhich = -1;
  cells.forEach((c, i) => {
    const t = c.text.replace(/\s+/g, '');
    let level: number;
    if (/^[一二三四五六七八九十]+、/.test(t)) level = 0;
    else if (/^\d+[.．、]/.test(t) || /^（[一二三四五六七八九十]+）/.test(t)) level = 1;
    else if (/^其中[:：]/.test(t)) level = (out[i - 1] ?? 0) + 1;
    else level = inWhich >= 0 ? out[inWhich]! : 0;
    if (/^其中[:：]/.test(t)) inWhich = i;
    else if (level <= (inWhich >= 0 ? out[inWhich]! - 1 : -1)) inWhich = -1;
    out.push(level);
  });
  return out;
}

/**
 * Rows from printed labels: a row followed by deeper rows is their sum; a block of deeper rows that starts with
 * 其中 are parts of their parent (≤ it). A 合计 row with no deeper rows after it sums the other top rows.
 */
function fixedRows(cells: GridCell[], role: TableDef['role'], used: Set<string>, totalIsTotal = false): FixedRowDef[] {
  const levels = levelsOf(cells);
  let n = 1;
  const rows: FixedRowDef[] = cells.map((cell, i) => {
    const code = /^(\d{3,})\s*\S/.exec(cell.text)?.[1];
    const key = labelKey(cell.text);
    let id = code ? `c${code}` : totalIsTotal && TOTAL_LABEL.test(key) ? 'total' : knownRowId(role, cell.text);
    if (!id || used.has(id)) do id = `r${n++}`; while (used.has(id));
    used.add(id);
    return { id, label: cell.text, level: levels[i]!, ...(code ? { code } : {}) };
  });
  rows.forEach((row, i) => {
    const children: FixedRowDef[] = [];
    let childLevel: number | undefined;
    for (let j = i + 1; j < rows.length && rows[j]!.level! > row.level!; j++) {
      childLevel ??= rows[j]!.level!;
      if (rows[j]!.level === childLevel) children.push(rows[j]!);
    }
    if (children.length === 0) return;
    row.formula = children.map((c) => c.id).join(' + ');
    if (/^其中[:：]/.test(children[0]!.label.replace(/\s+/g, ''))) for (const c of children) c.partOf = row.id;
  });
  const last = rows[rows.length - 1];
  if (last && totalIsTotal && rows.length > 1 && TOTAL_LABEL.test(labelKey(last.label)) && !last.formula) {
    last.formula = rows.filter((r) => r !== last && r.level === last.level).map((r) => r.id).join(' + ');
  }
  return rows;
}

function topTerms(rows: FixedRowDef[]): string[] {
  const top = Math.min(...rows.map((r) => r.level ?? 0));
  return rows.filter((r) => (r.level ?? 0) === top).map((r) => r.id);
}

/** A note as printed for one unit becomes the set's pattern: the unit's name and the year become placeholders. */
function noteTemplate(note: string, unitName: string | undefined): string {
  let out = note;
  if (unitName) out = out.split(unitName).join('{单位名称}');
  return out.replace(/(?:19|20)\d{2}(?=年)/g, '{年度}');
}
