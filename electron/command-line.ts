import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Document files the app opens from the command line or a double-click (file association). */
const OPENABLE = /\.(ysgk|json)$/i;

/**
 * The document path in a process's argv, or null. argv[0] is the executable; when unpackaged (`electron .`) argv[1]
 * is the app folder. Chromium switches (Windows adds some to a second instance's argv) are skipped. Linux file
 * managers may pass file:// URLs (the desktop entry's %U), with Chinese names percent-encoded. The last matching
 * argument wins, relative paths resolve against the launching process's working folder.
 */
export function fileFromArgv(argv: readonly string[], options: { isPackaged: boolean; cwd: string }): string | null {
  const args = argv.slice(options.isPackaged ? 1 : 2);
  let found: string | null = null;
  for (const arg of args) {
    if (!arg || arg.startsWith('-')) continue;
    let path = arg;
    if (/^file:/i.test(arg)) {
      try {
        path = fileURLToPath(arg);
      } catch {
        continue; // a file URL of another host or malformed: not a local document
      }
    } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) continue; // http:, smb: … never opened
    if (!OPENABLE.test(path)) continue;
    found = isAbsolute(path) ? path : resolve(options.cwd, path);
  }
  return found;
}
