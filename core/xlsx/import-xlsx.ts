import type { BudgetDocument, RowData, TableData } from './../document/document';
import { createDocument, initialRows, type NewDocumentMeta } from '../document/create';
import type { TemplateSet } from '../template/template.schema';
import { builtinTemplateSets } from '../template/registry';
import { tableTitle } from '../template/header-layout';
import { INPUT_LIMITS } from './input-guard';
import { loadWorkbook, address, cellAt, type SheetGrid } from './import/sheet-reader';
import { locateAll, setScore, type LocatedTable } from './import/table-locator';
import { readTable } from './import/row-reader';
import type { ImportIssue, ImportReport, LabelledAdjustment, TableImportInfo } from './import/import-report';
import { readDataSheet, type DataSheetPayload } from './data-sheet';
import { balanceToWan, type RoundingAdjustment } from './rounding/rounding-balance';
import { columnLetter } from './sheet-names';
import type { ImportMap } from './import/import-map';

export type { ImportIssue, ImportReport, LabelledAdjustment, TableImportInfo, UnmatchedLabel, ImportDetails, DetailSource, TemplateDetection } from './import/import-report';
export { parseImportMap, withAnswers, mapSkeleton, mapTarget, type ImportMap } from './import/import-map';
export { formatImportReport, reportCounts } from './import/import-report';

/**
 * Excel import: our own export (restored exactly), or a workbook laid out like the published tables as budget
 * systems export them or officers retype them. Bytes in, document and report out; no I/O.
 */
export interface ImportXlsxOptions {
  /** Use this set instead of recognising it from the titles. */
  templateId?: string;
  /** Candidate sets (default: the built-in ones). */
  templates?: TemplateSet[];
  /** Figures are in 元: convert to 万元 with 舍位平衡. Default: what the sheets' "单位：" line says. */
  yuan?: boolean;
  /** Document details not in the workbook (unit name, year …). */
  meta?: NewDocumentMeta;
  limits?: typeof INPUT_LIMITS;
  /** Called after loading and after each table read, for a progress bar on large workbooks. */
  onProgress?: (done: number, total: number, stage: string) => void;
  /** The officer's answers for labels that do not match the template (mapping step, `--map`). */
  map?: ImportMap;
  /** The workbook's file name: a year in it ("2022年…xlsx") is used when the sheets print none. */
  fileName?: string;
}

/**
 * `needsYear`: the workbook names no year anywhere (titles, notes, sheet or file name) and none was given; the app
 * asks the officer and imports again with meta.year, the CLI wants --year. Nothing was imported.
 */
export type ImportXlsxResult =
  | { ok: true; document: BudgetDocument; report: ImportReport }
  | { ok: false; message: string; report?: ImportReport; needsYear?: boolean };

