import { CLASSIFICATION_NAMES, CODE_LEVELS, type Classification, type CodeEntry } from './code-book';
import { codeShapeProblem } from './code-structure';

/**
 * Import of a year's official classification list from CSV (two columns: code, name). UTF-8 with or without BOM;
 * quoted fields with "" escapes; a header line is recognised and skipped; blank lines are ignored. Every bad line
 * gets its own Chinese message so the officer can fix the file in one pass.
 */

export interface CodeCsvResult {
  ok: boolean;
  /** Valid lines, in file order (also when other lines had errors). */
  entries: CodeEntry[];
  errors: string[];
}

export function parseCodeCsv(text: string, options: { classification: Classification; year: number }): CodeCsvResult {
  const levels = CODE_LEVELS[options.classification];
  const entries: CodeEntry[] = [];
  const errors: string[] = [];
  const firstLine = new Map<string, number>();
  const records = splitCsv(text.replace(/^\uFEFF/, ''));
  if ('error' in records) return { ok: false, entries: [], errors: [records.error] };
  for (const { line, fields } of records.rows) {
    if (fields.every((f) => f.trim() === '')) continue;
    const code = (fields[0] ?? '').trim();
    const name = (fields[1] ?? '').trim();
    if (entries.length === 0 && errors.length === 0 && !/\d/.test(code) && isHeader(code)) continue;
    const where = `第${line}行`;
    if (code === '') { errors.push(`${where}：缺少编码`); continue; }
    const shape = codeShapeProblem(code, levels);
    if (shape) { errors.push(`${where}：${CLASSIFICATION_NAMES[options.classification]}${shape.message}`); continue; }
    if (name === '') { errors.push(`${where}：编码“${code}”缺少名称`); continue; }
    if (fields.slice(2).some((f) => f.trim() !== '')) {
      errors.push(`${where}：多出了第3列及以后的内容，每行只应有“编码,名称”两列（名称含逗号时请加英文双引号）`);
      continue;
    }
    const previous = firstLine.get(code);
    if (previous !== undefined) {
      const earlier = entries.find((e) => e.code === code);
      if (earlier && earlier.name !== name) errors.push(`${where}：编码“${code}”与第${previous}行重复，且名称不同`);
      continue;
    }
    firstLine.set(code, line);
    entries.push({ code, name, years: [options.year] });
  }
  if (entries.length === 0 && errors.length === 0) errors.push('文件中没有找到任何“编码,名称”行');
  return { ok: errors.length === 0, entries, errors };
}

function isHeader(firstField: string): boolean {
  return /编码|代码|科目|code/i.test(firstField);
}

interface CsvRow {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

/** RFC 4180 style splitting; a quoted field may span lines. */
function splitCsv(text: string): { rows: CsvRow[] } | { error: string } {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let quoteStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') { quoted = true; field = ''; quoteStart = line; }
    else if (ch === ',') { fields.push(field); field = ''; }
    else if (ch === '\r') { /* CRLF: the \n ends the record */ }
    else if (ch === '\n') {
      fields.push(field);
      rows.push({ line: start, fields });
      fields = []; field = ''; line++; start = line;
    } else field += ch;
  }
  if (quoted) return { error: `第${quoteStart}行：英文双引号没有闭合` };
  if (field !== '' || fields.length > 0) { fields.push(field); rows.push({ line: start, fields }); }
  return { rows };
}

/**
 * Which classification a year's list is, from its codes: economic codes are 3 or 5 digits starting with 3 (301,
 * 30101); a list with any other code is functional (its 项 have 7 digits, its 类 start with 2).
 */
export function guessClassification(codes: readonly string[]): Classification {
  const digits = codes.map((c) => c.trim()).filter((c) => /^\d+$/.test(c));
  return digits.length > 0 && digits.every((c) => c.startsWith('3') && (c.length === 3 || c.length === 5)) ? 'economic' : 'functional';
}
