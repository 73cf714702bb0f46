import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../atomic-write';

/**
 * Child process for the kill test (atomic-write.crash.test.ts): saves two large documents over one target in turn,
 * forever, until the parent kills it with SIGKILL. Prints "ready" once the payloads are in memory so the parent
 * kills during writes, not during start-up. Usage: node crash-writer.mjs <target> <payloadA> <payloadB>
 */
const [target, pathA, pathB] = process.argv.slice(2);
if (!target || !pathA || !pathB) {
  process.stderr.write('用法：crash-writer <目标文件> <内容A> <内容B>\n');
  process.exit(2);
}
const payloads = [readFileSync(pathA), readFileSync(pathB)];

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  for (let i = 0; ; i += 1) await writeFileAtomic(target!, payloads[i % 2]!);
}
void main();
