import type { BudgetDocument, RowData, TableData } from '../document/document';
import { formatAmount } from '../amount/amount';
import { rowLabel } from '../commands/preview';
import { fillUnprinted, type FilledCell } from '../derive/fill-unprinted';
import { createDocument, initialRows, type NewDocumentMeta } from '../document/create';
import type { TemplateSet } from '../template/template.schema';
import { builtinTemplateSets } from '../template/registry';
import { tableEmptyNote, tableTitle } from '../template/header-layout';
import { norm } from './import/labels';
import { INPUT_LIMITS } from './input-guard';
import { loadWorkbook, address, cellAt, type SheetGrid } from './import/sheet-reader';
import { locateAll, setEvidence, type LocatedTable } from './import/table-locator';
import { readTable, type ReadTableResult } from './import/row-reader';
import { readDetails } from './import/details';
import { codeColumnsText, type ImportDetails, type ImportIssue, type ImportReport, type LabelledAdjustment, type TableImportInfo, type TemplateDetection, type UnmatchedLabel } from './import/import-report';
import { DATA_SHEET_IGNORED, readDataSheetChecked, type DataSheetPayload } from './data-sheet';
import { cleanDocumentTexts, overLongTexts } from '../document/document-texts';
import { tooLongMessage } from '../document/clean-text';
import { balanceToWan, type RoundingAdjustment } from './rounding/rounding-balance';
import { columnLetter } from './sheet-names';
import { columnMapKey, type ImportMap } from './import/import-map';

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
  const dataSheet = readDataSheetChecked(workbook);
  const payload = dataSheet.kind === 'ok' ? dataSheet.payload : undefined;
  const templates = options.templates ?? builtinTemplateSets();
  const chosen = chooseSet(sheets, templates, options, payload);
  if (!chosen.ok) return chosen;
  const { set, detection } = chosen;
  const map = options.map?.template === set.id ? options.map : undefined;

  const { located, notFound, headerless } = locateAll(sheets, set, map);
  if (located.length === 0) return { ok: false, message: noTablesMessage() };

  const entityKind = payload?.meta.entityKind ?? located.find((l) => l.title.entityKind)?.title.entityKind ?? set.entityKind;
  const title = (id: string) => {
    const def = set.tables.find((t) => t.id === id);
    return def ? `${def.no} ${tableTitle(def, entityKind)}` : id;
  };
  const readAll = (precise: boolean) => {
    const issues: ImportIssue[] = [];
    const results = new Map<string, ReadTableResult>();
    const infos: TableImportInfo[] = [];
    for (const loc of located) {
      const grid = sheets[loc.title.sheet];
      // Our own export is restored as it was; other workbooks get the 类/款 rows the document model needs.
      const result = readTable(grid, loc, { addParents: !payload, precise, ...(map ? { map } : {}) });
      results.set(loc.table.id, result);
      issues.push(...result.issues, ...columnIssues(grid, loc));
      infos.push(tableInfo(grid, loc, result.read, tableTitle(loc.table, entityKind)));
      options.onProgress?.(infos.length, located.length, infos[infos.length - 1].title);
    }
    return { issues, results, infos };
  };
  let { issues, results, infos } = readAll(false);
  // A damaged or edited data sheet is ignored whole: the workbook imports like any other, and the report says so.
  const dataSheetIssue: ImportIssue[] = dataSheet.kind === 'invalid' ? [{ severity: 'warning', message: DATA_SHEET_IGNORED }] : [];
  issues.unshift(...dataSheetIssue);
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

  // Unit: the flag wins; otherwise what the sheets say. A table the set prints in a unit of its own (Shanghai 三公 in
  // 万元 within a document in 元) is brought to the document's unit below, and its 单位 line says nothing about the
  // others. A document kept in 元 is read as printed: only a 万元 document converts 元 sheets.
  const docUnit = options.meta?.amountUnit ?? set.amountUnit;
  const displayUnit = (l: (typeof located)[number]) =>
    l.table.amountUnit !== undefined && l.table.amountUnit !== docUnit && (l.unit ?? l.table.amountUnit) === l.table.amountUnit ? l.table.amountUnit : undefined;
  const declared = new Set(located.filter((l) => !displayUnit(l)).map((l) => l.unit).filter(Boolean));
  let yuan = docUnit === '万元' && (options.yuan ?? (declared.has('元') && !declared.has('万元')));
  if (docUnit === '万元' && options.yuan === undefined && declared.has('元') && declared.has('万元')) {
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
    ({ issues, results, infos } = readAll(true));
    issues.unshift(...dataSheetIssue);
    precise = true; // figures are now in 分 (0.000001 万元), exactly what balanceToWan takes
    issues.push({
      severity: 'warning',
      message: `有 ${overPrecise.length} 个金额超过两位小数（例如工作表“${overPrecise[0].sheet}”的 ${overPrecise[0].cell}），已按舍位平衡保留两位小数，调整见下`,
    });
  }

  const notes = [...results].filter(([, r]) => r.note !== undefined).map(([table, r]) => ({ table, text: r.note as string }));
  const details = readDetails({
    located, sheets, tableNo: title, notes, ...(options.fileName ? { fileName: options.fileName } : {}),
    zeros: sum(results, (r) => r.zeros), blanks: sum(results, (r) => r.blanks),
    templateBlankZero: set.display.blankZero,
  });
  applyGiven(details, options.meta);
  if (!payload && details.year === undefined) {
    return { ok: false, needsYear: true, message: '工作簿的标题、表注、工作表名和文件名中都没有预算年度（如“2024年”），请指定年度后重新导入。' };
  }

  const doc = createDocument(set, {
    entityKind,
    ...(details.unitName ? { unitName: details.unitName.value } : {}),
    ...(details.compiler ? { compiler: details.compiler.value } : {}),
    ...(details.year ? { year: details.year.value } : {}),
    ...options.meta,
    blankZero: details.blankZero.value,
  });
  for (const def of set.tables) doc.tables[def.id] = { rows: results.get(def.id)?.rows ?? initialRows(def) };
  // A table printed in 万元 within a document in 元: exactly ×10,000. One printed in 元 within a 万元 document is
  // rounded with 舍位平衡 below, like a 元 workbook, so every figure that moves is listed in the report.
  const fenTables = new Set<string>();
  for (const l of located) {
    const shown = displayUnit(l);
    if (shown === '万元') doc.tables[l.table.id] = { rows: wanToYuan(doc.tables[l.table.id]!.rows) };
    else if (shown === '元') fenTables.add(l.table.id);
  }
  for (const id of fenTables) {
    const def = set.tables.find((t) => t.id === id)!;
    issues.push({ severity: 'warning', table: id, message: `${def.no}按模板以元列示，已读取并换算为万元（舍位平衡）` });
  }
  const ownExport = payload !== undefined && payload.meta.templateId === set.id;
  if (ownExport) restoreFromPayload(doc, payload);

  // Computed cells the workbook did not print are computed (before 舍位平衡, so they take part in it as exact
  // sums); printed ones are kept as printed.
  const printed = new Set<string>();
  for (const [id, r] of results) for (const k of r.printed) printed.add(`${id}\u0001${k}`);
  const filled = ownExport ? [] : fillUnprinted(doc, set, printed, [...results.keys()]);

  let rounding: ImportReport['rounding'];
  if (yuan || precise || fenTables.size > 0) {
    const ids = yuan || precise ? [...results.keys()] : [...fenTables];
    const read = Object.fromEntries(ids.map((id) => [id, doc.tables[id]]));
    const balanced = balanceToWan(read, set);
    for (const [id, t] of Object.entries(balanced.tables)) doc.tables[id] = { rows: t.rows };
    rounding = { adjustments: balanced.adjustments.map((a) => labelled(a, set, doc.tables)), unbalanced: balanced.unbalanced };
  }
  for (const n of notes) {
    // The template's own 空表 sentence comes back from the template; only the release's own wording is stored.
    const def = set.tables.find((t) => t.id === n.table);
    const standard = def ? tableEmptyNote(def, doc.meta) : undefined;
    if (standard === undefined || norm(standard) !== norm(n.text)) doc.tables[n.table].note = n.text;
  }

  // Every text read from the workbook (names, labels, notes, restored meta and inputs) goes through the one cleaner;
  // a text over Excel's limit is kept and flagged by the checks, so nothing the officer wrote is cut silently.
  cleanDocumentTexts(doc);
  for (const t of overLongTexts(doc, set)) {
    issues.push({ severity: 'warning', message: `${tooLongMessage(t.field, t.text.length)}。已按原文导入，导出前须删减` });
  }

  const unmatched: UnmatchedLabel[] = [];
  for (const loc of located) unmatched.push(...unmatchedColumns(sheets[loc.title.sheet], loc, title(loc.table.id)));
  for (const [id, r] of results) unmatched.push(...r.unmatched.map((u) => ({ ...u, tableTitle: title(id) })));
  const mapped = [
    ...located.flatMap((l) => [...l.fromMap].map(([to, label]) => ({ table: l.table.id, kind: 'column' as const, label, to }))),
    ...located.flatMap((l) => [...l.ignored.values()].map((label) => ({ table: l.table.id, kind: 'column' as const, label, to: null }))),
    ...[...results.values()].flatMap((r) => r.mapped),
  ];

  const report: ImportReport = {
    templateId: set.id,
    templateDetected: detection !== undefined,
    ...(detection ? { detection } : {}),
    details,
    unmatched,
    mapped,
    computed: filled.map((f) => computedEntry(doc, set, f, title)).filter((c) => c.value !== '0.00'),
    sourceUnit: yuan ? '元' : '万元',
    ownExport,
    tables: infos,
    notFound: notFound.map((t) => ({ table: t.id, title: `${t.no} ${tableTitle(t, entityKind)}` })),
    issues,
    ...(rounding ? { rounding } : {}),
  };
  return { ok: true, document: doc, report };
}

