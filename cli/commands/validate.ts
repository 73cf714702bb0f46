import { checkDocument } from '../../core/checks/check-document';
import type { CliCommand } from '../registry';
import { readDocument } from '../io';
import { toPrintedFindings } from '../../core/rules/printed';
import { groupByCauseIndexed } from '../../core/rules/causes';

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
    // One wrong cell echoes through 项/款/类/合计 and every table comparing with it: findings are grouped under the
    // cell that explains them (no cause is named where the evidence ties: the CLI has no last edit to go by).
    const groups = groupByCauseIndexed(findings, r.doc, r.template);
    const printedOf = new Map(findings.map((f, i) => [f, printed[i]!]));
    const causeOf = new Map<(typeof printed)[number], ReturnType<typeof toPrintedFindings>[number]['cells'][number]>();
    for (const g of groups) {
      if (!g.cause) continue;
      const cause = toPrintedFindings([{ ...g.primary, cells: [g.cause] }], r.template, r.doc)[0]!.cells[0]!;
      for (const m of g.members) causeOf.set(printedOf.get(m)!, cause);
    }
    if (args.options.json) {
      const withCause = printed.map((f) => (causeOf.has(f) ? { ...f, cause: causeOf.get(f) } : f));
      io.out(JSON.stringify({ findings: withCause }, null, 2));
    } else {
      const line = (f: (typeof printed)[number]) => {
        const where = f.cells[0] ? `${f.cells[0].table} ${f.cells[0].row} ${f.cells[0].column}：` : '【文字】';
        return `[${f.severity === 'error' ? '错误' : '提示'}] ${where}${f.message}`;
      };
      for (const g of groups) {
        const primary = printedOf.get(g.primary)!;
        if (!g.cause || g.members.length === 1) {
          for (const m of g.members) io.out(line(printedOf.get(m)!));
          continue;
        }
        const cause = causeOf.get(primary)!;
        io.out(`${line(primary)}`);
        io.out(`  可能的原因：${cause.table} ${cause.row} ${cause.column}；另有 ${g.members.length - 1} 处由此引起：`);
        for (const m of g.members) if (m !== g.primary) io.out(`    ${line(printedOf.get(m)!)}`);
      }
      const warnings = printed.length - errors;
      io.out(printed.length === 0 ? `${file}：审核通过，没有错误和提示。` : `${file}：错误 ${errors} 条，提示 ${warnings} 条。`);
    }
    return errors > 0 ? 1 : 0;
  },
};
