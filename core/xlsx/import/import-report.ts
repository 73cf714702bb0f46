import { formatAmount } from '../../amount/amount';
import type { RoundingAdjustment, UnbalancedGroup } from '../rounding/rounding-balance';
import { columnLetter } from '../sheet-names';
import type { CodeLayout } from './column-matcher';
import type { LocatedTable } from './table-locator';

/**
 * What an import did, for the dialog after 导入 Excel and for the CLI: which table was read from where, what was
 * skipped and why, what could not be read (errors), which tables were not found, and every 舍位平衡 adjustment.
 */
export interface ImportIssue {
  /** error: a figure could not be read (the cell was not imported); warning: check this; info: skipped on purpose. */
  severity: 'error' | 'warning' | 'info';
  message: string;
  table?: string;
  sheet?: string;
  /** "E7", or "第7行" for a whole row. */
  cell?: string;
}

/** An adjustment with the row and column as printed ("2080505 机关事业单位基本养老保险缴费支出", "基本支出"). */
export interface LabelledAdjustment extends RoundingAdjustment {
  rowLabel: string;
  colLabel: string;
}

export interface TableImportInfo {
  table: string;
  /** "表3 部门支出总体情况表" as the template prints it. */
  title: string;
  sheet: string;
  /** Address of the title cell found ("A2"). */
  titleCell: string;
  /** 1-based sheet rows of the header. */
  headerRows: [number, number];
  /** Template column id → the sheet column letter and its header as printed. */
  columns: { column: string; sheetColumn: string; label: string }[];
  codeColumns: string;
  rowsRead: number;
}

/**
 * A printed column header or row label the import could not match to the template. The app shows these in a
 * mapping step (a drop-down of `options` or 忽略, with `sample` as the preview) before anything is imported; the
 * CLI prints them as a ready-to-edit map (import-map.ts).
 */
export interface UnmatchedLabel {
  kind: 'column' | 'row';
  /** Template table id. */
  table: string;
  /** "表一 单位收支总体情况表" */
  tableTitle: string;
  /** As printed: a header path joined with "/" ("支出预算/项目支出合计"), or a row label. */
  label: string;
  /** The key the choice is stored under in an ImportMap (normalised label). */
  key: string;
  sheet: string;
  /** "E5" for a column's header cell, "第12行" for a row. */
  cell: string;
  /** The figures that would land (first few, as printed), for the preview. */
  sample: string[];
  /** The template columns / rows it can be mapped to. */
  options: { id: string; label: string }[];
  /** For side-by-side tables (表1/表4): which list the row was printed in. */
  side?: 0 | 1;
}

/** Where a document detail came from: "表三“编制部门：”（工作表“Sheet1” A3）", "文件名", "由您指定". */
export interface DetailSource<T> {
  value: T;
  source: string;
}

export interface ImportDetails {
  unitName?: DetailSource<string>;
  compiler?: DetailSource<string>;
  year?: DetailSource<number>;
  entityKind?: DetailSource<'部门' | '单位'>;
  blankZero: DetailSource<boolean>;
}

/** Which template set was chosen and why (every candidate with its score, best first). */
export interface TemplateDetection {
  templateId: string;
  /** Chinese sentence: "按表名识别：找到 9 张表中的 9 张，表七按经济分类分列（工资福利支出…），列序号行 …". */
  reason: string;
  candidates: { id: string; name: string; score: number; tablesFound: number; tablesTotal: number }[];
}

export interface ImportReport {
  templateId: string;
  /** True when the set was recognised from the titles rather than given. */
  templateDetected: boolean;
  detection?: TemplateDetection;
  /** Unit name, year, 部门/单位 and blank-zero display, each with where it was read. */
  details?: ImportDetails;
  /** Labels that matched nothing and were not imported (each is a question for the mapping step). */
  unmatched?: UnmatchedLabel[];
  /** Mappings applied from an ImportMap (the officer's earlier choices), for the report. */
  mapped?: { table: string; kind: 'column' | 'row'; label: string; to: string | null }[];
  /** Cells the workbook did not print (a missing 合计 or parent row) that the import computed. */
  computed?: { table: string; row: string; column: string; value: string }[];
  /** The unit the figures were read in. */
  sourceUnit: '万元' | '元';
  /** True when the workbook was our own export (document details restored from its data sheet). */
  ownExport: boolean;
  tables: TableImportInfo[];
  notFound: { table: string; title: string }[];
  issues: ImportIssue[];
  /** 元 → 万元 only. */
  rounding?: { adjustments: LabelledAdjustment[]; unbalanced: UnbalancedGroup[] };
}

export function reportCounts(report: ImportReport): { errors: number; warnings: number } {
  return {
    errors: report.issues.filter((i) => i.severity === 'error').length,
    warnings: report.issues.filter((i) => i.severity === 'warning').length + (report.rounding?.unbalanced.length ?? 0),
  };
}

const SEVERITY = { error: '错误', warning: '提示', info: '跳过' } as const;