type Chosen = { ok: true; set: TemplateSet; detection?: TemplateDetection } | { ok: false; message: string };

/** The set named by the caller, by our own export's data sheet, or the best fit of the candidates (with why). */
function chooseSet(sheets: SheetGrid[], templates: TemplateSet[], options: ImportXlsxOptions, payload: DataSheetPayload | undefined): Chosen {
  if (options.templateId) {
    const set = templates.find((t) => t.id === options.templateId);
    if (!set) return { ok: false, message: `没有模板“${options.templateId}”。可用模板：${templates.map((t) => t.id).join('、')}` };
    return { ok: true, set };
  }
  const own = payload ? templates.find((t) => t.id === payload.meta.templateId) : undefined;
  if (own) return { ok: true, set: own };
  const scored = templates
    .map((t) => ({ t, e: setEvidence(sheets, t, options.map?.template === t.id ? options.map : undefined) }))
    .sort((a, b) => b.e.score - a.e.score);
  const best = scored[0];
  if (!best || best.e.score <= 0) return { ok: false, message: noTablesMessage() };
  const tie = scored.filter((s) => s.e.score === best.e.score).map((s) => s.t.name);
  const runner = scored.find((s) => s.e.score < best.e.score && s.e.score > 0);
  const reason =
    `按表名与表头识别为“${best.t.name}”：${best.e.reasons.join('；')}` +
    (tie.length > 1 ? `。与“${tie.slice(1).join('”“')}”无法区分（区别所在的表未打印），按排列在前者选择，如不对请指定模板` : '') +
    (runner ? `。其次是“${runner.t.name}”（${runner.e.reasons.slice(0, 2).join('；')}）` : '');
  return {
    ok: true,
    set: best.t,
    detection: {
      templateId: best.t.id,
      reason,
      candidates: scored.map((s) => ({ id: s.t.id, name: s.t.name, score: s.e.score, tablesFound: s.e.tablesFound, tablesTotal: s.e.tablesTotal })),
    },
  };
}

