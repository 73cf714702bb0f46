import type { Finding } from '../rules/finding';
import type { Command } from './command';
import { isComputedCell } from './cell-writer';
import { command, CommandError } from './raw';
import { setCells } from './set-cells.command';

/** Takes a finding's suggested value (Finding.fix) as an ordinary, undoable cell edit. */
export function applyFix(finding: Pick<Finding, 'fix' | 'ruleName'>): Command {
  const label = `采用建议值：${finding.ruleName}`;
  return command(label, (doc, ctx) => {
    const fix = finding.fix;
    if (!fix) throw new CommandError('该审核结果没有建议值');
    if (isComputedCell(doc, ctx.template, fix.cell)) {
      throw new CommandError('该单元格由公式或下级科目汇总计算，不能直接修改，请修改其组成数');
    }
    return setCells([{ ...fix.cell, value: fix.value }], label).apply(doc, ctx);
  });
}
