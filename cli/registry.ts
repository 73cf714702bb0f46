import { readdirSync } from 'node:fs';
import type { WriteFiles } from './io';

/**
 * Subcommands are the files cli/commands/<name>.ts, each exporting `command: CliCommand`. They are discovered at
 * run time, so a new subcommand (`import`, `export` …) is one new file and no shared list to edit, and one
 * broken file only breaks its own subcommand.
 */
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** How files are written (default: all or none, atomically); tests inject failures here. */
  writeFiles?: WriteFiles;
}

export interface CliCommand {
  name: string;
  /** One Chinese line for the help listing. */
  summary: string;
  /** Usage line(s) after the program name: "validate FILE [--json]". */
  usage: string;
  /** Option names that take a value (others are flags); short aliases map to long names. */
  valueOptions?: readonly string[];
  flagOptions?: readonly string[];
  aliases?: Record<string, string>;
  /** Returns the exit code: 0 ok, 1 findings/errors, 2 unusable input or usage error. */
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

const COMMANDS_DIR = new URL('./commands/', import.meta.url);

export function commandNames(): string[] {
  return readdirSync(COMMANDS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export async function loadCommand(name: string): Promise<CliCommand> {
  const mod = (await import(new URL(`./${name}.ts`, COMMANDS_DIR).href)) as { command?: CliCommand };
  if (!mod.command) throw new Error(`子命令文件 ${name}.ts 没有导出 command`);
  return mod.command;
}

export type ParseArgsResult = { ok: true; args: ParsedArgs } | { ok: false; message: string };

export function parseArgs(argv: readonly string[], cmd: Pick<CliCommand, 'valueOptions' | 'flagOptions' | 'aliases'>): ParseArgsResult {
  const values = new Set(cmd.valueOptions ?? []);
  const flags = new Set(cmd.flagOptions ?? []);
  const aliases = cmd.aliases ?? {};
  const args: ParsedArgs = { positionals: [], options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      args.positionals.push(a);
      continue;
    }
    let name = a.replace(/^--?/, '');
    let inline: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      inline = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    name = aliases[name] ?? name;
    if (values.has(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) return { ok: false, message: `选项 --${name} 需要一个值` };
      args.options[name] = v;
    } else if (flags.has(name)) {
      args.options[name] = true;
    } else {
      return { ok: false, message: `未知选项 ${a}` };
    }
  }
  return { ok: true, args };
}
