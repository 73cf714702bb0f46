import { config, z } from 'zod';

/**
 * zod, configured once for every schema of the program: schemas are built after this module ran, because each file
 * that defines one imports `z` from here.
 *
 * jitless: zod would otherwise compile a parser per object schema with `new Function` on first use. The desktop
 * page forbids that (its Content-Security-Policy has no unsafe-eval), so there zod already falls back; the browser
 * build, the worker and the CLI would compile. Compiling pays only for schemas parsed many times, while a template
 * set is validated once per open — without it the first validation of a set takes about 40% less time, and a
 * 10,000-row document parses as fast. One behaviour on every host.
 */
config({ jitless: true });

export { z };
