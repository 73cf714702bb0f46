import { checkDocument } from '../checks/check-document';
import type { BudgetDocument } from '../document/document';
import { parseDocument } from '../file/parse';
import { toPrintedFindings } from '../rules/printed';
import { getBuiltinTemplateSet } from '../template/registry';
import type { TemplateSet } from '../template/template.schema';
import { createContext } from '../text/context';
import { fiscalTotalFig, grandTotalFig } from '../text/generators/budget';
import { sangongValue } from '../text/generators/funds';
import type { ImportMap } from '../xlsx/import-xlsx';
import { importXlsx } from '../xlsx/import-xlsx';
import { reportCounts } from '../xlsx/import/import-report';

/**
 * One unit of a batch check (a county's disclosures before publication): read the file (a saved document, or a
 * workbook imported on the fly with its import report kept), check it, and summarise what the finance bureau
 * reads first — the unit, its totals, how many 错误/提示 and import problems, the first 错误 — plus every finding.
 * Pure: the CLI runs it in worker threads, the app in a Web Worker.
 */

export interface UnitFinding {
  severity: 'error' | 'warning';
  rule: string;
  table: string;
  row: string;
  column: string;
  message: string;
}

export interface UnitSummary {
  unit: string;
  year: number;
  templateId: string;
  /** Hundredths of the amount unit. */
  total: number;
  fiscal: number;
  sangong: number;
  amountUnit: string;
  errors: number;
  warnings: number;
  importIssues: number;
  firstError: string;
  findings: UnitFinding[];
}

export type UnitResult =
  | { ok: true; summary: UnitSummary; doc?: BudgetDocument; templateId: string }
  | { ok: false; reason: string };

export interface UnitCheckOptions {
  templateId?: string;
  year?: number;
  map?: ImportMap;
  /** Keep the document in the result (for exporting it afterwards). */
  keepDocument?: boolean;
}

export function summarize(doc: BudgetDocument, template: TemplateSet, importIssues: number): UnitSummary {
  const findings = checkDocument(doc, template);
  const printed = toPrintedFindings(findings, template, doc);
  const ctx = createContext(doc, template);
  const unitFindings: UnitFinding[] = printed.map((f) => ({
    severity: f.severity,
    rule: f.rule,
    table: f.cells.map((c) => c.table).filter((t, i, all) => all.indexOf(t) === i).join('、'),
    row: f.cells[0]?.row ?? '',
    column: f.cells[0]?.column ?? '',
    message: f.message,
  }));
  const first = unitFindings.find((f) => f.severity === 'error');
  return {
    unit: doc.meta.unitName,
    year: doc.meta.year,
    templateId: template.id,
    total: grandTotalFig(ctx).value,
    fiscal: ctx.table('fiscalOverview') ? fiscalTotalFig(ctx).value : 0,
    sangong: sangongValue(ctx, 'total'),
    amountUnit: template.amountUnit,
    errors: unitFindings.filter((f) => f.severity === 'error').length,
    warnings: unitFindings.filter((f) => f.severity === 'warning').length,
    importIssues,
    firstError: first ? first.message : '',
    findings: unitFindings,
  };
}

/** Reads and checks one file; a file that cannot be read gives the reason, in Chinese, never a throw. */
export async function checkUnitFile(name: string, bytes: Uint8Array, options: UnitCheckOptions = {}): Promise<UnitResult> {
  try {
    if (/\.xlsx$/i.test(name)) {
      const r = await importXlsx(bytes, {
        ...(options.templateId ? { templateId: options.templateId } : {}),
        ...(options.map ? { map: options.map } : {}),
        fileName: name.split(/[\\/]/).pop() ?? name,
        meta: options.year ? { year: options.year } : {},
      });
      if (!r.ok) return { ok: false, reason: r.needsYear ? '缺少年度（工作簿中没有年度，请用 --year 指定）' : r.message };
      const template = getBuiltinTemplateSet(r.report.templateId);
      if (!template) return { ok: false, reason: `未知的模板集：${r.report.templateId}` };
      const counts = reportCounts(r.report);
      const summary = summarize(r.document, template, counts.errors + counts.warnings);
      return { ok: true, summary, templateId: template.id, ...(options.keepDocument ? { doc: r.document } : {}) };
    }
    const r = parseDocument(bytes, { resolveTemplate: (id) => getBuiltinTemplateSet(id) });
    if (!r.ok) return { ok: false, reason: r.message };
    return { ok: true, summary: summarize(r.doc, r.template, 0), templateId: r.template.id, ...(options.keepDocument ? { doc: r.doc } : {}) };
  } catch {
    return { ok: false, reason: '文件内容异常，无法读取（可能已损坏）' };
  }
}