/** What the caller gave (the officer's answer to "which year?", --year, --unit) wins over what was read. */
function applyGiven(details: ImportDetails, meta: NewDocumentMeta | undefined): void {
  if (meta?.year !== undefined) details.year = { value: meta.year, source: '由您指定' };
  if (meta?.unitName !== undefined) details.unitName = { value: meta.unitName, source: '由您指定' };
  if (meta?.compiler !== undefined) details.compiler = { value: meta.compiler, source: '由您指定' };
}

function sum(results: Map<string, ReadTableResult>, f: (r: ReadTableResult) => number): number {
  let n = 0;
  for (const r of results.values()) n += f(r);
  return n;
}

function computedEntry(doc: BudgetDocument, set: TemplateSet, f: FilledCell, title: (id: string) => string): { table: string; row: string; column: string; value: string } {
  const def = set.tables.find((t) => t.id === f.table)!;
  const row = doc.tables[f.table].rows.find((r) => r.id === f.row);
  const col = def.columns.find((c) => c.id === f.col);
  return { table: title(f.table), row: rowLabel(def, row, f.row), column: col ? col.header.join('/') : f.col, value: formatAmount(row?.values[f.col] ?? 0) };
}

/** Printed columns nothing matched: asked about in the mapping step, with the figures they hold. */
function unmatchedColumns(grid: SheetGrid, loc: LocatedTable, tableTitleText: string): UnmatchedLabel[] {
  const out: UnmatchedLabel[] = [];
  const free = loc.table.columns.filter((c) => c.kind !== 'code' && !loc.columns.has(c.id));
  for (const [c, label] of loc.unmapped) {
    const sample: string[] = [];
    for (let r = loc.bodyStart; r < loc.bodyEnd && sample.length < 6; r++) {
      const cell = cellAt(grid, r, c);
      if (cell.text !== '' && !cell.mergedCopy) sample.push(cell.text);
    }
    if (sample.length === 0) continue;
    out.push({
      kind: 'column', table: loc.table.id, tableTitle: tableTitleText, label, key: columnMapKey(label), sheet: grid.name,
      cell: address(loc.headerBottom, c), sample, options: free.map((col) => ({ id: col.id, label: col.header.join('/') })),
    });
  }
  return out;
}

