import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../atomic-write';
import { writeFilesAtomic } from '../atomic-batch';
import { createBackupStore } from '../backup-store';
import { acquireLock } from '../lock-file';

/**
 * The process `npm run crash-test` kills with SIGKILL at random moments. Each scenario loops forever over one disk
 * operation the app or the CLI performs; it prints "ready" once its payloads are in memory, so kills land during the
 * work, not during start-up.
 *   save   <target> <payloadA> <payloadB>             document saves (atomic write with .bak)
 *   batch  <targetX> <targetY> <payloadA> <payloadB>  export of two files all or none
 *   backup <storeDir> <document> <payloadA> <payloadB> per-user history: add a version, prune to 10
 *   lock   <document>                                  take, refresh and release the document lock
 */
const [scenario, ...args] = process.argv.slice(2);

async function main(): Promise<void> {
  if (scenario === 'save') {
    const [target, a, b] = args as [string, string, string];
    const payloads = [readFileSync(a), readFileSync(b)];
    process.stdout.write('ready\n');
    for (let i = 0; ; i += 1) await writeFileAtomic(target, payloads[i % 2]!);
  }
  if (scenario === 'batch') {
    const [x, y, a, b] = args as [string, string, string, string];
    const payloads = [readFileSync(a), readFileSync(b)];
    process.stdout.write('ready\n');
    for (let i = 0; ; i += 1) {
      const bytes = payloads[i % 2]!;
      await writeFilesAtomic([
        { target: x, bytes, backup: true },
        { target: y, bytes, backup: true },
      ]);
    }
  }
  if (scenario === 'backup') {
    const [store, doc, a, b] = args as [string, string, string, string];
    const payloads = [readFileSync(a), readFileSync(b)];
    const backups = createBackupStore(store);
    process.stdout.write('ready\n');
    for (let i = 0; ; i += 1) await backups.add(doc, payloads[i % 2]!);
  }
  if (scenario === 'lock') {
    const [doc] = args as [string];
    process.stdout.write('ready\n');
    for (;;) {
      const r = await acquireLock(doc);
      if (!r.ok) continue;
      await r.lock.refresh();
      await r.lock.release();
    }
  }
  process.stderr.write('用法：crash-child save|batch|backup|lock …\n');
  process.exit(2);
}
void main();
