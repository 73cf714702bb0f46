#!/usr/bin/env node
// `budget-disclosure` entry: runs the TypeScript CLI through tsx's ESM loader, so no build step is needed after `npm ci`.
import { register } from 'tsx/esm/api';

// Last line of defence: whatever escapes run() (it should not) ends in a Chinese sentence and exit 2, never an
// English message or a stack trace.
const INTERNAL = '程序内部错误，操作未完成。请将所用文件和命令行反馈给技术支持。\n';
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, () => {
    process.stderr.write(INTERNAL);
    process.exit(2);
  });
}

register();
const { run } = await import(new URL('./main.ts', import.meta.url).href);
process.exitCode = await run(process.argv.slice(2));
