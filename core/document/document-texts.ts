import type { BudgetDocument, CellRef, JsonValue, RowData } from './document';
import type { TemplateSet } from '../template/template.schema';
import { cleanJsonTexts, cleanText, isTooLong } from './clean-text';
import { inputLabel } from '../inputs/input-labels';

/**
 * Every text a document stores, each with the Chinese name of its field, so that the cleaner, the length check
 * (finding), and the exporters' refusal all walk the same list and name a field the same way.
 */
export interface DocumentText {
  /** Chinese name of the field: "单位名称", "表7 第 3 个项目（2101202）的名称", "说明文字“overview.duties”", "表3 表注". */
  field: string;
  text: string;
  cell?: CellRef;
  input?: string;
}

const META_FIELDS: [key: 'unitName' | 'compiler' | 'date' | 'region', name: string][] = [
  ['unitName', '单位名称'], ['compiler', '编制部门'], ['date', '日期'], ['region', '地区'],
];

function tableName(template: TemplateSet | undefined, id: string): string {
  return template?.tables.find((t) => t.id === id)?.no ?? `表“${id}”`;
}

/** A row as the officer finds it: "行“2080505”", or "第 2 个项目（2101202）" (project rows share codes). */
export function rowFieldLabel(row: RowData, projectNo?: number): string {
  if (projectNo !== undefined) return `第 ${projectNo} 个项目${row.code ? `（${row.code}）` : ''}`;
  return `行“${row.code ?? row.id}”`;
}

const PROJECT_ROW = /^p\d+$/;

/** The 1-based number of a project row among its table's project rows, else undefined. */
export function projectNumber(rows: readonly RowData[], row: RowData): number | undefined {
  if (!PROJECT_ROW.test(row.id)) return undefined;
  let n = 0;
  for (const r of rows) {
    if (PROJECT_ROW.test(r.id)) n++;
    if (r === row) return n;
  }
  return undefined;
}

/** Visits every stored text. Inputs are walked without recursion (a loaded file's nesting is bounded, but be safe). */
export function forEachDocumentText(doc: BudgetDocument, template: TemplateSet | undefined, visit: (t: DocumentText) => void): void {
  for (const [key, name] of META_FIELDS) {
    const v = doc.meta[key];
    if (typeof v === 'string') visit({ field: name, text: v });
  }
  for (const [id, table] of Object.entries(doc.tables)) {
    const no = tableName(template, id);
    if (table.note !== undefined) visit({ field: `${no} 表注`, text: table.note });
    let projects = 0;
    for (const row of table.rows) {
      const label = rowFieldLabel(row, PROJECT_ROW.test(row.id) ? ++projects : undefined);
      if (row.name !== undefined) {
        const nameCol = template?.tables.find((t) => t.id === id)?.columns.find((c) => c.kind === 'name')?.id ?? 'name';
        visit({ field: `${no} ${label}的名称`, text: row.name, cell: { table: id, row: row.id, col: nameCol } });
      }
      for (const [col, text] of Object.entries(row.texts ?? {})) {
        visit({ field: `${no} ${label}的“${col}”列`, text, cell: { table: id, row: row.id, col } });
      }
    }
  }
  for (const [key, value] of Object.entries(doc.inputs)) {
    const field = inputLabel(key);
    const stack: JsonValue[] = [value];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (typeof v === 'string') visit({ field, text: v, input: key });
      else if (Array.isArray(v)) stack.push(...v);
      else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
    }
  }
}

/** Texts over Excel's cell limit, each named. */
export function overLongTexts(doc: BudgetDocument, template?: TemplateSet): DocumentText[] {
  const out: DocumentText[] = [];
  forEachDocumentText(doc, template, (t) => {
    if (isTooLong(t.text)) out.push(t);
  });
  return out;
}

/**
 * Cleans every stored text in place (file load, import, and the exporters' copy). Empty texts left by cleaning are
 * removed, as the canonical form wants.
 */
export function cleanDocumentTexts(doc: BudgetDocument): void {
  const meta = doc.meta as unknown as Record<string, unknown>;
  for (const [key] of META_FIELDS) if (typeof meta[key] === 'string') meta[key] = cleanText(meta[key] as string);
  for (const table of Object.values(doc.tables)) {
    if (table.note !== undefined) {
      table.note = cleanText(table.note);
      if (table.note === '') delete table.note;
    }
    for (const row of table.rows) {
      if (row.name !== undefined) row.name = cleanText(row.name);
      if (row.texts) {
        for (const [col, text] of Object.entries(row.texts)) {
          const c = cleanText(text);
          if (c === '') delete row.texts[col];
          else row.texts[col] = c;
        }
        if (Object.keys(row.texts).length === 0) delete row.texts;
      }
    }
  }
  for (const [key, value] of Object.entries(doc.inputs)) doc.inputs[key] = cleanJsonTexts(value);
}