function labelled(a: RoundingAdjustment, set: TemplateSet, tables: Record<string, TableData>): LabelledAdjustment {
  const def = set.tables.find((t) => t.id === a.table);
  const col = def?.columns.find((c) => c.id === a.col);
  const row = tables[a.table]?.rows.find((r) => r.id === a.row);
  return { ...a, rowLabel: def ? rowLabel(def, row, a.row) : a.row, colLabel: col ? col.header[col.header.length - 1] : a.col };
}

function noTablesMessage(): string {
  return '没有在工作簿中找到任何预算公开表。导入时按表名查找（如“部门收支总体情况表”“一般公共预算支出情况表”），请确认表名与表头保留在工作表中。';
}

function tableInfo(grid: SheetGrid, loc: LocatedTable, rowsRead: number, title: string): TableImportInfo {
  const codeColumns = codeColumnsText(loc);
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
  for (const [c, label] of loc.unneeded) {
    issues.push({ severity: 'info', ...where, cell: `${columnLetter(c + 1)}列`, message: `“${label}”列已读取，本表模板不保存此列` });
  }
  for (const [c, label] of loc.ignored) {
    issues.push({ severity: 'info', ...where, cell: `${columnLetter(c + 1)}列`, message: `按您的选择忽略“${label}”列` });
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

/** Our own export: meta, texts and last year's figures come back from the data sheet; row ids and links too. */
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
    // Organisation links as saved (the visible sheet shows the rows, not which unit each belongs to).
    const byId = new Map(saved.map((r) => [r.id, r as { id: string; org?: RowData['org']; unit?: string }]));
    const ids = new Set(rows.map((r) => r.id));
    for (const row of rows) {
      const s = byId.get(row.id);
      if (!s) continue;
      if (s.org !== undefined && row.org !== undefined) row.org = s.org;
      if (s.unit !== undefined && ids.has(s.unit)) row.unit = s.unit;
      else if (s.unit === undefined && row.unit !== undefined && byId.size === rows.length) delete row.unit;
    }
  }
}

/** Figures of a table printed in 万元 within a document kept in 元: hundredths of 万元 × 10,000, exactly. */
function wanToYuan(rows: RowData[]): RowData[] {
  return rows.map((r) => ({ ...r, values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v * 10_000])) }));
}
