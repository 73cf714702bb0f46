import { commandNames, loadCommand, parseArgs, type CliIO } from './registry';
import { CliFailure, INTERNAL_ERROR, TOO_DEEP } from './io';
import { describeIoError, isIoError } from '../node/io-errors';

const PROGRAM = 'budget-disclosure';

// Output piped into `head` or a closed terminal: stop quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const defaultIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  cwd: process.cwd(),
};

/** Runs the CLI with the given arguments; returns the exit code (never throws). */
export async function run(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    await printHelp(io);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out('0.1.0');
    return 0;
  }
  if (!commandNames().includes(name)) {
    io.err(`未知的子命令“${name}”。用 ${PROGRAM} help 查看全部子命令。`);
    return 2;
  }
  try {
    const cmd = await loadCommand(name);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`用法：${PROGRAM} ${cmd.usage}\n${cmd.summary}`);
      return 0;
    }
    const parsed = parseArgs(rest, cmd);
    if (!parsed.ok) {
      io.err(`${parsed.message}\n用法：${PROGRAM} ${cmd.usage}`);
      return 2;
    }
    return await cmd.run(parsed.args, io);
  } catch (error) {
    io.err(failureMessage(error));
    return error instanceof CliFailure ? error.exitCode : 2;
  }
}

/**
 * The only words an escaped error may print: our own Chinese CliFailure, or a fixed Chinese sentence. A raw
 * error.message from Node or a library is English and may name a temp file; a stack means nothing to the user.
 */
export function failureMessage(error: unknown): string {
  if (error instanceof CliFailure) return error.message;
  // A file error the command did not word itself: say what kind, without Node's message (it names temp files).
  if (isIoError(error)) return `读写文件时出错：${describeIoError(error)}请检查命令中给出的文件和文件夹后重试。`;
  // "Maximum call stack size exceeded": a deeply nested input that slipped past the parser's own guard.
  if (error instanceof RangeError) return TOO_DEEP;
  return INTERNAL_ERROR;
}

async function printHelp(io: CliIO): Promise<void> {
  const lines = [`预算公开编制助手 命令行工具`, ``, `用法：${PROGRAM} <子命令> [参数]`, ``, `子命令：`];
  for (const name of commandNames()) {
    try {
      const cmd = await loadCommand(name);
      lines.push(cmd.usage.length < 48 ? `  ${cmd.usage.padEnd(48)} ${cmd.summary}` : `  ${cmd.usage}\n  ${''.padEnd(48)} ${cmd.summary}`);
    } catch {
      lines.push(`  ${name.padEnd(48)} （加载失败）`);
    }
  }
  lines.push('', '退出码：0 成功或没有错误，1 审核发现错误，2 文件无法使用或参数有误。');
  io.out(lines.join('\n'));
}
