import { strFromU8 } from 'fflate';
import { INPUT_LIMITS, type GuardResult } from './input-guard';

/**
 * Scans the merged ranges of every worksheet part before exceljs loads the workbook. exceljs applies a merge by
 * creating every covered cell, and checks each new merge against all earlier ones: one short
 * `<mergeCell ref="A1:XFD1048576"/>` (17 billion cells) exhausts memory, and tens of thousands of small merges take
 * minutes. A budget table merges a title, header cells and a few notes, so anything far beyond that is refused with
 * the sheet and the range named. It reads the parts `unzipBounded` already inflated within the byte budget, so
 * nothing is inflated twice.
 */
export function checkWorksheetMerges(parts: ReadonlyMap<string, Uint8Array>, limits = INPUT_LIMITS): GuardResult {
  const sheets = [...parts].filter(([name]) => SHEET_PART.test(name));
  if (sheets.length === 0) return { ok: true };
  let names: Map<string, string>;
  try {
    names = sheetNames(parts);
  } catch {
    names = new Map();
  }
  for (const [name, data] of sheets) {
    const part = name.replace(/^\//, '');
    const sheet = names.get(part) ?? `（文件 ${part.slice(part.lastIndexOf('/') + 1)}）`;
    const problem = checkMergesOf(partText(data), sheet, limits);
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true };
}

/** A part's XML as text; bytes that are not UTF-8 become U+FFFD instead of failing (exceljs's parser decides later). */
export function partText(data: Uint8Array): string {
  try {
    return strFromU8(data);
  } catch {
    return strFromU8(data, true);
  }
}

/** The worksheet parts exceljs parses (its own pattern, unanchored, so the same parts are checked). */
const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml$/;

const ADVICE = '请在 Excel 或 WPS 中取消多余的合并单元格（或删除多余的行、列）后另存，再重新导入。';

function checkMergesOf(xml: string, sheet: string, limits: typeof INPUT_LIMITS): string | undefined {
  let count = 0;
  let total = 0;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const ref = m[1] ?? m[2] ?? '';
    const area = mergeArea(ref);
    if (area > limits.maxCellsPerMerge) {
      return `工作表“${sheet}”中有一个范围过大的合并单元格（${shown(ref)}，共 ${quantity(area, '个')}单元格，单个合并最多 ${quantity(limits.maxCellsPerMerge, '个')}单元格），不像是预算公开表的排版，已拒绝导入。${ADVICE}`;
    }
    count += 1;
    total += area;
    if (count > limits.maxMergesPerSheet) {
      return `工作表“${sheet}”中的合并单元格超过 ${quantity(limits.maxMergesPerSheet, '处')}，不像是预算公开表的排版，已拒绝导入。${ADVICE}`;
    }
    if (total > limits.maxMergedCellsPerSheet) {
      return `工作表“${sheet}”中的合并单元格共覆盖超过 ${quantity(limits.maxMergedCellsPerSheet, '个')}单元格（最后一处为 ${shown(ref)}），不像是预算公开表的排版，已拒绝导入。${ADVICE}`;
    }
  }
  return undefined;
}

function shown(ref: string): string {
  return ref.length > 40 ? `${ref.slice(0, 40)}…` : ref;
}

/** (17179869184, '个') → "171.8 亿个"; (5000, '处') → "5000 处". */
function quantity(n: number, unit: string): string {
  if (n >= 1e8) return `${(n / 1e8).toFixed(1).replace(/\.0$/, '')} 亿${unit}`;
  if (n >= 1e4) return `${(n / 1e4).toFixed(1).replace(/\.0$/, '')} 万${unit}`;
  return `${n} ${unit}`;
}

/**
 * Cells a merge covers as exceljs reads its ref (`colCache.decodeEx` + `Range`): an optional `Sheet!` prefix, the
 * first two `:`-separated parts; a part without a column or row counts as column/row 1 (so "1:1048576" is a whole
 * column to exceljs). A column beyond XFD makes exceljs fail before expanding anything: counted as one cell.
 */
export function mergeArea(ref: string): number {
  const reference = /^(?:(?:'(?:[^']|'')*'|[^'^ !]*)!)?(.*)$/s.exec(ref)?.[1] ?? ref;
  const parts = reference.split(':');
  if (parts.length < 2) return 1;
  const a = decodeAddress(parts[0]);
  const b = decodeAddress(parts[1]);
  if (!a || !b) return 1;
  const span = (x: number | undefined, y: number | undefined) => {
    // Math.min/max with a missing side is NaN in exceljs, which its Range getters read as 1.
    const lo = x === undefined || y === undefined ? 1 : Math.min(x, y) || 1;
    const hi = x === undefined || y === undefined ? 1 : Math.max(x, y) || 1;
    return Math.max(1, hi - lo + 1);
  };
  return span(a.row, b.row) * span(a.col, b.col);
}

/** exceljs's `colCache.decodeAddress`: upper-case letters before the first digit are the column. */
function decodeAddress(value: string): { row?: number; col?: number } | undefined {
  let hasCol = false;
  let hasRow = false;
  let col = 0;
  let row = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!hasRow && c >= 65 && c <= 90) {
      hasCol = true;
      col = col * 26 + c - 64;
    } else if (c >= 48 && c <= 57) {
      hasRow = true;
      row = row * 10 + c - 48;
    } else if (hasRow && hasCol && c !== 36) break;
  }
  if (hasCol && col > 16_384) return undefined;
  return { ...(hasRow ? { row } : {}), ...(hasCol ? { col } : {}) };
}

/** "xl/worksheets/sheet1.xml" → the sheet's name, through workbook.xml and its relationships (as exceljs does). */
function sheetNames(parts: ReadonlyMap<string, Uint8Array>): Map<string, string> {
  const out = new Map<string, string>();
  const find = (pattern: RegExp) => {
    const hit = [...parts].find(([name]) => pattern.test(name));
    return hit ? partText(hit[1]) : undefined;
  };
  const workbook = find(/(^|\/)xl\/workbook\.xml$/);
  const rels = find(/(^|\/)xl\/_rels\/workbook\.xml\.rels$/);
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
  }
  for (const m of workbook.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const id = /\s[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[0]);
    const target = id ? targets.get(id[1] ?? id[2] ?? '') : undefined;
    if (name && target) out.set(target, unescapeXml(name));
  }
  return out;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
