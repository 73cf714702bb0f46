// Worker entry: a worker thread starts without the parent's tsx loader, so it registers tsx itself (as cli/bin.mjs
// does) before loading the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./core-thread.ts', import.meta.url).href);
