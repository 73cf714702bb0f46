import { exportXlsx } from '../../core/xlsx/export-xlsx';
import type { CliCommand } from '../registry';
import { readDocument, writeBytes } from '../io';
import { exportDocx } from '../../core/docx/export-docx';
import { checkDocument } from '../../core/checks/check-document';
import { countBySeverity } from '../../core/rules/finding-order';
import { findingLine } from '../findings-output';

/**
 * `export FILE [--xlsx OUT.xlsx] [--docx OUT.docx] [--formulas] [--force]`. With 错误 findings open nothing is written
 * unless --force; a forced export marks nothing in the document but lists every open finding in the output.
 */
export const command: CliCommand = {
  name: 'export',
  summary: '导出 Excel 工作簿和/或 Word 公开文本（有错误时需 --force）',
  usage: 'export FILE [--xlsx OUT.xlsx] [--docx OUT.docx] [--formulas] [--force]',
  valueOptions: ['xlsx', 'docx'],
  flagOptions: ['formulas', 'force'],
  async run(args, io) {
    const [file, extra] = args.positionals;
    const { xlsx, docx, formulas, force } = args.options;
    if (file === undefined || extra !== undefined) {
      io.err('请给出要导出的文件，例如：export 预算公开.ysgk --xlsx 预算公开表.xlsx --docx 预算公开.docx');
      return 2;
    }
    if (typeof xlsx !== 'string' && typeof docx !== 'string') {
      io.err('请用 --xlsx 指定导出的 Excel 文件，或用 --docx 指定 Word 文件');
      return 2;
    }
    const r = await readDocument(io.cwd, file);
    if (!r.ok) {
      io.err(r.message);
      return 2;
    }
    const findings = checkDocument(r.doc, r.template);
    const { errors, warnings } = countBySeverity(findings);
    if (errors > 0 && force !== true) {
      io.err(`有 ${errors} 条错误未解决，未导出。修改后再导出，或加 --force 仍然导出：`);
      for (const f of findings) io.err(findingLine(f));
      return 1;
    }
    if (typeof xlsx === 'string') {
      const bytes = await exportXlsx(r.doc, r.template, { formulas: formulas === true });
      io.out(`已导出 Excel：${await writeBytes(io.cwd, xlsx, bytes)}`);
    }
    if (typeof docx === 'string') {
      const bytes = await exportDocx(r.doc, r.template);
      io.out(`已导出 Word：${await writeBytes(io.cwd, docx, bytes)}`);
    }
    if (findings.length > 0) {
      io.out(`导出时仍有错误 ${errors} 条、提示 ${warnings} 条：`);
      for (const f of findings) io.out(findingLine(f));
    }
    return 0;
  },
};
