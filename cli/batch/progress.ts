import type { CliIO } from '../registry';
import type { BatchRow } from './report-workbook';

/**
 * Progress of a batch: a bar with the expected time left on a terminal (redrawn on one line of stderr), one line
 * per file otherwise (a log, a CI job), so either way the officer sees that the run moves and where it is.
 */
export class BatchProgress {
  private count = 0;
  private readonly started = Date.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(private readonly total: number, private readonly io: CliIO, private readonly enabled: boolean) {}

  done(file: string, row: BatchRow): void {
    this.count += 1;
    if (!this.enabled) return;
    if (this.tty) {
      const width = 30;
      const filled = Math.round((this.count / Math.max(1, this.total)) * width);
      const elapsed = (Date.now() - this.started) / 1000;
      const left = this.count ? Math.round((elapsed / this.count) * (this.total - this.count)) : 0;
      const eta = left >= 60 ? `${Math.floor(left / 60)}分${left % 60}秒` : `${left}秒`;
      process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.count}/${this.total} 剩余约 ${eta}   `);
      return;
    }
    const what = row.ok ? `错误 ${row.summary.errors}，提示 ${row.summary.warnings}${row.summary.importIssues ? `，导入问题 ${row.summary.importIssues}` : ''}` : `无法读取：${row.reason}`;
    this.io.out(`[${this.count}/${this.total}] ${file}：${what}`);
  }

  note(text: string): void {
    if (this.tty) process.stderr.write('\n');
    this.io.err(text);
  }

  finish(): void {
    if (this.enabled && this.tty && this.count > 0) process.stderr.write('\n');
  }
}
