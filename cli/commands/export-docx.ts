import { resolve } from 'node:path';
import { writeFileAtomic } from '../../node/atomic-write';
import type { BudgetDocument } from '../../core/document/document';
import type { Finding } from '../../core/rules/finding';
import type { TemplateSet } from '../../core/template/template.schema';
import { createRuleEngine } from '../../core/rules/engine';
import { checkDocumentText } from '../../core/checks/check-text';
import { exportDocx } from '../../core/docx/export-docx';

export interface ExportDocxFileOptions {
  /** Export even when 错误 findings are open (CLI --force). */
  force?: boolean;
  /** Base for a relative outPath (the CLI's cwd). */
  cwd?: string;
  /** Findings already computed by the caller; default: the rule engine's plus the text checks. */
  findings?: readonly Finding[];
}

export interface ExportDocxFileResult {
  /** True when the file was written. */
  written: boolean;
  /** Absolute path written (or that would have been). */
  path: string;
  /** Open findings at export time (errors first). */
  findings: Finding[];
  /** Lines for the CLI's output, in Chinese: what happened, then the open findings. */
  lines: string[];
  /** CLI exit code: 0 written, 1 refused because of errors. */
  exitCode: number;
}

const label = (f: Finding) => `[${f.severity === 'error' ? '错误' : '提示'}] ${f.ruleName}：${f.message}`;

/**
 * `export FILE --docx OUT.docx [--force]`: writes the Word release atomically. With 错误 findings open it refuses
 * unless forced; a forced export marks nothing in the document but lists every open finding in the output.
 */
export async function exportDocxToFile(
  doc: BudgetDocument,
  template: TemplateSet,
  outPath: string,
  options: ExportDocxFileOptions = {},
): Promise<ExportDocxFileResult> {
  const path = resolve(options.cwd ?? process.cwd(), outPath);
  const findings = [...(options.findings ?? [...createRuleEngine(template, doc).checkAll(), ...checkDocumentText(doc, template)])]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (errors > 0 && !options.force) {
    return {
      written: false, path, findings, exitCode: 1,
      lines: [`有 ${errors} 条错误未解决，未导出 Word。修改后再导出，或加 --force 仍然导出：`, ...findings.map(label)],
    };
  }
  const bytes = await exportDocx(doc, template);
  await writeFileAtomic(path, bytes, { backup: false });
  const lines = [`已导出 Word：${path}`];
  if (findings.length > 0) lines.push(`导出时仍有错误 ${errors} 条、提示 ${warnings} 条：`, ...findings.map(label));
  return { written: true, path, findings, lines, exitCode: 0 };
}
