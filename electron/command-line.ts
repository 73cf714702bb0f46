import { isAbsolute, resolve } from 'node:path';

/** Document files the app opens from the command line or a double-click (file association). */
const OPENABLE = /\.(ysgk|json)$/i;

/**
 * The document path in a process's argv, or null. argv[0] is the executable; when unpackaged (`electron .`) argv[1]
 * is the app folder. Chromium switches (Windows adds some to a second instance's argv) are skipped. The last
 * matching argument wins, relative paths resolve against the launching process's working folder.
 */
export function fileFromArgv(argv: readonly string[], options: { isPackaged: boolean; cwd: string }): string | null {
  const args = argv.slice(options.isPackaged ? 1 : 2);
  let found: string | null = null;
  for (const arg of args) {
    if (!arg || arg.startsWith('-')) continue;
    if (!OPENABLE.test(arg)) continue;
    found = isAbsolute(arg) ? arg : resolve(options.cwd, arg);
  }
  return found;
}