export async function importXlsx(bytes: Uint8Array, options: ImportXlsxOptions = {}): Promise<ImportXlsxResult> {
  options.onProgress?.(0, 1, '正在读取工作簿');
  const loaded = await loadWorkbook(bytes, options.limits ?? INPUT_LIMITS);
  if (!loaded.ok) return loaded;
  const { sheets, workbook } = loaded;
  const payload = readDataSheet(workbook);
  const templates = options.templates ?? builtinTemplateSets();

  let set: TemplateSet | undefined;
  let detected = false;
  if (options.templateId) {
    set = templates.find((t) => t.id === options.templateId);
    if (!set) return { ok: false, message: `没有模板“${options.templateId}”。可用模板：${templates.map((t) => t.id).join('、')}` };
  } else {
    set = payload ? templates.find((t) => t.id === payload.meta.templateId) : undefined;
    if (!set) {
      detected = true;
      const scored = templates.map((t) => ({ t, score: setScore(sheets, t) })).sort((a, b) => b.score - a.score);
      if (scored.length > 0 && scored[0].score > 0) set = scored[0].t;
    }
  }
  if (!set) return { ok: false, message: noTablesMessage() };

  const { located, notFound, headerless } = locateAll(sheets, set);
  if (located.length === 0) return { ok: false, message: noTablesMessage() };

  const entityKind = payload?.meta.entityKind ?? located.find((l) => l.title.entityKind)?.title.entityKind ?? set.entityKind;
  const readAll = (precise: boolean) => {
    const issues: ImportIssue[] = [];
    const tables: Record<string, TableData> = {};
    const infos: TableImportInfo[] = [];
    for (const loc of located) {
      const grid = sheets[loc.title.sheet];
      // Our own export is restored as it was; other workbooks get the 类/款 rows the document model needs.
      const result = readTable(grid, loc, { addParents: !payload, precise });
      tables[loc.table.id] = { rows: result.rows };
      issues.push(...result.issues, ...columnIssues(grid, loc));
      infos.push(tableInfo(grid, loc, result.read, tableTitle(loc.table, entityKind)));
      options.onProgress?.(infos.length, located.length, infos[infos.length - 1].title);
    }
    return { issues, tables, infos };
  };
  let { issues, tables, infos } = readAll(false);
  const noResult = issues.filter((i) => i.severity === 'error' && i.message.startsWith('公式没有保存计算结果'));
  if (noResult.length > 0) {
    const first = noResult[0];
    return {
      ok: false,
      message: `工作簿中有 ${noResult.length} 个金额单元格是公式但没有保存计算结果（例如工作表“${first.sheet}”的 ${first.cell}），无法得知其数值。请在 Excel 或 WPS 中打开该文件并保存一次，再重新导入。`,
    };
  }

  for (const [tableId, hit] of headerless) {
    issues.push({ severity: 'warning', table: tableId, sheet: sheets[hit.sheet].name, cell: address(hit.row, hit.col), message: `找到表名“${hit.text}”，但其下没有可识别的表头，该表未导入` });
  }

  // Unit: the flag wins; otherwise what the sheets say.
  const declared = new Set(located.map((l) => l.unit).filter(Boolean));
  let yuan = options.yuan ?? (declared.has('元') && !declared.has('万元'));
  if (options.yuan === undefined && declared.has('元') && declared.has('万元')) {
    issues.push({ severity: 'warning', message: '有的表注明“单位：元”，有的注明“单位：万元”，已全部按万元导入；如为元请指定按元导入' });
    yuan = false;
  }
  if (options.yuan === true && declared.has('万元')) issues.push({ severity: 'warning', message: '表头注明“单位：万元”，但按您的选择以元导入并换算为万元，请确认' });
  if (options.yuan === false && declared.has('元')) issues.push({ severity: 'warning', message: '表头注明“单位：元”，但按您的选择以万元导入，请确认' });
  if (options.yuan === undefined && yuan) issues.push({ severity: 'warning', message: '表头注明“单位：元”，已按元读取并换算为万元（舍位平衡）' });

  // 万元 cells holding more decimals than they show (a budget system's computed figures): read them precisely
  // and round with 舍位平衡 like a 元 import, rather than refusing every cell or rounding each on its own.
  const overPrecise = issues.filter((i) => i.severity === 'error' && i.message.includes('超过两位小数'));
  let precise = false;
  if (!yuan && overPrecise.length > 0) {
    ({ issues, tables, infos } = readAll(true));
    precise = true; // figures are now in 分 (0.000001 万元), exactly what balanceToWan takes
    issues.push({
      severity: 'warning',
      message: `有 ${overPrecise.length} 个金额超过两位小数（例如工作表“${overPrecise[0].sheet}”的 ${overPrecise[0].cell}），已按舍位平衡保留两位小数，调整见下`,
    });
  }

  const doc = createDocument(set, { ...metaFrom(located, sheets, entityKind), ...options.meta });
  let rounding: ImportReport['rounding'];
  if (yuan || precise) {
    const balanced = balanceToWan(tables, set);
    Object.assign(tables, balanced.tables);
    rounding = { adjustments: balanced.adjustments.map((a) => labelled(a, set, tables)), unbalanced: balanced.unbalanced };
  }
  for (const def of set.tables) doc.tables[def.id] = tables[def.id] ?? { rows: initialRows(def) };
  if (payload && payload.meta.templateId === set.id) restoreFromPayload(doc, payload);

  const report: ImportReport = {
    templateId: set.id,
    templateDetected: detected,
    sourceUnit: yuan ? '元' : '万元',
    ownExport: payload !== undefined && payload.meta.templateId === set.id,
    tables: infos,
    notFound: notFound.map((t) => ({ table: t.id, title: `${t.no} ${tableTitle(t, entityKind)}` })),
    issues,
    ...(rounding ? { rounding } : {}),
  };
  return { ok: true, document: doc, report };
}

