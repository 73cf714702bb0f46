/**
 * A long table reaches a new grid in parts: the first rows at once (the screenful the officer sees first), the rest
 * a chunk per task, so opening 10,000 rows never holds the window for long. The grid's rows (use-grid-host.ts) and
 * the column widths (use-column-widths.ts) follow the same parts.
 */
export const FIRST_ROWS = 300;
export const ROWS_PER_TASK = 1200;

/** Whether a table is long enough to come in parts. */
export const comesInParts = (rows: readonly unknown[]): boolean => rows.length > 2 * FIRST_ROWS;

/** The rows handed over at once: all of a short table, the first FIRST_ROWS of a long one. */
export function firstPart<T>(rows: readonly T[]): T[] {
  return comesInParts(rows) ? rows.slice(0, FIRST_ROWS) : (rows as T[]);
}

/**
 * Hands the rows after the first part to `take`, a chunk per task; `take` returns false to stop (the rows were
 * replaced meanwhile), and `done` runs after the last chunk. Returns what cancels the rest.
 */
export function laterParts<T>(rows: readonly T[], take: (chunk: T[]) => boolean, done?: () => void): () => void {
  if (!comesInParts(rows)) return () => undefined;
  let at = FIRST_ROWS;
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(function step() {
    timer = undefined;
    if (!take(rows.slice(at, at + ROWS_PER_TASK))) return;
    at += ROWS_PER_TASK;
    if (at < rows.length) timer = setTimeout(step, 0);
    else done?.();
  }, 0);
  return () => clearTimeout(timer);
}