/** The report as Chinese text (CLI output; the app shows the same structure as a list). */
export function formatImportReport(report: ImportReport, titles: Record<string, string> = {}): string {
  const lines: string[] = [];
  const name = (id: string) => titles[id] ?? id;
  lines.push(`模板：${report.templateId}${report.templateDetected ? '（按表名自动识别）' : ''}`);
  if (report.detection) lines.push(`  ${report.detection.reason}`);
  lines.push(`金额单位：${report.sourceUnit}${report.sourceUnit === '元' ? '（已换算为万元，并做舍位平衡）' : ''}`);
  if (report.ownExport) lines.push('该工作簿由本软件导出：单位信息与说明文字已一并恢复。');
  const d = report.details;
  if (d && !report.ownExport) {
    lines.push(`单位名称：${d.unitName ? `${d.unitName.value}（来自${d.unitName.source}）` : '未找到，请在“文档设置”中填写'}`);
    if (d.year) lines.push(`预算年度：${d.year.value}年（来自${d.year.source}）`);
    if (d.entityKind) lines.push(`部门/单位：${d.entityKind.value}（来自${d.entityKind.source}）`);
    lines.push(`零值显示：${d.blankZero.value ? '留空' : '0.00'}（${d.blankZero.source}）`);
  }
  lines.push('', `已导入 ${report.tables.length} 张表：`);
  for (const t of report.tables) {
    lines.push(`  ${t.title} ← 工作表“${t.sheet}”${t.titleCell}，表头第${t.headerRows[0]}–${t.headerRows[1]}行，${t.codeColumns}，读入 ${t.rowsRead} 行`);
  }
  if (report.notFound.length > 0) {
    lines.push('', `未找到 ${report.notFound.length} 张表（导入后为空表）：`);
    for (const t of report.notFound) lines.push(`  ${t.title}`);
  }
  if (report.mapped && report.mapped.length > 0) {
    lines.push('', `按您此前的选择对应 ${report.mapped.length} 处：`);
    for (const m of report.mapped) lines.push(`  ${name(m.table)} ${m.kind === 'column' ? '列' : '行'}“${m.label}” → ${m.to === null ? '忽略' : m.to}`);
  }
  if (report.unmatched && report.unmatched.length > 0) {
    lines.push('', `无法对应、未导入的 ${report.unmatched.length} 处（请选择对应的列或行，或忽略）：`);
    for (const u of report.unmatched) lines.push(`  ${u.tableTitle} ${u.kind === 'column' ? '列' : '行'}“${u.label}”（工作表“${u.sheet}”${u.cell}，数值 ${u.sample.join('、') || '无'}）`);
  }
  if (report.computed && report.computed.length > 0) {
    lines.push('', `原表没有列出、按各行相加补上的单元格 ${report.computed.length} 个（原表印出的数字一律保留）：`);
    for (const c of report.computed) lines.push(`  ${c.table}“${c.row}”的“${c.column}”：${c.value}`);
  }
  const groups: ImportIssue['severity'][] = ['error', 'warning', 'info'];
  for (const severity of groups) {
    const list = report.issues.filter((i) => i.severity === severity);
    if (list.length === 0) continue;
    lines.push('', `${SEVERITY[severity]}（${list.length}）：`);
    for (const i of list) {
      const at = [i.table ? name(i.table) : '', i.sheet ? `“${i.sheet}”` : '', i.cell ?? ''].filter(Boolean).join(' ');
      lines.push(`  ${at ? at + '：' : ''}${i.message}`);
    }
  }
  if (report.rounding) {
    const { adjustments, unbalanced } = report.rounding;
    lines.push('', `舍位平衡调整 ${adjustments.length} 处（元换算为万元后，为使合计相符而调整的尾差）：`);
    for (const a of adjustments) {
      lines.push(`  ${name(a.table)}“${a.rowLabel}”的“${a.colLabel}”：${formatAmount(a.fen)} 元 → ${formatAmount(a.adjusted)} 万元（四舍五入为 ${formatAmount(a.rounded)}）`);
    }
    for (const u of unbalanced) lines.push(`  ${name(u.table)}：${u.description}`);
  }
  const { errors, warnings } = reportCounts(report);
  lines.push('', errors > 0 ? `共 ${errors} 处错误未导入，请核对原表后修正。` : warnings > 0 ? `导入完成，有 ${warnings} 处提示请核对。` : '导入完成，没有发现问题。');
  return lines.join('\n');
}

/** Where one list's codes were read: "编码在 A 列（合并编码）", "编码分列（类/款/项 在 A/B/C 列）". */
function codeLayoutText(codes: CodeLayout): string {
  if (codes.full !== undefined) return `编码在 ${columnLetter(codes.full + 1)} 列（合并编码）`;
  if (codes.lei === undefined && codes.kuan === undefined) return '无编码列';
  const split = [codes.lei, codes.kuan, codes.xiang].filter((c): c is number => c !== undefined);
  return `编码分列（类/款/项 在 ${split.map((c) => columnLetter(c + 1)).join('/')} 列）`;
}

/**
 * The code columns of a located table for the report. A table printed as two lists side by side (决算 表6: 人员经费 |
 * 公用经费) names each list's own code columns, as both were read.
 */
export function codeColumnsText(loc: LocatedTable): string {
  const model = loc.table.rows;
  if (loc.sides && model.kind === 'coded' && model.sides) {
    const name = (side: 0 | 1) => model.sides![side].totalLabel.replace(/合计$/, '') || `第${side + 1}`;
    return `两栏：${name(0)}栏${codeLayoutText(loc.sides.codes[0])}，${name(1)}栏${codeLayoutText(loc.sides.codes[1])}`;
  }
  return codeLayoutText(loc.codes);
}
