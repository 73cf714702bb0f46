import type { Finding } from '../core/rules/finding';

/** One finding as a Chinese line for terminal output: "[错误] 规则名：消息". */
export function findingLine(f: Finding): string {
  return `[${f.severity === 'error' ? '错误' : '提示'}] ${f.ruleName}：${f.message}`;
}