function labelled(a: RoundingAdjustment, set: TemplateSet, tables: Record<string, TableData>): LabelledAdjustment {
  const def = set.tables.find((t) => t.id === a.table);
  const row = tables[a.table]?.rows.find((r) => r.id === a.row);
  const model = def?.rows;
  const fixed =
    model?.kind === 'fixed' ? model.rows : model?.kind === 'sideBySide' ? [...model.sides[0], ...model.sides[1], ...model.totals] : [];
  const rowLabel =
    a.row === 'total' && (model?.kind === 'coded' || model?.kind === 'projects')
      ? model.total.label
      : (fixed.find((f) => f.id === a.row)?.label ?? [row?.code, row?.name].filter(Boolean).join(' ')) || a.row;
  const col = def?.columns.find((c) => c.id === a.col);
  return { ...a, rowLabel, colLabel: col ? col.header[col.header.length - 1] : a.col };
}

function noTablesMessage(): string {
  return '没有在工作簿中找到任何预算公开表。导入时按表名查找（如“部门收支总体情况表”“一般公共预算支出情况表”），请确认表名与表头保留在工作表中。';
}

function tableInfo(grid: SheetGrid, loc: LocatedTable, rowsRead: number, title: string): TableImportInfo {
  const { codes } = loc;
  const codeColumns =
    codes.full !== undefined
      ? `编码在 ${columnLetter(codes.full + 1)} 列（合并编码）`
      : codes.lei !== undefined || codes.kuan !== undefined
        ? `编码分列（类/款/项 在 ${[codes.lei, codes.kuan, codes.xiang].filter((c) => c !== undefined).map((c) => columnLetter((c as number) + 1)).join('/')} 列）`
        : '无编码列';
  return {
    table: loc.table.id,
    title: `${loc.table.no} ${title}`,
    sheet: grid.name,
    titleCell: address(loc.title.row, loc.title.col),
    headerRows: [loc.headerTop + 1, loc.headerBottom + 1],
    columns: [...loc.columns.entries()].map(([column, c]) => ({ column, sheetColumn: columnLetter(c + 1), label: cellAt(grid, loc.headerBottom, c).text || cellAt(grid, loc.headerTop, c).text })),
    codeColumns,
    rowsRead,
  };
}

function columnIssues(grid: SheetGrid, loc: LocatedTable): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const where = { table: loc.table.id, sheet: grid.name };
  for (const col of loc.missing) {
    issues.push({ severity: 'warning', ...where, message: `没有找到“${col.header.join('/')}”列，该列按空白导入` });
  }
  for (const [c, label] of loc.unmapped) {
    let filled = 0;
    for (let r = loc.bodyStart; r < loc.bodyEnd; r++) if (cellAt(grid, r, c).text !== '' && !cellAt(grid, r, c).mergedCopy) filled++;
    issues.push({
      severity: filled > 0 ? 'error' : 'info',
      ...where,
      cell: `${columnLetter(c + 1)}列`,
      message: filled > 0 ? `“${label}”列无法对应到本表模板的任何列，其中 ${filled} 个单元格未导入` : `空白的“${label}”列已忽略`,
    });
  }
  return issues;
}

function metaFrom(located: LocatedTable[], sheets: SheetGrid[], entityKind: '部门' | '单位'): NewDocumentMeta {
  const compiler = located.find((l) => l.compiler)?.compiler;
  let year: number | undefined;
  for (const l of located) {
    const m = /(20\d{2})\s*年/.exec(l.title.text) ?? /(20\d{2})\s*年/.exec(sheets[l.title.sheet].name);
    if (m) {
      year = Number(m[1]);
      break;
    }
  }
  return { entityKind, ...(compiler ? { compiler, unitName: compiler } : {}), ...(year ? { year } : {}) };
}

/** Our own export: meta, texts and last year's figures come back from the data sheet; project row ids too. */
function restoreFromPayload(doc: BudgetDocument, payload: DataSheetPayload): void {
  doc.meta = { ...payload.meta };
  doc.inputs = payload.inputs ?? {};
  doc.priorYear = payload.priorYear ?? {};
  for (const [tableId, saved] of Object.entries(payload.rows ?? {})) {
    const rows: RowData[] | undefined = doc.tables[tableId]?.rows;
    if (!rows) continue;
    const projects = rows.filter((r) => /^p\d+$/.test(r.id));
    const savedProjects = saved.filter((r) => /^p\d+$/.test(r.id));
    if (projects.length > 0 && projects.length === savedProjects.length && projects.every((p, i) => p.code === savedProjects[i].code)) {
      projects.forEach((p, i) => (p.id = savedProjects[i].id));
    }
  }
}
