import type { TableDef, TemplateSet } from '../../template/template.schema';

/**
 * The ways published workbooks differ from one another (and from our own export), as options a test combines
 * freely: the same document written in each layout must import to the same figures, blanks and notes.
 */

/**
 * How classification codes print.
 * - `split`: 类 | 款 | 项 columns, every part filled on every row (208 | 05 | 05, 208 | 05 | blank).
 * - `split2021`: as the 2021 release: 类 blank on 款 rows (blank | 05 | blank), 项 rows filled.
 * - `splitSparse`: 类 blank on 款 rows and 款 blank on 项 rows (208 | blank | 05).
 * - `combined`: one column, "2080505".
 * - `codeName`: one column, "2080505 机关事业单位基本养老保险缴费支出".
 * - `bracketName`: one column, "[2080505]机关事业单位基本养老保险缴费支出".
 * A table whose template prints a combined code (2021 表六 "类 款") keeps it under the split styles, as released.
 */
export type CodeStyle = 'split' | 'split2021' | 'splitSparse' | 'combined' | 'codeName' | 'bracketName';

export interface LayoutVariant {
  /** One sheet per table (default) or every table on one sheet with blank rows between. */
  sheets?: 'perTable' | 'oneSheet';
  /** Seed of a shuffled table order; absent: the template's order. */
  shuffle?: number;
  /** The table number on its own row above the title (default), in the title cell ("表3 部门…"), or not printed. */
  number?: 'ownRow' | 'inTitle' | 'none';
  /** "表3" or "表三"; default: as the template numbers its tables. */
  numerals?: 'template' | 'arabic' | 'chinese';
  /** "若羌县医疗保障局2024年部门支出总体情况表" instead of "部门支出总体情况表". */
  yearPrefix?: boolean;
  /** The line under the title: "编制部门：…" (default), "编制单位：…", or none (then only a unit line for 元). */
  compilerLine?: '编制部门' | '编制单位' | 'none';
  /** Where the 合计 row of coded and project tables prints; default: where the document has it. */
  total?: 'template' | 'first' | 'last';
  codes?: CodeStyle;
  /**
   * Whether the 科目名称 column prints (default true). Absent is only valid where the code cell carries the name
   * (codeName, bracketName); a project table's 项目名称 column always prints.
   */
  nameColumn?: boolean;
  /**
   * 表七 of the econ set as budget systems export it: 科目编码 (类/款/项) · 科目名称 · 项目名称 · 项目支出合计 ·
   * one column per economic 类; subtotal rows (code, 科目名称, blank 项目名称) above the projects; 合计 last.
   */
  projectsByEconClass?: boolean;
  /**
   * Where a table's note prints: on a line under the table (default), as the last row inside the table's grid
   * (merged across it), or mixed: under empty tables, inside the others.
   */
  notes?: 'under' | 'inBody' | 'mixed';
  /**
   * Under an empty table without a note of its own: the template's 空表 sentence (default, as releases print it;
   * the document stores no note for it) or nothing.
   */
  emptyNote?: 'standard' | 'none';
  /** An empty table prints its 合计 row (default) or only its header (as the 2021 release's 表九). */
  emptyTables?: 'totalRow' | 'headerOnly';
  /** The 2021-style column-number row ("** ** ** ** 1 2 3"); default: the template's display option. */
  columnNumbers?: boolean;
  /** Figures as numbers (default) or as text with thousands separators ("1,234.50"). */
  amounts?: 'number' | 'text';
  /** 万元 (default) or 元 (every figure ×100 万元-hundredths, "单位：元"). */
  unit?: '万元' | '元';
  /** Zero figures blank or printed 0.00; default: the template's display option. */
  zeros?: 'blank' | 'zero';
  /** Header labels as written, letter-spaced ("科 目 编 码", "合  计") or wrapped ("功能分类\n科目编码"). */
  headerText?: 'plain' | 'spaced' | 'wrapped';
  /** Header labels in the synonyms officers use (科目名称, 项目支出合计/合计 for 金额, 因公出国（境）费, 财政拨款收入). */
  synonyms?: boolean;
  /** 表一 收入 labels in other wordings ("财政专户（教育收费）" for 教育收费（财政专户）). */
  incomeSynonyms?: boolean;
  /** Blank rows inside the body (after every fourth row). */
  blankRows?: boolean;
  /** A blank column at the left of every table and one between its column groups. */
  blankColumns?: boolean;
  /**
   * A table the template prints as two lists (决算 表6 人员经费 | 公用经费) printed as one list instead: one code and
   * name column, each list's figures in a column headed by its group (人员经费, 公用经费), one 合计 row.
   */
  oneList?: boolean;
}

/** Throws for combinations no release prints, so that a test cannot silently write an unreadable table. */
export function checkVariant(variant: LayoutVariant, set: TemplateSet): void {
  if (variant.nameColumn === false && !carriesName(variant.codes)) {
    throw new Error('没有科目名称列时，科目编码单元格须带名称（codes: codeName 或 bracketName）');
  }
  if (variant.projectsByEconClass && !set.tables.some((t) => t.role === 'gpbProjects' && t.columns.some((c) => /^e\d{3}$/.test(c.id)))) {
    throw new Error(`模板“${set.id}”的项目支出表没有经济分类列`);
  }
}

