#!/usr/bin/env node
// `budget-disclosure` entry: runs the TypeScript CLI through tsx's ESM loader, so no build step is needed after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { run } = await import(new URL('./main.ts', import.meta.url).href);
process.exitCode = await run(process.argv.slice(2));
