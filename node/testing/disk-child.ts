import { utimesSync } from 'node:fs';
import { acquireLock } from '../lock-file';
import { writeFileAtomic } from '../atomic-write';

/**
 * The second process of the two-process tests (lock-file, file-stamp, atomic write as another user): bundled by
 * esbuild and run with process.execPath. Prints one JSON line with the outcome, then:
 *   lock <document>            holds the lock until killed (prints {ok, pid} or {ok:false, heldBy})
 *   write <file> <text>        writeFileAtomic and exit (prints {ok} or {code})
 *   touch <file> <mtimeMs>     sets the mtime only, same bytes
 */
const [verb, path, arg] = process.argv.slice(2);

function say(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

async function main(): Promise<void> {
  if (verb === 'lock' && path) {
    const r = await acquireLock(path);
    say(r.ok ? { ok: true, pid: process.pid, info: r.lock.info } : { ok: false, heldBy: r.heldBy });
    // Stay alive holding the lock until the parent kills us.
    if (r.ok) setInterval(() => undefined, 60_000);
    return;
  }
  if (verb === 'write' && path && arg !== undefined) {
    try {
      await writeFileAtomic(path, new TextEncoder().encode(arg));
      say({ ok: true });
    } catch (error) {
      say({ ok: false, code: (error as NodeJS.ErrnoException).code });
    }
    return;
  }
  if (verb === 'touch' && path && arg) {
    const t = Number(arg) / 1000;
    utimesSync(path, t, t);
    say({ ok: true });
    return;
  }
  process.stderr.write('用法：disk-child lock|write|touch <文件> [参数]\n');
  process.exit(2);
}
void main();
