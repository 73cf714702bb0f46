import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { inferTemplateSet, type InferOptions } from '../core/template/infer/infer-set';
import type { TableDef } from '../core/template/template.schema';
import { INPUT_LIMITS } from '../core/xlsx/input-guard';
import { ioErrorMessage } from '../node/io-errors';

/**
 * `templates infer`: a bureau's blank workbook in, the proposed set file's text out (every implied rule and every
 * cross-table equality accepted), with one line per table for the officer to check against the workbook.
 */
export type InferFileResult = { ok: true; text: string; summary: string[] } | { ok: false; message: string };

const MODEL: Record<TableDef['rows']['kind'], string> = { coded: '按科目编码', fixed: '固定行', sideBySide: '左右并列', projects: '按项目' };

export async function inferSetFile(cwd: string, path: string, options: InferOptions): Promise<InferFileResult> {
  const full = resolve(cwd, path);
  let bytes: Uint8Array;
  try {
    const info = await stat(full);
    if (info.isDirectory()) return { ok: false, message: `无法打开“${path}”：这是一个文件夹` };
    if (info.size > INPUT_LIMITS.maxFileBytes) return { ok: false, message: `“${path}”过大，超过导入上限 ${INPUT_LIMITS.maxFileBytes / 1024 / 1024} MB。` };
    bytes = new Uint8Array(await readFile(full));
  } catch (error) {
    return { ok: false, message: ioErrorMessage('打开', path, error) };
  }
  const r = await inferTemplateSet(bytes, options);
  if (!r.ok) return { ok: false, message: `${path}：${r.message}` };
  const set = r.set;
  const summary = set.tables.map((t) => {
    const amounts = t.columns.filter((c) => c.kind === 'amount');
    const computed = amounts.filter((c) => c.formula).length;
    const rows = t.rows.kind === 'fixed' ? `，${t.rows.rows.length} 行` : t.rows.kind === 'sideBySide' ? `，${t.rows.sides[0].length}+${t.rows.sides[1].length} 行` : '';
    return `${t.no} ${t.title}（${t.role}）：${MODEL[t.rows.kind]}${rows}，金额列 ${amounts.length} 个（其中计算列 ${computed} 个）${t.amountUnit ? `，单位 ${t.amountUnit}` : ''}`;
  });
  summary.push(`审核公式：表内 ${r.implied.length} 条（由表头和行推出），表间 ${r.crossTable.length} 条（列与科目相同的表之间，作为提示）。金额单位：${set.amountUnit}。`);
  for (const note of r.notes) summary.push(`请核对：${note}`);
  return { ok: true, text: `${JSON.stringify(set, null, 2)}\n`, summary };
}
