import { z } from '../zod';

/**
 * A template set is data (templates/*.json): the tables of one kind of release, their columns and header groups,
 * row models, computed cells, display options, rules (审核公式) and the document outline. A finance bureau can ship
 * its own set as a file; it is validated here before anything uses it.
 */

export const columnKindSchema = z.enum([
  'code', // classification code part or combined code (text, keeps leading zeros)
  'name', // the name of the code / the fixed row's label / the project name
  'amount', // exact integer hundredths
  'text', // free text (project descriptions in a table, 指标值 …)
]);

export const columnSchema = z.object({
  /** Stable key used in the document data and in rules; never shown. */
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  /** Header path from the top group to the leaf label, as printed: ['支出预算', '合计']. The leaf spans any header rows left below it. */
  header: z.array(z.string()).min(1),
  kind: columnKindSchema,
  /** For code columns: which part of the code it shows. 'lei'/'kuan'/'xiang' = the 2-or-3-digit part; 'full' = combined code. */
  codePart: z.enum(['lei', 'kuan', 'xiang', 'full']).optional(),
  /** Row-level formula over other column ids of the same row, e.g. "basic + project". Such cells are computed (read-only). */
  formula: z.string().optional(),
  /** Width hint in Chinese characters, for the grid, Excel and Word. */
  width: z.number().positive().optional(),
  /** For side-by-side tables: 0 = left list, 1 = right list. */
  side: z.union([z.literal(0), z.literal(1)]).optional(),
  /**
   * Other leaf labels releases and budget systems print for this column ("项目支出合计", "金额" for 合计), used by
   * the Excel import. Spaces, line breaks, bracket widths and numbering are ignored when matching.
   */
  synonyms: z.array(z.string().min(1)).optional(),
});

export const fixedRowSchema = z.object({
  id: z.string().min(1),
  /** Printed label, e.g. "1. 一般公共预算拨款" or "其中：一般财力". */
  label: z.string(),
  /** For a row that stands for a classification code (表1/表4 支出 side lists every 类): the code. */
  code: z.string().regex(/^\d+$/).optional(),
  /** Indentation level for display (0 top). */
  level: z.number().int().min(0).max(4).optional(),
  /** Expression over row ids of the same list/column, making the row computed: "gpb + fund + soe". */
  formula: z.string().optional(),
  /** A 其中 item: must be ≤ the parent row (rule), not added into totals. */
  partOf: z.string().optional(),
  /** Other labels printed for this row ("财政专户（教育收费）" for 教育收费（财政专户）), used by the Excel import. */
  synonyms: z.array(z.string().min(1)).optional(),
});

/**
 * One list of a coded side-by-side table (决算 表6: 人员经费 on the left, 公用经费 on the right): the 类 codes whose
 * rows print on this side, the columns printed for them, and the label of the side's total on the last line.
 */
const codedSideSchema = z.object({
  /** 类 codes listed on this side (['301', '303']); a row whose 类 no side lists prints on the last side. */
  classes: z.array(z.string().regex(/^\d+$/)).min(1),
  /** Column ids printed on this side, in order (its code, name and amount columns). */
  columns: z.array(z.string().min(1)).min(1),
  /** The side's total as printed on the last line: 人员经费合计. */
  totalLabel: z.string(),
});

const codedRowsSchema = z.object({
  kind: z.literal('coded'),
  classification: z.enum(['functional', 'economic']),
  /** Code lengths per level: functional [3,5,7] (类/款/项), economic [3,5] (类/款). */
  levels: z.array(z.number().int().positive()).min(1),
  /** 类/款 rows are computed as the sum of their children. */
  subtotals: z.boolean(),
  /** Where the 合计 row stands. */
  total: z.object({ label: z.string(), position: z.enum(['top', 'bottom']) }),
  /**
   * Coded side-by-side: the rows are one coded list (stored, summed and checked like any coded table), printed as
   * two lists zipped by index, split by 类, with both sides' totals (the 合计 row's columns) on the last line.
   */
  sides: z.tuple([codedSideSchema, codedSideSchema]).optional(),
});

const fixedRowsSchema = z.object({
  kind: z.literal('fixed'),
  rows: z.array(fixedRowSchema).min(1),
});

/** Two lists printed side by side (表1, 表4): each side has its own rows; the last printed line holds both totals. */
const sideBySideRowsSchema = z.object({
  kind: z.literal('sideBySide'),
  sides: z.tuple([z.array(fixedRowSchema), z.array(fixedRowSchema)]),
  /** The totals printed on the last line: one row id per side (收入总计 / 支出总计). */
  totals: z.tuple([fixedRowSchema, fixedRowSchema]),
});

/** Project rows (表7): each row a project under a functional code; 合计 row. */
const projectRowsSchema = z.object({
  kind: z.literal('projects'),
  levels: z.array(z.number().int().positive()).min(1),
  total: z.object({ label: z.string(), position: z.enum(['top', 'bottom']) }),
});

export const rowModelSchema = z.discriminatedUnion('kind', [codedRowsSchema, fixedRowsSchema, sideBySideRowsSchema, projectRowsSchema]);

