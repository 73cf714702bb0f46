import type { CliIO, ParsedArgs } from './registry';

/**
 * How a command refuses arguments it cannot use: the Chinese sentence (with an example) on stderr and exit code 2,
 * the code every command gives for a usage mistake, so a script can tell it from findings (1).
 */
export function usageError(io: Pick<CliIO, 'err'>, message: string): 2 {
  io.err(message);
  return 2;
}

/** A value option given with some text (`-o 部门.ysgk`, `--unit 某某局`), trimmed; undefined when absent or blank. */
export function textOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
