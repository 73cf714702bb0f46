import { exportXlsx } from '../../core/xlsx/export-xlsx';
import type { CliCommand } from '../registry';
import { readDocument, writeBytes } from '../io';

/**
 * `export FILE --xlsx OUT.xlsx [--formulas]`. The Word export (`--docx OUT.docx`) is added by the Word part: it
 * plugs in at WORD_EXPORT below through cli/commands/export-docx.ts.
 */
export const command: CliCommand = {
  name: 'export',
  summary: '导出 Excel 工作簿（每张表一个工作表，可直接打印）',
  usage: 'export FILE --xlsx OUT.xlsx [--formulas] [--docx OUT.docx]',
  valueOptions: ['xlsx', 'docx'],
  flagOptions: ['formulas'],
  async run(args, io) {
    const [file, extra] = args.positionals;
    const { xlsx, docx, formulas } = args.options;
    if (file === undefined || extra !== undefined) {
      io.err('请给出要导出的文件，例如：export 预算公开.ysgk --xlsx 预算公开表.xlsx');
      return 2;
    }
    if (typeof xlsx !== 'string' && typeof docx !== 'string') {
      io.err('请用 --xlsx 指定导出的 Excel 文件（或 --docx 指定 Word 文件）');
      return 2;
    }
    const r = await readDocument(io.cwd, file);
    if (!r.ok) {
      io.err(r.message);
      return 2;
    }
    if (typeof xlsx === 'string') {
      const bytes = await exportXlsx(r.doc, r.template, { formulas: formulas === true });
      const full = await writeBytes(io.cwd, xlsx, bytes);
      io.out(`已导出 Excel：${full}`);
    }
    if (typeof docx === 'string') {
      // WORD_EXPORT: the lead wires the Word engineer's function from ./export-docx.ts here.
      io.err('导出 Word（--docx）尚未接入本版本');
      return 2;
    }
    return 0;
  },
};