export const tableSchema = z.object({
  /** Stable id within the set, used in data and rules: "t1" … "t11". */
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  /** Printed number: "表1" or "表一". */
  no: z.string(),
  /** Title with the entity word as a placeholder: "{主体}收支总体情况表" → 部门收支总体情况表 / 单位收支总体情况表. */
  title: z.string(),
  /** Meaning, so that rules, generators and importers can map tables across sets. */
  role: z.enum([
    'overview', 'income', 'expenditure', 'fiscalOverview', 'gpbExpenditure', 'gpbBasic', 'gpbProjects',
    'govFund', 'stateCapital', 'sangong', 'carryover', 'other',
  ]),
  columns: z.array(columnSchema).min(1),
  rows: rowModelSchema,
  /** Printed under the grid when the table has no data (and sentence for the document). */
  emptyNote: z.string().optional(),
  landscape: z.boolean().optional(),
  /** Amount unit printed on the 编制部门 line; defaults to the set's. */
  amountUnit: z.enum(['万元', '元']).optional(),
}).superRefine((table, ctx) => {
  const model = table.rows;
  if (model.kind !== 'coded' || !model.sides) return;
  // Each column prints on exactly one side, and each side shows a code, a name and an amount.
  const kinds = new Map(table.columns.map((c) => [c.id, c.kind]));
  const seen = new Set<string>();
  model.sides.forEach((side, i) => {
    const where = ['rows', 'sides', i, 'columns'];
    for (const id of side.columns) {
      if (!kinds.has(id)) ctx.addIssue({ code: 'custom', path: where, message: `列“${id}”不存在` });
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: where, message: `列“${id}”在两侧都列出` });
      seen.add(id);
    }
    for (const kind of ['code', 'name', 'amount'] as const) {
      if (!side.columns.some((id) => kinds.get(id) === kind)) ctx.addIssue({ code: 'custom', path: where, message: `缺少${kind}列` });
    }
  });
  for (const c of table.columns) {
    if (!seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['rows', 'sides'], message: `列“${c.id}”不属于任何一侧` });
  }
});

export const severitySchema = z.enum(['error', 'warning']);

export const ruleSchema = z.object({
  id: z.string().min(1),
  /** Short Chinese name shown with findings: "支出合计等于基本支出加项目支出". */
  name: z.string().min(1),
  severity: severitySchema,
  scope: z.enum(['表内', '表间']),
  /** The rule in the expression language (see core/rules). */
  expr: z.string().min(1),
  /** Optional message pattern; the engine's default names both figures and the difference. */
  message: z.string().optional(),
});

export const outlineNodeSchema: z.ZodType<OutlineNode> = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    title: z.string(),
    /** What fills the node: a table, a generated section, officer text, or a list of children. */
    kind: z.enum(['cover', 'toc', 'part', 'section', 'table', 'tables', 'generated', 'input', 'glossary', 'closing']),
    table: z.string().optional(),
    generator: z.string().optional(),
    input: z.string().optional(),
    children: z.array(outlineNodeSchema).optional(),
  }),
);

export interface OutlineNode {
  id: string;
  title: string;
  kind: 'cover' | 'toc' | 'part' | 'section' | 'table' | 'tables' | 'generated' | 'input' | 'glossary' | 'closing';
  table?: string;
  generator?: string;
  input?: string;
  children?: OutlineNode[];
}

export const templateSetSchema = z.object({
  /** Stable id, e.g. "xj-dept-2024-11"; documents refer to it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  /** 部门 or 单位 as the set's default wording; a document may override. */
  entityKind: z.enum(['部门', '单位']),
  amountUnit: z.enum(['万元', '元']),
  display: z.object({
    /** Zero printed blank (2024) or "0.00" (2021). */
    blankZero: z.boolean(),
    /** A row of column numbers under the header (2021: "** ** ** ** 1 2 3"). */
    columnNumberRow: z.boolean(),
    /** Compiler line prefix: "编制部门：" or "编制单位：". */
    compilerPrefix: z.string(),
  }),
  tables: z.array(tableSchema).min(1),
  /** The set's own rules: cross-table and special ones. Rules its tables imply are generated (implied-rules.ts). */
  rules: z.array(ruleSchema),
  /** Generated rules this set does without, by id (written when a child set removes one). */
  impliedRules: z.object({ disable: z.array(z.string()) }).optional(),
  outline: z.array(outlineNodeSchema),
  /** Sentence patterns for generated text, keyed by generator id. */
  sentences: z.record(z.string(), z.string()).optional(),
  /** Standard 名词解释 text, editable per document. */
  glossary: z.array(z.object({ term: z.string(), text: z.string() })).optional(),
});

export type ColumnKind = z.infer<typeof columnKindSchema>;
export type ColumnDef = z.infer<typeof columnSchema>;
export type FixedRowDef = z.infer<typeof fixedRowSchema>;
export type RowModel = z.infer<typeof rowModelSchema>;
export type CodedSide = z.infer<typeof codedSideSchema>;
export type TableDef = z.infer<typeof tableSchema>;
export type RuleDef = z.infer<typeof ruleSchema>;
export type Severity = z.infer<typeof severitySchema>;
export type TemplateSet = z.infer<typeof templateSetSchema>;
