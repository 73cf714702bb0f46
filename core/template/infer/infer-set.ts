import type ExcelJS from 'exceljs';
import type { RuleDef, TableDef, TemplateSet } from '../template.schema';
import { parseTemplateSet } from '../validate-set';
import { loadWorkbook } from '../../xlsx/import/sheet-reader';
import { readGrid, sheetBlocks, type Block } from './sheet-blocks';
import { FIGURES_WORD_KEY } from '../../checks/set-words';
import { inferTable } from './infer-table';
import { impliedRules, ownRules } from './implied-rules';
import { crossTableRules } from './cross-table';

/**
 * A template set proposed from a bureau's blank template workbook (titles and headers, maybe example rows): one
 * table per titled block, the rules its headers and labels imply, and equalities between tables that print the
 * same columns over the same codes. Pure: bytes (or an exceljs workbook) in, a validated set out. The result is a
 * proposal for the officer to read and correct; `notes` says where a default was taken.
 */
export interface InferOptions {
  id?: string;
  name?: string;
}

export type InferResult =
  | { ok: true; set: TemplateSet; notes: string[]; implied: RuleDef[]; crossTable: RuleDef[] }
  | { ok: false; message: string };

export async function inferTemplateSet(input: Uint8Array | ExcelJS.Workbook, options: InferOptions = {}): Promise<InferResult> {
  let workbook: ExcelJS.Workbook;
  if (input instanceof Uint8Array) {
    const loaded = await loadWorkbook(input);
    if (!loaded.ok) return loaded;
    workbook = loaded.workbook;
  } else workbook = input;
  const blocks: Block[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.state !== 'visible') continue;
    blocks.push(...sheetBlocks(ws.name, readGrid(ws)));
  }
  if (blocks.length === 0) return { ok: false, message: '工作簿中没有找到带标题和表头的表格（标题以“表”结尾，其下是表头）。请确认选择的是空白模板工作簿。' };
  return inferFromBlocks(blocks, options);
}

export function inferFromBlocks(blocks: readonly Block[], options: InferOptions = {}): InferResult {
  const units = blocks.map((b) => b.unit ?? '万元');
  const amountUnit = mostCommon(units) as TemplateSet['amountUnit'];
  const compiler = blocks.find((b) => b.compiler)?.compiler;
  const prefix = compiler ? (/^[^:：]*[:：]/.exec(compiler)?.[0] ?? '编制部门：') : '编制部门：';
  const unitName = compiler ? compiler.slice(prefix.length).trim() || undefined : undefined;
  const notes: string[] = [];
  const tables: TableDef[] = blocks.map((block, i) => {
    const r = inferTable(block, i, amountUnit, unitName);
    notes.push(...r.notes);
    return r.table;
  });
  const implied = impliedRules(tables);
  const crossTable = crossTableRules(tables, blocks);
  const entity = mostCommon(blocks.map((b) => (/^单位/.test(b.title) ? '单位' : '部门')));
  // A workbook of 决算 tables makes a 决算 set: its checks and forms then speak of 决算数 (set-words.ts), and its
  // release is a 决算公开.
  const word = blocks.filter((b) => b.title.includes('决算')).length * 2 > blocks.length ? '决算' : '预算';
  if (word === '决算') notes.push('表名多含“决算”：按决算公开生成，审核和填报中称“决算数”“上年决算数”（可在“基本信息”中改为预算）');
  const set = {
    id: options.id ?? 'bureau-set',
    name: options.name ?? '由空白模板工作簿生成的模板',
    entityKind: entity,
    amountUnit,
    display: { blankZero: true, columnNumberRow: blocks.some((b) => b.columnNumberRow), compilerPrefix: prefix },
    tables,
    // The table rules are generated whenever the set loads (here, and each time the saved file is read).
    rules: [...ownRules(tables), ...crossTable],
    ...(word === '决算' ? { sentences: { [FIGURES_WORD_KEY]: word } } : {}),
    outline: [
      { id: 'cover', title: `{年度}年{主体}${word}公开`, kind: 'cover' },
      { id: 'toc', title: '目  录', kind: 'toc' },
      { id: 'tables', title: `{年度}年{主体}${word}公开表`, kind: 'tables', children: tables.map((t) => ({ id: `table-${t.id}`, title: `${t.no} ${t.title}`, kind: 'table', table: t.id })) },
    ],
  };
  const parsed = parseTemplateSet(set);
  if (!parsed.ok) return { ok: false, message: `由工作簿推断的模板不完整：\n${parsed.errors.join('\n')}` };
  return { ok: true, set: parsed.set, notes, implied, crossTable };
}

function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}
