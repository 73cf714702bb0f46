import { checkDocument } from '../../core/checks/check-document';
import type { CliCommand } from '../registry';
import { readDocument } from '../io';
import { toPrintedFindings } from '../../core/rules/printed';

export const command: CliCommand = {
  name: 'validate',
  summary: '审核文件：列出错误和提示（--json 输出机器可读结果）',
  usage: 'validate FILE [--json]',
  flagOptions: ['json'],
  async run(args, io) {
    const [file, extra] = args.positionals;
    if (file === undefined || extra !== undefined) {
      io.err('请给出一个要审核的文件，例如：validate 预算公开.ysgk');
      return 2;
    }
    const r = await readDocument(io.cwd, file);
    if (!r.ok) {
      if (args.options.json) io.out(JSON.stringify({ error: r.message, findings: [] }));
      io.err(r.message);
      return 2;
    }
    const findings = checkDocument(r.doc, r.template);
    const printed = toPrintedFindings(findings, r.template, r.doc);
    const errors = printed.filter((f) => f.severity === 'error').length;
    if (args.options.json) {
      io.out(JSON.stringify({ findings: printed }, null, 2));
    } else {
      for (const f of printed) {
        const where = f.cells[0] ? `${f.cells[0].table} ${f.cells[0].row} ${f.cells[0].column}：` : '【文字】';
        io.out(`[${f.severity === 'error' ? '错误' : '提示'}] ${where}${f.message}`);
      }
      const warnings = printed.length - errors;
      io.out(printed.length === 0 ? `${file}：审核通过，没有错误和提示。` : `${file}：错误 ${errors} 条，提示 ${warnings} 条。`);
    }
    return errors > 0 ? 1 : 0;
  },
};