export function carriesName(codes: CodeStyle | undefined): boolean {
  return codes === 'codeName' || codes === 'bracketName';
}

/** Whether the layout prints zeros blank: what the imported document's meta.blankZero must say. */
export function printsBlankZero(variant: LayoutVariant, set: TemplateSet): boolean {
  return variant.zeros === undefined ? set.display.blankZero : variant.zeros === 'blank';
}

/** Whether the year is printed anywhere the importer may read it (titles); otherwise a test passes it. */
export function printsYear(variant: LayoutVariant): boolean {
  return variant.yearPrefix === true;
}

/** Whether the unit name is printed (编制部门 line or year-prefixed titles). */
export function printsUnitName(variant: LayoutVariant): boolean {
  return variant.compilerLine !== 'none' || variant.yearPrefix === true;
}

/** A short readable description of a variant (its non-default options), for test names and failure messages. */
export function describeVariant(variant: LayoutVariant): string {
  const parts = Object.entries(variant)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (v === true ? k : `${k}=${String(v)}`));
  return parts.length > 0 ? parts.join(' ') : 'default';
}

// --- labels ---------------------------------------------------------------------------------------------------

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function chineseNumber(n: number): string {
  if (n <= 10) return CN[n];
  if (n < 20) return `十${CN[n - 10]}`;
  return `${CN[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN[n % 10]}`;
}

function numberOf(no: string): number {
  const m = /(\d+|[一二三四五六七八九十]+)$/.exec(no);
  if (!m) return 0;
  if (/^\d+$/.test(m[1])) return Number(m[1]);
  const s = m[1];
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + CN.indexOf(s[1]);
  if (s.length === 2) return CN.indexOf(s[0]) * 10;
  if (s.length === 3) return CN.indexOf(s[0]) * 10 + CN.indexOf(s[2]);
  return CN.indexOf(s);
}

/** The table number as printed: "表3" / "表三". */
export function tableNumber(def: Pick<TableDef, 'no'>, numerals: LayoutVariant['numerals']): string {
  if (numerals === undefined || numerals === 'template') return def.no;
  const n = numberOf(def.no);
  return `表${numerals === 'arabic' ? String(n) : chineseNumber(n)}`;
}

/** Letter spacing as releases use it on short labels: "科 目 编 码", "合  计". */
function spaced(label: string): string {
  const chars = [...label];
  if (chars.length < 2 || chars.length > 4 || /\s/.test(label)) return label;
  return chars.join(chars.length === 2 ? '  ' : ' ');
}

/** A line break where a narrow printed column wraps: after 功能分类/经济分类, else in the middle. */
function wrapped(label: string): string {
  const chars = [...label];
  if (chars.length < 6 || label.includes('\n')) return label;
  const m = /^(功能分类|经济分类|支出经济分类|财政拨款)(.+)$/.exec(label);
  if (m) return `${m[1]}\n${m[2]}`;
  const half = Math.ceil(chars.length / 2);
  return `${chars.slice(0, half).join('')}\n${chars.slice(half).join('')}`;
}

export function headerText(label: string, variant: LayoutVariant): string {
  if (variant.headerText === 'spaced') return spaced(label);
  if (variant.headerText === 'wrapped') return wrapped(label);
  return label;
}

/** Brackets of the other width: 因公出国(境)费 ↔ 因公出国（境）费. */
function otherBrackets(label: string): string {
  if (label.includes('(')) return label.replace(/\(/g, '（').replace(/\)/g, '）');
  return label.replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * A header label in the wording officers use for it. `leaf` is false for a group label; `projectTotal` marks the
 * amount column that holds a project's 合计.
 */
export function synonymLabel(label: string, context: { leaf: boolean; projectTotal: boolean; role: TableDef['role'] }): string {
  if (context.projectTotal) return label === '金额' ? '合计' : label === '合计' ? '项目支出合计' : label;
  if (/^(功能分类|经济分类)科目名称$/.test(label)) return '科目名称';
  if (label.includes('因公出国')) return otherBrackets(label);
  if (!context.leaf && label === '财政拨款（补助）') return '财政拨款收入';
  if (context.leaf && label === '小计' && context.role === 'govFund') return '合计';
  return label;
}

/** A fixed row's label (三公 items) in the other bracket width when the layout uses officers' wordings. */
export function fixedLabel(label: string, variant: LayoutVariant): string {
  return variant.synonyms && label.includes('因公出国') ? otherBrackets(label) : label;
}

/**
 * 表一 收入 labels as other releases word them (the template's label otherwise). 表四 keeps its labels: its
 * header group already reads 财政拨款收入, so that wording on a row would repeat the header.
 */
export function incomeSynonym(label: string, role: TableDef['role']): string {
  if (role !== 'overview') return label;
  const table: Record<string, string> = {
    '教育收费（财政专户）': '财政专户（教育收费）',
    '财政拨款（补助）': '财政拨款收入',
    '其中：一般财力': '一般财力',
    '1. 一般公共预算拨款': '（一）一般公共预算拨款',
    '收 入 总 计': '收入总计',
  };
  return table[label] ?? label;
}
