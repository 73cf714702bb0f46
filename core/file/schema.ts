import { z } from '../zod';
import { FORMAT_NAME } from '../document/document';

/** The zod schema of a .ysgk file (current version). Semantic checks against the template come after (parse.ts). */

export const amountSchema = z.number().refine((n) => Number.isSafeInteger(n), { message: 'amount' });

export const rowFileSchema = z
  .object({
    id: z.string().min(1),
    code: z.string().regex(/^\d+$/).optional(),
    name: z.string().optional(),
    values: z.record(z.string(), amountSchema),
    texts: z.record(z.string(), z.string()).optional(),
    org: z.enum(['department', 'unit']).optional(),
    unit: z.string().min(1).optional(),
  })
  .strict();

export const metaFileSchema = z
  .object({
    unitName: z.string(),
    compiler: z.string(),
    entityKind: z.enum(['部门', '单位']),
    year: z.number().int().min(1990).max(2200),
    templateId: z.string().min(1),
    amountUnit: z.enum(['万元', '元']),
    date: z.string(),
    region: z.string().optional(),
    unitType: z.enum(['行政', '参公', '事业', '其他']).optional(),
    blankZero: z.boolean().optional(),
    textAmountStyle: z.enum(['fixed2', 'minimal']).optional(),
  })
  .strict();

export const jsonSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonSchema), z.record(z.string(), jsonSchema)]),
);

export const documentFileSchema = z
  .object({
    format: z.literal(FORMAT_NAME),
    version: z.number().int(),
    meta: metaFileSchema,
    tables: z.record(z.string(), z.object({ rows: z.array(rowFileSchema), note: z.string().optional() }).strict()),
    inputs: z.record(z.string(), jsonSchema),
    priorYear: z.record(z.string(), amountSchema),
  })
  .strict();

/** Chinese names of the fields, for messages. */
export const FIELD_NAMES: Record<string, string> = {
  format: '格式名', version: '版本', meta: '基本信息', tables: '表格', inputs: '说明文字', priorYear: '上年预算数',
  unitName: '单位名称', compiler: '编制部门', entityKind: '部门/单位', year: '年度', templateId: '模板', amountUnit: '金额单位',
  date: '日期', region: '地区', unitType: '单位类型', rows: '行', values: '金额', texts: '文字', id: '行标识', code: '编码', name: '名称',
  org: '机构行', unit: '所属机构', note: '表注', blankZero: '零值显示为空', textAmountStyle: '说明中金额的写法',
};
